package org.aaec.audio;

import java.util.Arrays;

/**
 * Mono audio samples in [-1, 1] at a known sample rate: the unit that flows from the decoders
 * to the feature extractor.
 *
 * @param samples mono samples, not copied (treat as read-only)
 * @param sampleRate samples per second
 */
public record AudioClip(float[] samples, int sampleRate) {

    /** Checks the invariants. */
    public AudioClip {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
    }

    /** Length in seconds. */
    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /**
     * Averages interleaved channels into one.
     *
     * @param interleaved frames of {@code channels} samples each
     * @param channels number of channels, at least 1
     * @return the mono mix (the input itself when {@code channels == 1})
     */
    public static float[] mixToMono(float[] interleaved, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channel count must be at least 1: " + channels);
        }
        if (channels == 1) {
            return interleaved;
        }
        int frames = interleaved.length / channels;
        float[] mono = new float[frames];
        for (int i = 0; i < frames; i++) {
            double sum = 0;
            int base = i * channels;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[base + c];
            }
            mono[i] = (float) (sum / channels);
        }
        return mono;
    }

    /**
     * Cuts the clip at {@code maxSeconds} or pads it with trailing zeros to exactly that length,
     * as SPEC.md's input definition requires.
     *
     * @param maxSeconds target length in seconds
     * @return a clip of exactly {@code round(maxSeconds * sampleRate)} samples
     */
    public AudioClip fitTo(double maxSeconds) {
        int target = (int) Math.round(maxSeconds * sampleRate);
        if (target <= 0) {
            throw new IllegalArgumentException("maxSeconds must be positive: " + maxSeconds);
        }
        if (target == samples.length) {
            return this;
        }
        return new AudioClip(Arrays.copyOf(samples, target), sampleRate);
    }

    /**
     * The part between two times, for corpora whose labels refer to segments of a longer file.
     *
     * @param startSeconds start, clamped to the clip
     * @param endSeconds end, clamped to the clip; must exceed start
     * @return the segment
     */
    public AudioClip segment(double startSeconds, double endSeconds) {
        if (!(endSeconds > startSeconds)) {
            throw new IllegalArgumentException(
                    "segment end " + endSeconds + " s must be after start " + startSeconds + " s");
        }
        int from = (int) Math.min(samples.length, Math.max(0, Math.round(startSeconds * sampleRate)));
        int to = (int) Math.min(samples.length, Math.max(from, Math.round(endSeconds * sampleRate)));
        return new AudioClip(Arrays.copyOfRange(samples, from, to), sampleRate);
    }

    /**
     * The clip as if recorded with another gain: every sample times {@code 10^(dB/20)}. Floats have
     * no full scale, so nothing is clipped; {@link #beyondFullScale()} tells whether a fixed-point
     * file would have clipped.
     *
     * @param db the gain in dB
     * @return a new clip
     */
    public AudioClip withGainDb(double db) {
        float g = (float) Math.pow(10, db / 20);
        float[] out = new float[samples.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[i] * g;
        }
        return new AudioClip(out, sampleRate);
    }

    /** Whether any sample is beyond full scale (|x| > 1): a fixed-point recording would clip there. */
    public boolean beyondFullScale() {
        for (float v : samples) {
            if (Math.abs(v) > 1f) {
                return true;
            }
        }
        return false;
    }
}
