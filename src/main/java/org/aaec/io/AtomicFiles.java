package org.aaec.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

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

    /** The ending of every temporary file this class writes. */
    public static final String TEMP_SUFFIX = ".tmp";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {
    }

    /**
     * Removes the temporary files a killed writer left in a folder (a kill between writing and
     * renaming leaves one, a 25 MB checkpoint for instance). Call it only while holding the folder's
     * {@link FolderLock}, when no other writer can be at work there.
     *
     * @param dir a folder written with this class
     * @return how many files were removed
     * @throws IOException when the folder cannot be listed
     */
    public static int removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int n = 0;
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(TEMP_SUFFIX) && Files.isRegularFile(p)
                        && Files.deleteIfExists(p)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * @param file target (its folder is created)
     * @param content what to write
     * @throws IOException when writing fails; the previous file is untouched
     */
    public static void write(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: it makes the file 0600, and a model or report must be readable by
        // others as any file the user creates is (the umask decides, as for every other file)
        Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                + TEMP_SUFFIX);
        try {
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
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
