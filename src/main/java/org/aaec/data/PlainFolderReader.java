package org.aaec.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads every audio file below a folder as an unlabelled clip, e.g. to extract features for
 * prediction. Entries named like audio that are not regular files (a FIFO, a dangling link, a
 * folder named {@code x.wav}) are listed too, so that each becomes a named error row instead of
 * vanishing silently.
 */
public final class PlainFolderReader implements CorpusReader {

    @Override
    public Manifest read(Path root) throws IOException {
        List<Path> files = AudioFiles.list(root, true);
        if (files.isEmpty()) {
            throw new ManifestException(root, 0, "no audio files found");
        }
        Map<Path, String> ids = ClipIds.assign(files, root);
        return new Manifest(List.of(), files.stream().map(f -> ManifestEntry.of(ids.get(f), f, "", Map.of())).toList());
    }
}
