package org.aaec.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files natively: integer PCM of 8, 16, 24 or 32 bits, IEEE float of 32 or 64
 * bits, plain or WAVE_FORMAT_EXTENSIBLE, any channel count and sample rate.
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
    public AudioClip decode(Path file) throws AudioInputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AudioInputException(file, AudioInputException.Problem.UNREADABLE, e.getMessage(), e);
        }
        if (!looksLikeWav(bytes)) {
            throw new AudioInputException(file, AudioInputException.Problem.NOT_AUDIO, "no RIFF/WAVE header");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(12);
        Format format = null;
        while (buf.remaining() >= 8) {
            String id = chunkId(buf);
            long size = Integer.toUnsignedLong(buf.getInt());
            int bodyStart = buf.position();
            if (id.equals("fmt ")) {
                format = readFormat(file, buf, size);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new AudioInputException(file, AudioInputException.Problem.CORRUPT,
                            "data chunk before fmt chunk");
                }
                long available = buf.remaining();
                if (size == STREAMING_SIZE || size == 0) {
                    size = available; // written by a streaming encoder that never patched the size
                } else if (size > available) {
                    throw new AudioInputException(file, AudioInputException.Problem.CORRUPT,
                            "data chunk declares " + size + " bytes but only " + available + " follow");
                }
                return decodeSamples(file, buf, (int) size, format);
            }
            long next = bodyStart + size + (size & 1); // chunks are padded to even length
            if (next > buf.limit()) {
                break;
            }
            buf.position((int) next);
        }
        throw new AudioInputException(file, AudioInputException.Problem.CORRUPT,
                format == null ? "no fmt chunk" : "no data chunk");
    }

    private record Format(int code, int channels, int sampleRate, int bitsPerSample) {
    }

    private static String chunkId(ByteBuffer buf) {
        byte[] id = new byte[4];
        buf.get(id);
        return new String(id, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static Format readFormat(Path file, ByteBuffer buf, long size) throws AudioInputException {
        if (size < 16 || size > buf.remaining()) {
            throw new AudioInputException(file, AudioInputException.Problem.CORRUPT, "fmt chunk of " + size + " bytes");
        }
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

    private static AudioClip decodeSamples(Path file, ByteBuffer buf, int size, Format f) throws AudioInputException {
        int bytesPerSample = f.bitsPerSample() / 8;
        int frameBytes = bytesPerSample * f.channels();
        int frames = size / frameBytes;
        if (frames == 0) {
            throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, "data chunk holds no whole frame");
        }
        int channels = f.channels();
        if (f.code() == FORMAT_PCM && f.bitsPerSample() == 16) {
            // the common case, read in bulk and mixed in the same pass: a per-sample ByteBuffer call
            // and a float array of all channels cost more than the conversion itself
            short[] pcm = new short[frames * channels];
            buf.asShortBuffer().get(pcm);
            return new AudioClip(mix16(pcm, channels), f.sampleRate());
        }
        float[] interleaved = new float[frames * channels];
        for (int i = 0; i < interleaved.length; i++) {
            interleaved[i] = readSample(buf, f);
        }
        return new AudioClip(AudioClip.mixToMono(interleaved, channels), f.sampleRate());
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
