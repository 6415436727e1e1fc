package org.aaec.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code root/<class>/.../<file>}: the first folder below the root names the class of one
 * label column. Speakers are unknown, so every clip forms its own speaker group; give a manifest
 * with a speaker column for speaker-independent evaluation.
 */
public final class FolderPerClassReader implements CorpusReader {

    private final String labelColumn;

    /**
     * @param labelColumn name of the label the folders encode, e.g. {@code emotion}
     */
    public FolderPerClassReader(String labelColumn) {
        this.labelColumn = labelColumn;
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
        for (Path f : files) {
            String cls = root.relativize(f).getName(0).toString();
            entries.add(ManifestEntry.of(ids.get(f), f, "", Map.of(labelColumn, cls)));
        }
        return new Manifest(List.of(labelColumn), entries);
    }
}
