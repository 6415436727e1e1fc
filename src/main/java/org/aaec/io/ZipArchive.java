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
     * What reading an archive may expand to, checked while reading: a file from elsewhere may be a
     * zip bomb (a few MB that inflate to GB).
     *
     * @param maxEntries most entries
     * @param maxEntryBytes most bytes of one entry after inflating
     * @param maxTotalBytes most bytes of all entries after inflating
     */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        /** Model files: a classifier's weights are a few MB; 64 entries, 128 MB each, 256 MB in all. */
        public static final Limits MODEL = new Limits(64, 128L << 20, 256L << 20);
        /** Training checkpoints (every network and the optimiser's moments): 64 entries, 1 GB each and in all. */
        public static final Limits CHECKPOINT = new Limits(64, 1L << 30, 1L << 30);
    }

    /**
     * @param in a zip stream (closed by this method)
     * @param origin name for error messages
     * @param limits what it may expand to
     * @return its entries in order
     * @throws IOException naming the origin when it cannot be read, holds nothing or exceeds the limits
     */
    public static Map<String, byte[]> read(InputStream in, String origin, Limits limits) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        long total = 0;
        byte[] chunk = new byte[1 << 16];
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (out.size() >= limits.maxEntries()) {
                    throw new IOException(origin + ": more than " + limits.maxEntries() + " entries; not an aaec file");
                }
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                int n;
                while ((n = zip.read(chunk)) > 0) {
                    total += n;
                    if (buf.size() + n > limits.maxEntryBytes() || total > limits.maxTotalBytes()) {
                        throw new IOException(String.format(java.util.Locale.ROOT,
                                "%s: entry '%s' inflates beyond %d MB (at most %d MB per entry, %d MB in all); "
                                        + "refused as a possible zip bomb", origin, e.getName(), (buf.size() + n) >> 20,
                                limits.maxEntryBytes() >> 20, limits.maxTotalBytes() >> 20));
                    }
                    buf.write(chunk, 0, n);
                }
                out.put(e.getName(), buf.toByteArray());
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(origin + ": not a readable zip archive (" + e.getMessage() + ")", e);
        }
        if (out.isEmpty()) {
            throw new IOException(origin + ": not an aaec archive (no zip entries)");
        }
        return out;
    }

    /**
     * @param file a file written by {@link #write}
     * @param limits what it may expand to
     * @return its entries
     * @throws IOException when it cannot be read
     */
    public static Map<String, byte[]> read(Path file, Limits limits) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": " + (Files.exists(file) ? "not a regular file" : "file not found"));
        }
        return read(Files.newInputStream(file), file.toString(), limits);
    }
}
