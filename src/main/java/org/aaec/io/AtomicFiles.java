package org.aaec.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader (or a kill) sees the old content or the new one, never half: the
 * bytes go to a temporary file in the target's folder whose name is unique to this writer (so two
 * processes writing the same target never trip over each other's temporary file), which is then
 * renamed over the target. The temporary file is removed when writing fails.
 */
public final class AtomicFiles {

    /** Content written to a stream. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write (closed by the caller)
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param file target (its folder is created)
     * @param content what to write
     * @throws IOException when writing fails; the previous file is untouched
     */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                content.writeTo(os);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param file target
     * @param bytes its new content
     * @throws IOException when writing fails
     */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, os -> os.write(bytes));
    }

    /**
     * @param file target
     * @param text its new content, UTF-8
     * @throws IOException when writing fails
     */
    public static void writeString(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
