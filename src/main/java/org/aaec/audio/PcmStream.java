package org.aaec.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Raw PCM from a stream (a pipe from {@code ffmpeg -f s16le -}, a microphone line) as an
 * {@link AudioSource}: each {@link #next} returns the whole frames that have arrived, at most
 * {@code maxBlock} of them, without waiting for a full block, so that a live stream is passed on
 * as it comes. Channels are averaged to mono.
 */
public final class PcmStream implements AudioSource {

    /** Sample encodings read. */
    public enum Format {
        /** Signed 16-bit little-endian integers. */
        S16LE(2),
        /** 32-bit little-endian IEEE floats. */
        F32LE(4);

        private final int bytes;

        Format(int bytes) {
            this.bytes = bytes;
        }

        /**
         * @param name s16le or f32le, any case
         * @return the format
         * @throws IllegalArgumentException for anything else
         */
        public static Format parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("format must be s16le or f32le, not '" + name + "'");
            }
        }
    }

    private final InputStream in;
    private final Path name;
    private final int rate;
    private final Format format;
    private final int channels;
    private final byte[] buffer;
    private int held; // bytes of an incomplete frame kept from the last read
    private long frames;

    /**
     * @param in the bytes (closed with this source)
     * @param name what to call the stream in errors (for example {@code -} for standard input)
     * @param rate sample rate in Hz
     * @param format sample encoding
     * @param channels interleaved channels
     * @param maxBlock most frames returned at once
     */
    public PcmStream(InputStream in, Path name, int rate, Format format, int channels, int maxBlock) {
        if (rate < AudioLoader.MIN_FILE_RATE || rate > AudioLoader.MAX_FILE_RATE || channels < 1 || channels > 64
                || maxBlock < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "rate %d Hz and %d channel(s): the rate "
                    + "%d to %d Hz, 1 to 64 channels", rate, channels, AudioLoader.MIN_FILE_RATE,
                    AudioLoader.MAX_FILE_RATE));
        }
        this.in = in;
        this.name = name;
        this.rate = rate;
        this.format = format;
        this.channels = channels;
        this.buffer = new byte[maxBlock * channels * format.bytes];
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public float[] next() throws AudioInputException {
        int frameBytes = channels * format.bytes;
        try {
            while (true) {
                int n = in.read(buffer, held, buffer.length - held);
                if (n < 0) {
                    return null; // a partial frame at the very end is dropped
                }
                held += n;
                int whole = held / frameBytes;
                if (whole == 0) {
                    continue;
                }
                float[] out = decode(whole);
                int used = whole * frameBytes;
                System.arraycopy(buffer, used, buffer, 0, held - used);
                held -= used;
                return out;
            }
        } catch (IOException e) {
            throw new AudioInputException(name, AudioInputException.Problem.UNREADABLE, e.getMessage(), e);
        }
    }

    private float[] decode(int whole) throws AudioInputException {
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, whole * channels * format.bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[whole];
        for (int f = 0; f < whole; f++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += format == Format.S16LE ? b.getShort() / 32768.0 : b.getFloat();
            }
            float v = (float) (sum / channels);
            if (!(Math.abs(v) <= AudioLoader.MAX_ABS_SAMPLE)) {
                throw new AudioInputException(name, AudioInputException.Problem.INVALID_SAMPLES, String.format(
                        Locale.ROOT, "sample %d (at %.3f s) is %s", frames + f, (frames + f) / (double) rate, v));
            }
            out[f] = v;
        }
        frames += whole;
        return out;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing more will be read
        }
    }
}
