package org.aaec.testutil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Synthetic audio for tests: tones, WAV files of every sample format, and other formats via FFmpeg's encoders. */
public final class TestAudio {

    static {
        avutil.av_log_set_level(avutil.AV_LOG_QUIET); // the encoders would print their stream layout
    }

    private TestAudio() {
    }

    /** A sine of the given frequency and amplitude. */
    public static float[] tone(double hz, int rate, double seconds, double amplitude) {
        int n = (int) Math.round(rate * seconds);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    /** Interleaves the same signal into several channels, channel c scaled by scales[c]. */
    public static float[] interleave(float[] mono, double... scales) {
        float[] out = new float[mono.length * scales.length];
        for (int i = 0; i < mono.length; i++) {
            for (int c = 0; c < scales.length; c++) {
                out[i * scales.length + c] = (float) (mono[i] * scales[c]);
            }
        }
        return out;
    }

    /**
     * Writes a WAV file.
     *
     * @param formatCode 1 = PCM, 3 = IEEE float
     * @param bits bits per sample
     * @param extensible write a WAVE_FORMAT_EXTENSIBLE header
     */
    public static Path writeWav(Path file, float[] interleaved, int channels, int rate, int formatCode, int bits,
            boolean extensible) throws IOException {
        int bytesPerSample = bits / 8;
        int dataBytes = interleaved.length * bytesPerSample;
        int fmtSize = extensible ? 40 : 16;
        ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(4 + 8 + fmtSize + 8 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(fmtSize);
        b.putShort((short) (extensible ? 0xFFFE : formatCode)).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bytesPerSample).putShort((short) (channels * bytesPerSample))
                .putShort((short) bits);
        if (extensible) {
            b.putShort((short) 22).putShort((short) bits).putInt(0);
            b.putShort((short) formatCode).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0,
                    0x38, (byte) 0x9B, 0x71});
        }
        b.put("data".getBytes()).putInt(dataBytes);
        for (float v : interleaved) {
            double s = Math.max(-1.0, Math.min(1.0, v));
            if (formatCode == 3) {
                if (bits == 32) {
                    b.putFloat((float) s);
                } else {
                    b.putDouble(s);
                }
            } else if (bits == 8) {
                b.put((byte) Math.min(255, Math.round(s * 128) + 128));
            } else if (bits == 16) {
                b.putShort((short) Math.round(s * 32767));
            } else if (bits == 24) {
                int q = (int) Math.round(s * 8388607);
                b.put((byte) q).put((byte) (q >> 8)).put((byte) (q >> 16));
            } else {
                b.putInt((int) Math.round(s * 2147483647.0));
            }
        }
        Files.write(file, b.array());
        return file;
    }

    /** Writes a 32-bit float mono WAV with the samples as they are (no clamping: NaN and 1e6 stay). */
    public static Path writeWavRaw(Path file, float[] mono, int rate) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 4 * mono.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 4 * mono.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 3).putShort((short) 1).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 32);
        b.put("data".getBytes()).putInt(4 * mono.length);
        for (float v : mono) {
            b.putFloat(v);
        }
        Files.write(file, b.array());
        return file;
    }

    /** Writes a 16-bit PCM mono WAV. */
    public static Path writeWav16(Path file, float[] mono, int rate) throws IOException {
        return writeWav(file, mono, 1, rate, 1, 16, false);
    }

    /**
     * Encodes audio with FFmpeg into the container its extension names (flac, mp3, ogg, opus, m4a, mp4, mkv).
     */
    public static Path encode(Path file, float[] interleaved, int channels, int rate, int codec) throws IOException {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), channels)) {
            rec.setSampleRate(rate);
            rec.setAudioCodec(codec);
            rec.setAudioBitrate(128_000);
            if (codec == org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC) {
                rec.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            }
            rec.start();
            rec.recordSamples(rate, channels, FloatBuffer.wrap(interleaved));
            rec.stop();
        }
        return file;
    }

    /** Goertzel power of one frequency: the amplitude of a sinusoid at {@code hz} in {@code x}. */
    public static double amplitudeAt(float[] x, int from, int to, double hz, int rate) {
        double re = 0;
        double im = 0;
        for (int i = from; i < to; i++) {
            double w = 2 * Math.PI * hz * i / rate;
            re += x[i] * Math.cos(w);
            im -= x[i] * Math.sin(w);
        }
        return 2 * Math.hypot(re, im) / (to - from);
    }
}
