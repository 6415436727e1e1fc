package org.aaec.data;

import java.io.IOException;
import java.nio.file.Path;

/** A manifest, label map or label file that cannot be used, naming the file and, where known, the line. */
public class ManifestException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file the offending file
     * @param line 1-based line number, or 0 when not tied to a line
     * @param message what is wrong
     */
    public ManifestException(Path file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
