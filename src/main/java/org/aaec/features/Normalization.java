package org.aaec.features;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;

/**
 * The log + per-frequency-bin standardisation of SPEC.md: {@code (log(power + floor) - mean[f]) /
 * std[f]}, with mean and deviation measured on a training split and stored with the features and
 * in every model. With {@link MelBands} the power spectrogram's bins are first summed into mel bands
 * and everything after (level, silence, statistics) works on the bands: "bin" below then means band.
 *
 * @param mean per-bin mean of log power
 * @param std per-bin standard deviation of log power (never below {@link #MIN_STD})
 * @param floor added to power before the logarithm
 * @param frames how many frames the statistics were measured on
 * @param clips how many clips those frames came from
 * @param level {@value #LEVEL_NONE} (SPEC.md: log power as recorded), {@value #LEVEL_UTTERANCE}
 *     (each clip's power divided by its {@link Level} first, so that the input does not depend on
 *     the recording's gain) or {@value #LEVEL_SPECTRAL} (each bin divided by the clip's average
 *     power in that bin, {@link Level#spectrum}: level and channel colouring both removed); files
 *     written before this setting existed read as {@value #LEVEL_NONE}
 * @param silence {@value #SILENCE_KEEP} (SPEC.md: frames as they are, zero padding at log(floor))
 *     or {@value #SILENCE_TRIM}: the silence before the first and after the last active frame
 *     ({@link Level#activeSpan}) is cut off, the sound starts at frame 0, and frames without any
 *     power (the zero padding after it) read as the per-bin mean, 0 after standardisation, so that
 *     where the speech sits in the window and how much padding follows it do not differ between
 *     recordings; files written before this setting existed read as {@value #SILENCE_KEEP}
 * @param mel the mel filterbank applied to power first, or {@code null} for the linear bins as
 *     computed (SPEC.md, and files written before this setting existed)
 */
public record Normalization(double[] mean, double[] std, double floor, long frames, int clips, String level,
        String silence, MelBands mel) {

    /** SPEC.md's floor inside the logarithm. */
    public static final double DEFAULT_FLOOR = 1e-10;
    /** Deviations below this (a bin that never changes) are replaced by 1 to avoid dividing by zero. */
    public static final double MIN_STD = 1e-6;
    /** Log power as recorded (the paper). */
    public static final String LEVEL_NONE = "none";
    /** Log of power divided by the clip's own level. */
    public static final String LEVEL_UTTERANCE = "utterance";
    /** Log of power divided, bin by bin, by the clip's own average spectrum. */
    public static final String LEVEL_SPECTRAL = "spectral";
    /** Frames as they are (the paper). */
    public static final String SILENCE_KEEP = "keep";
    /** Leading and trailing silence cut off, padding neutral. */
    public static final String SILENCE_TRIM = "trim";
    /** Frames kept on each side of the active ones when trimming (96 ms at SPEC.md's hop). */
    public static final int TRIM_MARGIN_FRAMES = 3;

    /** Checks the invariants. */
    public Normalization {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " bins, std " + std.length);
        }
        if (mel != null && mel.bands() != mean.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " bins, the mel filterbank " + mel.bands());
        }
        level = level == null ? LEVEL_NONE : level;
        checkLevel(level);
        silence = silence == null ? SILENCE_KEEP : silence;
        checkSilence(silence);
    }

    /** Statistics of the linear bins as computed, without a mel filterbank. */
    public Normalization(double[] mean, double[] std, double floor, long frames, int clips, String level,
            String silence) {
        this(mean, std, floor, frames, clips, level, silence, null);
    }

    /**
     * @param silence a silence setting
     * @throws IllegalArgumentException unless it is {@value #SILENCE_KEEP} or {@value #SILENCE_TRIM}
     */
    public static void checkSilence(String silence) {
        requireOneOf("silence", silence, SILENCE_KEEP, SILENCE_TRIM);
    }

    /**
     * @param level a level setting
     * @throws IllegalArgumentException unless it is {@value #LEVEL_NONE}, {@value #LEVEL_UTTERANCE}
     *     or {@value #LEVEL_SPECTRAL}
     */
    public static void checkLevel(String level) {
        requireOneOf("level", level, LEVEL_NONE, LEVEL_UTTERANCE, LEVEL_SPECTRAL);
    }

    private static void requireOneOf(String setting, String value, String... allowed) {
        if (!java.util.List.of(allowed).contains(value)) {
            throw new IllegalArgumentException(setting + " must be " + String.join(", ", allowed) + "; not '"
                    + value + "'");
        }
    }

    /** Receives one frame the network reads: its index in the clip and its row in the input. */
    private interface FrameSink {
        void frame(int source, int target);
    }

    /**
     * Visits the frames of a clip that the network reads, below {@code limit}: all of them in place
     * with {@value #SILENCE_KEEP}; with {@value #SILENCE_TRIM} those of the active span that have
     * power, moved so that the span starts at row 0. The one place that decides this, for the
     * statistics and for the input alike.
     *
     * @return how many frames were visited
     */
    private static int forEachFrame(String silence, Spectrogram power, int limit, FrameSink sink) {
        boolean trim = SILENCE_TRIM.equals(silence);
        int[] span = trim ? Level.activeSpan(power, TRIM_MARGIN_FRAMES) : new int[] {0, power.frames()};
        int visited = 0;
        for (int t = span[0]; t < Math.min(span[1], limit); t++) {
            if (trim && power.isZeroFrame(t)) {
                continue; // as input it stays 0: the per-bin mean
            }
            sink.frame(t, t - span[0]);
            visited++;
        }
        return visited;
    }

    /**
     * What a clip's power is multiplied by before the logarithm, per bin: the inverse of its level,
     * of its average spectrum, or 1 without level normalisation.
     */
    private static double[] scales(String level, Spectrogram power) {
        double[] scale = new double[power.bins()];
        switch (level) {
            case LEVEL_UTTERANCE -> Arrays.fill(scale, 1.0 / Level.of(power, 0).power());
            case LEVEL_SPECTRAL -> {
                double[] spectrum = Level.spectrum(power);
                for (int f = 0; f < scale.length; f++) {
                    scale[f] = 1.0 / spectrum[f];
                }
            }
            default -> Arrays.fill(scale, 1.0);
        }
        return scale;
    }

    /** Number of frequency bins (mel bands with a filterbank) of the network input. */
    @JsonIgnore
    public int bins() {
        return mean.length;
    }

    /** Number of frequency bins of the power spectrogram this reads. */
    @JsonIgnore
    public int inputBins() {
        return mel == null ? bins() : mel.inputBins();
    }

    /**
     * Applies the filterbank (if any), log and standardisation.
     *
     * @param power raw power spectrogram with {@link #inputBins()} bins
     * @return a new spectrogram of T × {@link #bins()}
     */
    public Spectrogram apply(Spectrogram power) {
        if (power.bins() != inputBins()) {
            throw new IllegalArgumentException("spectrogram has " + power.bins() + " bins, statistics " + inputBins());
        }
        return standardise(mel == null ? power : mel.project(power));
    }

    /**
     * Log and standardisation of power already in this input's bins (after the filterbank): for
     * code that changes band power itself, as augmentation does.
     *
     * @param power power with {@link #bins()} bins
     * @return a new spectrogram of the same shape
     */
    public Spectrogram standardise(Spectrogram power) {
        if (power.bins() != bins()) {
            throw new IllegalArgumentException("spectrogram has " + power.bins() + " bins, statistics " + bins());
        }
        float[] in = power.data();
        float[] out = new float[in.length];
        double[] scale = scales(level, power);
        int bins = bins();
        forEachFrame(silence, power, power.frames(), (t, row) -> {
            int src = t * bins;
            int dst = row * bins;
            for (int f = 0; f < bins; f++) {
                out[dst + f] = (float) ((Math.log(in[src + f] * scale[f] + floor) - mean[f]) / std[f]);
            }
        });
        return new Spectrogram(out, power.frames(), power.bins());
    }

    /**
     * Accumulates per-bin sums of log power over the frames of many clips (in double precision),
     * then yields the statistics.
     */
    public static final class Accumulator {
        private final double floor;
        private final String level;
        private final String silence;
        private final MelBands mel;
        private final double[] sum;
        private final double[] sumSq;
        private long frames;
        private int clips;

        /**
         * @param bins frequency bins of the power spectrogram
         * @param floor added to power before the logarithm
         * @param level {@value #LEVEL_NONE}, {@value #LEVEL_UTTERANCE} or {@value #LEVEL_SPECTRAL}
         * @param silence {@value #SILENCE_KEEP} or {@value #SILENCE_TRIM} (then only the frames of
         *     the active span that have power count)
         */
        public Accumulator(int bins, double floor, String level, String silence) {
            this(bins, floor, level, silence, null);
        }

        /**
         * @param bins frequency bins of the power spectrogram
         * @param floor added to power before the logarithm
         * @param level {@value #LEVEL_NONE}, {@value #LEVEL_UTTERANCE} or {@value #LEVEL_SPECTRAL}
         * @param silence {@value #SILENCE_KEEP} or {@value #SILENCE_TRIM} (then only the frames of
         *     the active span that have power count)
         * @param mel filterbank applied first, or {@code null}
         */
        public Accumulator(int bins, double floor, String level, String silence, MelBands mel) {
            checkLevel(level);
            checkSilence(silence);
            if (mel != null && mel.inputBins() != bins) {
                throw new IllegalArgumentException("the mel filterbank reads " + mel.inputBins() + " bins, not " + bins);
            }
            this.floor = floor;
            this.level = level;
            this.silence = silence;
            this.mel = mel;
            int out = mel == null ? bins : mel.bands();
            this.sum = new double[out];
            this.sumSq = new double[out];
        }

        /**
         * Adds the first {@code validFrames} frames of one clip (frames made only of padding are
         * left out, so that zero-padding does not pull the statistics towards log(floor)).
         *
         * @param power raw power spectrogram
         * @param validFrames frames to use, at most {@code power.frames()}
         * @throws IllegalArgumentException when the clip's log power is not finite (NaN or
         *     infinite power); nothing of it is added then
         */
        public void add(Spectrogram power, int validFrames) {
            int expected = mel == null ? sum.length : mel.inputBins();
            if (power.bins() != expected) {
                throw new IllegalArgumentException("spectrogram has " + power.bins() + " bins, expected " + expected);
            }
            power = mel == null ? power : mel.project(power);
            int bins = sum.length;
            float[] d = power.data();
            double[] scale = scales(level, power);
            // the clip's sums first, merged only when finite: one bad clip never turns the statistics NaN
            double[] clipSum = new double[bins];
            double[] clipSumSq = new double[bins];
            int visited = forEachFrame(silence, power, validFrames, (t, row) -> {
                int base = t * bins;
                for (int f = 0; f < bins; f++) {
                    double v = Math.log(d[base + f] * scale[f] + floor);
                    clipSum[f] += v;
                    clipSumSq[f] += v * v;
                }
            });
            for (int f = 0; f < bins; f++) {
                if (!Double.isFinite(clipSum[f]) || !Double.isFinite(clipSumSq[f])) {
                    throw new IllegalArgumentException("its power is not finite (log power sums to " + clipSum[f]
                            + " in bin " + f + "): the clip was not made from valid audio");
                }
            }
            for (int f = 0; f < bins; f++) {
                sum[f] += clipSum[f];
                sumSq[f] += clipSumSq[f];
            }
            frames += visited;
            clips++;
        }

        /** The statistics so far; requires at least one frame. */
        public Normalization result() {
            if (frames == 0) {
                throw new IllegalStateException("no training frames to measure normalisation statistics on");
            }
            int bins = sum.length;
            double[] mean = new double[bins];
            double[] std = new double[bins];
            for (int f = 0; f < bins; f++) {
                mean[f] = sum[f] / frames;
                double var = Math.max(0, sumSq[f] / frames - mean[f] * mean[f]);
                double s = Math.sqrt(var);
                std[f] = s < MIN_STD ? 1.0 : s;
            }
            return new Normalization(mean, std, floor, frames, clips, level, silence, mel);
        }
    }

    /**
     * Frames of a clip of {@code realSamples} samples (before padding) whose centre lies on real
     * audio: frame t is centred on sample {@code t * hop}.
     *
     * @param realSamples decoded samples before padding (capped at the clip length)
     * @param config feature settings
     * @return number of leading frames that cover real audio, at least 1
     */
    public static int validFrames(int realSamples, FeatureConfig config) {
        int n = Math.min(realSamples, config.samplesPerClip());
        int valid = (n + config.hop() - 1) / config.hop();
        return Math.max(1, Math.min(config.frames(), valid));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std)
                && floor == other.floor && frames == other.frames && clips == other.clips && level.equals(other.level)
                && silence.equals(other.silence) && java.util.Objects.equals(mel, other.mel);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "Normalization[bins=" + bins() + ", frames=" + frames + ", clips=" + clips + ", level=" + level + ", silence=" + silence
                + (mel == null ? "" : ", mels=" + mel.bands()) + "]";
    }
}
