package org.aaec.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code root/<class>/.../<file>}: the first folder below the root names the class of one
 * label column. Speakers are unknown, so every clip forms its own speaker group; give a manifest
 * with a speaker column for speaker-independent evaluation. With a label map, the folder's class
 * is the map's source label and the map's other columns are derived from it (e.g. folders named
 * by emotion give arousal and valence too).
 */
public final class FolderPerClassReader implements CorpusReader {

    private final String labelColumn;
    private final LabelMap labelMap;

    /**
     * @param labelColumn name of the label the folders encode, e.g. {@code emotion}
     * @param labelMap derives further labels from the folder's class, or {@code null}
     * @throws IllegalArgumentException when the map maps another column than the folders name
     */
    public FolderPerClassReader(String labelColumn, LabelMap labelMap) {
        if (labelMap != null && !labelMap.sourceColumn().equals(labelColumn)) {
            throw new IllegalArgumentException("the label map maps '" + labelMap.sourceColumn() + "' but the folders "
                    + "name '" + labelColumn + "'; set the label column to '" + labelMap.sourceColumn() + "'");
        }
        this.labelColumn = labelColumn;
        this.labelMap = labelMap;
    }

    @Override
    public Manifest read(Path root) throws IOException {
        List<Path> files = AudioFiles.list(root).stream().filter(f -> root.relativize(f).getNameCount() >= 2)
                .toList();
        if (files.isEmpty()) {
            throw new ManifestException(root, 0, "no audio files in class folders (expected root/<class>/<file>)");
        }
        Map<Path, String> ids = ClipIds.assign(files, root);
        List<ManifestEntry> entries = new ArrayList<>();
        List<String> columns = new ArrayList<>(List.of(labelColumn));
        if (labelMap != null) {
            columns.addAll(labelMap.targetColumns());
        }
        for (Path f : files) {
            String cls = root.relativize(f).getName(0).toString();
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            labels.put(labelColumn, cls);
            if (labelMap != null) {
                try {
                    labels.putAll(labelMap.derive(cls));
                } catch (IllegalArgumentException e) {
                    throw new ManifestException(f, 0, "folder '" + cls + "': " + e.getMessage());
                }
            }
            entries.add(ManifestEntry.of(ids.get(f), f, "", labels));
        }
        return new Manifest(columns, entries);
    }
}
