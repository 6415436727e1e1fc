package org.aaec.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.aaec.serving.ZipArchive;

/**
 * A training checkpoint: weights, optimizer moments and the run's position as named entries of one
 * zip, replaced atomically so a kill at any moment leaves a readable checkpoint.
 */
final class Checkpoint {

    private Checkpoint() {
    }

    static void write(Path file, Map<String, byte[]> entries) throws IOException {
        ZipArchive.write(file, entries);
    }

    static Map<String, byte[]> read(Path file) throws IOException {
        return ZipArchive.read(file);
    }
}
