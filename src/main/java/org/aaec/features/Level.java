package org.aaec.features;

import java.util.Arrays;

/**
 * The overall level of a recording and how much of it is sound, measured on its power
 * spectrogram, so that the network can be given input that does not depend on the recording's
 * gain (microphone, distance and software gain differ by 30 dB between users; a gain says nothing
 * about the speaker's emotion).
 *
 * <p>Which frames count: frames of exactly zero power (zero padding, digital silence) never do.
 * The noise floor is the 10th percentile of the other frames' energies; a frame is <em>active</em>
 * when its energy is at least 10 dB above that floor and within 30 dB of the loudest frame. Both
 * thresholds are relative, so the same frames are chosen at any gain. The level is the geometric
 * mean of the active frames' energies (the mean of their log energy: a few loud bursts move it less
 * than an RMS would); without active frames it is taken over all non-zero frames.
 *
 * <p>Dividing power by the level ({@link Normalization} with level {@code utterance}) makes the
 * network input exactly invariant to a gain applied to the waveform, padding included (zero stays
 * zero), up to float rounding and clipping.
 *
 * @param power the level, mean power per bin of the active frames (geometric over frames); 1 for a
 *     clip with no sound at all
 * @param activeFrames how many frames were active
 * @param activeSeconds active frames times the hop, in seconds
 */
public record Level(double power, int activeFrames, double activeSeconds) {

    /** Below this many seconds of sound a prediction is flagged as unreliable. */
    public static final double MIN_ACTIVE_SECONDS = 0.3;
    private static final double ABOVE_FLOOR = 10.0; // 10 dB
    private static final double BELOW_LOUDEST = 1e-3; // 30 dB
    private static final double FLOOR_PERCENTILE = 0.10;

    /** Whether enough of the clip is sound for a prediction to mean something. */
    public boolean reliable() {
        return activeSeconds >= MIN_ACTIVE_SECONDS;
    }

    /**
     * Measures a clip.
     *
     * @param power raw power spectrogram
     * @param config the settings it was computed with (for the hop and rate)
     * @return its level and active time
     */
    public static Level of(Spectrogram power, FeatureConfig config) {
        return of(power, config.hop() / (double) config.sampleRate());
    }

    /**
     * Measures a clip.
     *
     * @param power raw power spectrogram
     * @param secondsPerFrame the hop in seconds
     * @return its level and active time
     */
    public static Level of(Spectrogram power, double secondsPerFrame) {
        double[] energy = frameEnergies(power);
        boolean[] active = active(energy);
        int activeCount = count(active);
        boolean[] counted = levelFrames(energy, active);
        int n = count(counted);
        if (n == 0) {
            return new Level(1.0, 0, 0);
        }
        double logSum = 0;
        for (int t = 0; t < energy.length; t++) {
            if (counted[t]) {
                logSum += Math.log(energy[t]);
            }
        }
        return new Level(Math.exp(logSum / n), activeCount, activeCount * secondsPerFrame);
    }

    /**
     * The frames from the first active frame to the last, widened by {@code margin} frames on each
     * side (onsets and decays are softer than the threshold): what is left of a clip once the
     * silence before and after the sound is cut off.
     *
     * @param power raw power spectrogram
     * @param margin frames kept on each side of the active ones
     * @return {@code {first, end}} (end exclusive); {@code {0, 0}} when no frame is active
     */
    public static int[] activeSpan(Spectrogram power, int margin) {
        boolean[] active = active(frameEnergies(power));
        int first = -1;
        int last = -1;
        for (int t = 0; t < active.length; t++) {
            if (active[t]) {
                first = first < 0 ? t : first;
                last = t;
            }
        }
        if (first < 0) {
            return new int[] {0, 0};
        }
        return new int[] {Math.max(0, first - margin), Math.min(active.length, last + 1 + margin)};
    }

    /**
     * The clip's average spectrum: per bin, the geometric mean of the power over the active frames
     * (over all frames with power when none is active), each value floored at 10<sup>-6</sup> of
     * the bin's arithmetic mean over the same frames, so that one frame without power in a bin
     * does not send the mean to zero. Dividing by it removes the recording's level and its channel
     * (microphone, room and codec colour the spectrum by a fixed gain per frequency), like cepstral
     * mean normalisation does for MFCCs; a gain per bin scales that bin's value by the same factor.
     *
     * @param power raw power spectrogram
     * @return one divisor per bin; 1 for a bin (or a clip) without any power
     */
    public static double[] spectrum(Spectrogram power) {
        int bins = power.bins();
        double[] energy = frameEnergies(power);
        boolean[] active = active(energy);
        boolean[] used = levelFrames(energy, active);
        float[] d = power.data();
        double[] arithmetic = new double[bins];
        double[] logSum = new double[bins];
        int count = 0;
        for (int t = 0; t < energy.length; t++) {
            if (used[t]) {
                for (int f = 0; f < bins; f++) {
                    arithmetic[f] += d[t * bins + f];
                }
                count++;
            }
        }
        double[] spectrum = new double[bins];
        Arrays.fill(spectrum, 1.0);
        if (count == 0) {
            return spectrum;
        }
        for (int t = 0; t < energy.length; t++) {
            if (used[t]) {
                for (int f = 0; f < bins; f++) {
                    logSum[f] += Math.log(Math.max(d[t * bins + f], 1e-6 * arithmetic[f] / count));
                }
            }
        }
        for (int f = 0; f < bins; f++) {
            if (arithmetic[f] > 0) {
                spectrum[f] = Math.exp(logSum[f] / count);
            }
        }
        return spectrum;
    }

    /**
     * Per frame, whether it is active: it has power, at least 10 dB above the noise floor and
     * within 30 dB of the loudest frame. The one place that decides it, for the level, the
     * average spectrum and the trimmed span alike.
     */
    private static boolean[] active(double[] energy) {
        double threshold = threshold(energy);
        boolean[] active = new boolean[energy.length];
        for (int t = 0; t < energy.length; t++) {
            active[t] = energy[t] > 0 && energy[t] >= threshold; // false throughout when the threshold is NaN
        }
        return active;
    }

    /** The frames a level is measured on: the active ones, or every frame with power when none is active. */
    private static boolean[] levelFrames(double[] energy, boolean[] active) {
        if (count(active) > 0) {
            return active;
        }
        boolean[] withPower = new boolean[energy.length];
        for (int t = 0; t < energy.length; t++) {
            withPower[t] = energy[t] > 0;
        }
        return withPower;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    /** The activity threshold of a clip's frame energies; NaN when no frame has any power. */
    private static double threshold(double[] energy) {
        double[] nonZero = Arrays.stream(energy).filter(e -> e > 0).sorted().toArray();
        if (nonZero.length == 0) {
            return Double.NaN;
        }
        double floor = nonZero[(int) Math.floor(FLOOR_PERCENTILE * (nonZero.length - 1))];
        double loudest = nonZero[nonZero.length - 1];
        return Math.max(floor * ABOVE_FLOOR, loudest * BELOW_LOUDEST);
    }

    /** Mean power over bins, per frame, in double precision. */
    private static double[] frameEnergies(Spectrogram power) {
        int bins = power.bins();
        float[] d = power.data();
        double[] energy = new double[power.frames()];
        for (int t = 0; t < energy.length; t++) {
            double sum = 0;
            for (int f = 0; f < bins; f++) {
                sum += d[t * bins + f];
            }
            energy[t] = sum / bins;
        }
        return energy;
    }
}
