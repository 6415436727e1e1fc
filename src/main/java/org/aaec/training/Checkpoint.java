package org.aaec.training;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A checkpoint file: named binary entries in one zip, written to a temporary file in the same folder
 * and then renamed over the old one, so a kill at any moment leaves either the previous checkpoint
 * or the new one, never half of one.
 */
public final class Checkpoint {

    private Checkpoint() {
    }

    /**
     * Writes entries atomically.
     *
     * @param file target file
     * @param entries name to content, in order
     * @throws IOException when writing fails (the previous file is untouched)
     */
    public static void write(Path file, Map<String, byte[]> entries) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * @param file a file written by {@link #write}
     * @return its entries in order
     * @throws IOException when it cannot be read or is not a zip
     */
    public static Map<String, byte[]> read(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream is = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(is)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                zip.transferTo(buf);
                out.put(e.getName(), buf.toByteArray());
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": not a checkpoint (no entries)");
        }
        return out;
    }
}
