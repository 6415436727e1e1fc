package org.aaec.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads RIFF/WAVE files natively: integer PCM of 8, 16, 24 or 32 bits, IEEE float of 32 or 64
 * bits, plain or WAVE_FORMAT_EXTENSIBLE, any channel count and sample rate, of any length: the file
 * is read block by block through a {@link FileChannel}, never whole (files over 2 GB included).
 *
 * <p>Written by hand because WAV is the one format every corpus has and the Java Sound API
 * rejects 24/32-bit and float variants; a 100-line parser is simpler and faster than routing
 * the most common format through FFmpeg.
 */
public final class WavDecoder implements AudioDecoder {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    private static final long STREAMING_SIZE = 0xFFFFFFFFL;
    /** Frames per block read: 64 Ki frames, 1.4 s at 48 kHz. */
    private static final int BLOCK_FRAMES = 1 << 16;
    /** A {@code fmt } chunk is 16 to 40 bytes; anything near this is not a WAV header. */
    private static final long MAX_FMT_BYTES = 1 << 16;

    /**
     * Whether the first bytes of a file look like a RIFF/WAVE header.
     *
     * @param head at least the first 12 bytes of the file
     * @return true for a WAV file
     */
    public static boolean looksLikeWav(byte[] head) {
        return head.length >= 12
                && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F'
                && head[8] == 'W' && head[9] == 'A' && head[10] == 'V' && head[11] == 'E';
    }

    @Override
    public AudioSource open(Path file) throws AudioInputException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new AudioInputException(file, AudioInputException.Problem.UNREADABLE, e.getMessage(), e);
        }
        try {
            return openChannel(file, channel);
        } catch (AudioInputException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** Walks the chunks up to {@code data}, reading only their headers and the {@code fmt } chunk. */
    private static AudioSource openChannel(Path file, FileChannel channel) throws AudioInputException {
        long length = size(file, channel);
        ByteBuffer head = readAt(file, channel, 0, 12);
        if (!looksLikeWav(head.array())) {
            throw new AudioInputException(file, AudioInputException.Problem.NOT_AUDIO, "no RIFF/WAVE header");
        }
        Format format = null;
        long pos = 12;
        while (length - pos >= 8) {
            ByteBuffer header = readAt(file, channel, pos, 8);
            String id = chunkId(header);
            long size = Integer.toUnsignedLong(header.getInt());
            long bodyStart = pos + 8;
            long available = length - bodyStart;
            if (id.equals("fmt ")) {
                if (size < 16 || size > Math.min(available, MAX_FMT_BYTES)) {
                    throw new AudioInputException(file, AudioInputException.Problem.CORRUPT,
                            "fmt chunk of " + size + " bytes");
                }
                format = readFormat(file, readAt(file, channel, bodyStart, (int) size), size);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new AudioInputException(file, AudioInputException.Problem.CORRUPT,
                            "data chunk before fmt chunk");
                }
                if (size == STREAMING_SIZE || size == 0) {
                    size = available; // written by a streaming encoder that never patched the size
                } else if (size > available) {
                    throw new AudioInputException(file, AudioInputException.Problem.CORRUPT,
                            "data chunk declares " + size + " bytes but only " + available + " follow");
                }
                long frames = size / format.frameBytes();
                if (frames == 0) {
                    throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO,
                            "data chunk holds no whole frame");
                }
                return new Source(file, channel, format, bodyStart, frames);
            }
            pos = bodyStart + size + (size & 1); // chunks are padded to even length
        }
        throw new AudioInputException(file, AudioInputException.Problem.CORRUPT,
                format == null ? "no fmt chunk" : "no data chunk");
    }

    private static long size(Path file, FileChannel channel) throws AudioInputException {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new AudioInputException(file, AudioInputException.Problem.UNREADABLE, e.getMessage(), e);
        }
    }

    /** Exactly {@code n} bytes at {@code pos}, little-endian, or a "truncated" error. */
    private static ByteBuffer readAt(Path file, FileChannel channel, long pos, int n) throws AudioInputException {
        ByteBuffer buf = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        fill(file, channel, buf, pos, "ends inside a chunk header");
        return buf.flip();
    }

    /** Fills {@code buf} from {@code pos}; an end of file first is CORRUPT ({@code early} and the byte). */
    private static void fill(Path file, FileChannel channel, ByteBuffer buf, long pos, String early)
            throws AudioInputException {
        try {
            while (buf.hasRemaining()) {
                if (channel.read(buf, pos + buf.position()) < 0) {
                    throw new AudioInputException(file, AudioInputException.Problem.CORRUPT,
                            early + " at byte " + (pos + buf.position()));
                }
            }
        } catch (AudioInputException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioInputException(file, AudioInputException.Problem.UNREADABLE, e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written; a failed close of a read-only channel loses nothing
        }
    }

    /** The samples of the data chunk, {@link #BLOCK_FRAMES} frames per block. */
    private static final class Source implements AudioSource {
        private final Path file;
        private final FileChannel channel;
        private final Format format;
        private final long dataStart;
        private final long frames;
        private final ByteBuffer buf;
        private final int blockFrames;
        private long done;

        Source(Path file, FileChannel channel, Format format, long dataStart, long frames) {
            this.file = file;
            this.channel = channel;
            this.format = format;
            this.dataStart = dataStart;
            this.frames = frames;
            // at most 1 MB a block whatever the header claims (65 535 channels of 64 bits are 512 kB a frame)
            this.blockFrames = Math.max(1, Math.min(BLOCK_FRAMES, (1 << 20) / format.frameBytes()));
            this.buf = ByteBuffer.allocate(blockFrames * format.frameBytes()).order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public int sampleRate() {
            return format.sampleRate();
        }

        @Override
        public float[] next() throws AudioInputException {
            int n = (int) Math.min(blockFrames, frames - done);
            if (n <= 0) {
                return null;
            }
            buf.clear().limit(n * format.frameBytes());
            fill(file, channel, buf, dataStart + done * format.frameBytes(), "file shrank while being read");
            buf.flip();
            done += n;
            return decodeFrames(buf, n, format);
        }

        @Override
        public void close() {
            closeQuietly(channel);
        }
    }

    private record Format(int code, int channels, int sampleRate, int bitsPerSample) {
        int frameBytes() {
            return bitsPerSample / 8 * channels;
        }
    }

    private static String chunkId(ByteBuffer buf) {
        byte[] id = new byte[4];
        buf.get(id);
        return new String(id, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static Format readFormat(Path file, ByteBuffer buf, long size) throws AudioInputException {
        int start = buf.position();
        int code = Short.toUnsignedInt(buf.getShort());
        int channels = Short.toUnsignedInt(buf.getShort());
        int sampleRate = buf.getInt();
        buf.getInt(); // byte rate
        buf.getShort(); // block align
        int bits = Short.toUnsignedInt(buf.getShort());
        if (code == FORMAT_EXTENSIBLE) {
            if (size < 40) {
                throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, "short WAVE_FORMAT_EXTENSIBLE");
            }
            buf.position(start + 24); // the sub-format GUID starts with the real format code
            code = Short.toUnsignedInt(buf.getShort());
        }
        if (channels < 1) {
            throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, "channel count " + channels);
        }
        if (sampleRate <= 0) {
            throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, "sample rate " + sampleRate);
        }
        boolean pcmOk = code == FORMAT_PCM && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
        boolean floatOk = code == FORMAT_FLOAT && (bits == 32 || bits == 64);
        if (!pcmOk && !floatOk) {
            throw new AudioInputException(file, AudioInputException.Problem.UNSUPPORTED,
                    "WAV format code " + code + " with " + bits + " bits per sample");
        }
        return new Format(code, channels, sampleRate, bits);
    }

    private static float[] decodeFrames(ByteBuffer buf, int frames, Format f) {
        int channels = f.channels();
        if (f.code() == FORMAT_PCM && f.bitsPerSample() == 16) {
            // the common case, read in bulk and mixed in the same pass: a per-sample ByteBuffer call
            // and a float array of all channels cost more than the conversion itself
            short[] pcm = new short[frames * channels];
            buf.asShortBuffer().get(pcm);
            return mix16(pcm, channels);
        }
        float[] interleaved = new float[frames * channels];
        for (int i = 0; i < interleaved.length; i++) {
            interleaved[i] = readSample(buf, f);
        }
        return AudioClip.mixToMono(interleaved, channels);
    }

    /**
     * 16-bit frames to mono floats, the same values as converting each sample to a float and
     * averaging ({@link AudioClip#mixToMono}): the integer sum is exact, and one division rounds it.
     */
    static float[] mix16(short[] pcm, int channels) {
        int frames = pcm.length / channels;
        float[] mono = new float[frames];
        if (channels == 1) {
            for (int i = 0; i < frames; i++) {
                mono[i] = pcm[i] / 32768f;
            }
        } else if (channels == 2) {
            for (int i = 0; i < frames; i++) {
                mono[i] = (pcm[2 * i] + pcm[2 * i + 1]) / 65536f;
            }
        } else {
            double scale = 32768.0 * channels;
            for (int i = 0; i < frames; i++) {
                int sum = 0;
                for (int c = 0; c < channels; c++) {
                    sum += pcm[i * channels + c];
                }
                mono[i] = (float) (sum / scale);
            }
        }
        return mono;
    }

    private static float readSample(ByteBuffer buf, Format f) {
        if (f.code() == FORMAT_FLOAT) {
            return f.bitsPerSample() == 32 ? buf.getFloat() : (float) buf.getDouble();
        }
        switch (f.bitsPerSample()) {
            case 8:
                return ((buf.get() & 0xFF) - 128) / 128f; // 8-bit WAV is unsigned
            case 16:
                return buf.getShort() / 32768f;
            case 24: {
                int b0 = buf.get() & 0xFF;
                int b1 = buf.get() & 0xFF;
                int b2 = buf.get(); // sign-extending top byte
                return ((b2 << 16) | (b1 << 8) | b0) / 8388608f;
            }
            default:
                return (float) (buf.getInt() / 2147483648.0);
        }
    }
}
