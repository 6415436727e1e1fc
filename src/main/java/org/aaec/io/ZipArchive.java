package org.aaec.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Named binary entries in one zip file, written atomically: to a temporary file in the target's
 * folder, then renamed over the target, so a kill leaves the old file or the new one, never half.
 * Model files and training checkpoints both use it.
 */
public final class ZipArchive {

    private ZipArchive() {
    }

    /**
     * @param file target
     * @param entries name to content, in order
     * @throws IOException when writing fails (the previous file is untouched)
     */
    public static void write(Path file, Map<String, byte[]> entries) throws IOException {
        AtomicFiles.write(file, os -> {
            ZipOutputStream zip = new ZipOutputStream(os);
            // float weights barely compress; deflating a 70 MB checkpoint cost seconds per epoch
            zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.finish();
        });
    }

    /**
     * @param in a zip stream (closed by this method)
     * @param origin name for error messages
     * @return its entries in order
     * @throws IOException when it cannot be read or holds nothing
     */
    public static Map<String, byte[]> read(InputStream in, String origin) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                zip.transferTo(buf);
                out.put(e.getName(), buf.toByteArray());
            }
        }
        if (out.isEmpty()) {
            throw new IOException(origin + ": not an aaec archive (no zip entries)");
        }
        return out;
    }

    /**
     * @param file a file written by {@link #write}
     * @return its entries
     * @throws IOException when it cannot be read
     */
    public static Map<String, byte[]> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": file not found");
        }
        return read(Files.newInputStream(file), file.toString());
    }
}
