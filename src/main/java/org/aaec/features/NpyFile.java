package org.aaec.features;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes numpy's {@code .npy} format for little-endian float32/float64 arrays in C
 * order, so that Python users can open the feature store with {@code np.load} and tests can
 * read fixtures made by numpy.
 *
 * <p>Written by hand: the format is a fixed magic string, a Python-dict header and raw values
 * (numpy's NEP 1); the only JVM library for it on Maven Central drags in the Kotlin runtime, and
 * DJL's reader needs an NDManager, which this package keeps out of its API.
 */
public final class NpyFile {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** An array read from a file, always as float32 values. */
    public record Array(float[] data, int[] shape) {
        /** The array as a spectrogram; it must be 2-D. */
        public Spectrogram asSpectrogram() {
            if (shape.length != 2) {
                throw new IllegalStateException("expected a 2-D array, got shape " + Arrays.toString(shape));
            }
            return new Spectrogram(data, shape[0], shape[1]);
        }
    }

    private NpyFile() {
    }

    /**
     * Writes a float32 array, atomically: to a temporary file beside the target, then renamed, so
     * that a killed job never leaves a half-written file under the final name.
     *
     * @param file target path
     * @param data values in C order
     * @param shape dimensions, whose product is {@code data.length}
     * @throws IOException when writing fails
     */
    public static void writeFloat32(Path file, float[] data, int... shape) throws IOException {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (count != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length);
        }
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? shape[0] + "," : dims.substring(0, dims.length() - 2);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shapeText + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + 4 * data.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.US_ASCII));
        buf.asFloatBuffer().put(data);
        org.aaec.io.AtomicFiles.write(file, buf.array());
    }

    /**
     * Reads a little-endian float32 or float64 array (float64 is narrowed to float32).
     *
     * @param file an .npy file
     * @return its values and shape
     * @throws IOException naming the file when it is not a supported .npy file
     */
    public static Array read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            map.order(ByteOrder.LITTLE_ENDIAN);
            byte[] magic = new byte[MAGIC.length];
            if (map.remaining() < 10) {
                throw new IOException(file + ": not an .npy file (too short)");
            }
            map.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + ": not an .npy file (bad magic)");
            }
            int major = map.get();
            map.get(); // minor
            int headerLength = major == 1 ? Short.toUnsignedInt(map.getShort()) : map.getInt();
            byte[] headerBytes = new byte[headerLength];
            map.get(headerBytes);
            String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
            String descr = group(file, DESCR, header, "descr");
            if ("True".equals(group(file, FORTRAN, header, "fortran_order"))) {
                throw new IOException(file + ": Fortran-ordered arrays are not supported");
            }
            int[] shape = parseShape(file, header);
            long count = 1;
            for (int d : shape) {
                count *= d;
            }
            float[] data = new float[Math.toIntExact(count)];
            switch (descr) {
                case "<f4" -> {
                    checkSize(file, map, count * 4);
                    map.asFloatBuffer().get(data);
                }
                case "<f8" -> {
                    checkSize(file, map, count * 8);
                    var doubles = map.asDoubleBuffer();
                    for (int i = 0; i < data.length; i++) {
                        data[i] = (float) doubles.get(i);
                    }
                }
                default -> throw new IOException(file + ": unsupported dtype " + descr + " (need <f4 or <f8)");
            }
            return new Array(data, shape);
        }
    }

    /**
     * Reads only the shape of an .npy file, without its values.
     *
     * @param file an .npy file
     * @return its shape
     * @throws IOException when the header cannot be read
     */
    public static int[] readShape(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        return parseShape(file, new String(head, StandardCharsets.ISO_8859_1));
    }

    private static int[] parseShape(Path file, String header) throws IOException {
        return Arrays.stream(group(file, SHAPE, header, "shape").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }

    private static void checkSize(Path file, ByteBuffer map, long bytes) throws IOException {
        if (map.remaining() < bytes) {
            throw new IOException(file + ": truncated .npy (" + map.remaining() + " of " + bytes + " data bytes)");
        }
    }

    private static String group(Path file, Pattern p, String header, String key) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IOException(file + ": .npy header has no " + key);
        }
        return m.group(1);
    }
}
