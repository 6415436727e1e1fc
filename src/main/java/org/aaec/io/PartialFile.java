package org.aaec.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A text output that is written as work goes (each row flushed) yet appears under its name only
 * when complete: rows go to {@code <name>.partial}, which {@link #commit} renames over the target.
 * A crash leaves the finished rows in the partial file and any earlier target untouched.
 */
public final class PartialFile implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final BufferedWriter writer;
    private boolean committed;

    /**
     * @param target the final file; its folder must exist
     * @throws IOException naming the folder when it does not exist or the file cannot be created
     */
    public PartialFile(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": folder " + dir + " does not exist");
        }
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".partial");
        this.writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
    }

    /** Where to write (closing it is harmless; {@link #commit} closes it). */
    public Writer writer() {
        return writer;
    }

    /**
     * Closes the partial file and renames it over the target.
     *
     * @throws IOException when renaming fails
     */
    public void commit() throws IOException {
        writer.close();
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    /** Closes without committing: the partial file stays with the rows written so far. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
        }
    }
}
