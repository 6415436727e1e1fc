package org.aaec.training;

import java.util.SplittableRandom;
import org.aaec.features.Level;
import org.aaec.features.Normalization;
import org.aaec.features.Spectrogram;

/**
 * Applies an {@link Augment} to training clips as they go into a batch.
 *
 * <p>It works on the power spectrogram, not the waveform, because that is what a run holds (the
 * feature store caches spectrograms; decoding every clip again each epoch would make augmentation
 * cost more than training). Each operation is the spectrogram-domain form of its waveform
 * counterpart: a gain multiplies power by {@code 10^(dB/10)} (exact); noise adds the noise's power
 * (exact in expectation, as the cross term of independent signals averages to zero; white and pink
 * noise are drawn per bin with the exponential distribution that |FFT|² of Gaussian noise has,
 * babble is another training clip's power); a speed factor {@code s} stretches frequency by
 * {@code s} and shortens time by {@code s} (what resampling does, up to the window length), by
 * linear interpolation between the bins' centre frequencies (mel bands included); SpecAugment
 * masks set bands of the network input to 0, the training mean. Noise and babble go only where the clip has sound (not on its zero padding). With mel bands,
 * white and pink noise are drawn on the linear bins and summed into bands by the same filterbank.
 *
 * <p>Clips held log-standardised are turned back into power with the run's {@link Normalization},
 * augmented, and standardised again (level included), so that the network sees what it would
 * see for a recording made that way.
 */
public final class Augmenter {

    private final Augment augment;
    private final Normalization normalization;
    private final ClipSet train;
    /** The input bins' centre frequencies: the mel bands', or the linear bins' indices (proportional to Hz). */
    private final double[] centres;

    /**
     * @param augment what to apply
     * @param normalization the run's statistics, or {@code null} when the clips are raw power
     * @param train the training clips (babble is drawn from them)
     */
    public Augmenter(Augment augment, Normalization normalization, ClipSet train) {
        augment.validate();
        this.augment = augment;
        this.normalization = normalization;
        this.train = train;
        this.centres = normalization != null && normalization.mel() != null ? normalization.mel().centres()
                : indices(train.bins());
    }

    /**
     * One augmented draw of a training clip.
     *
     * @param clip index in the training set
     * @param seed seed of this draw (the same seed gives the same output)
     * @return network input, T×F
     */
    public float[] apply(int clip, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int frames = train.frames();
        int bins = train.bins();
        float[] power = toPower(train.features(clip));
        if (!augment.speeds().isEmpty()) {
            double s = augment.speeds().get(rnd.nextInt(augment.speeds().size()));
            if (s != 1.0) {
                power = speed(power, frames, centres, s);
            }
        }
        if (augment.gainDb() > 0) {
            gain(power, rnd.nextDouble(-augment.gainDb(), augment.gainDb()));
        }
        if (!augment.noise().isEmpty() && rnd.nextDouble() < augment.noiseProbability()) {
            String kind = augment.noise().get(rnd.nextInt(augment.noise().size()));
            double snr = augment.snrDb().get(0) + rnd.nextDouble() * (augment.snrDb().get(1) - augment.snrDb().get(0));
            float[] noise = kind.equals("babble") ? toPower(train.features(rnd.nextInt(train.size())))
                    : noise(frames, kind.equals("pink"), rnd);
            addNoise(power, noise, frames, bins, snr);
        }
        float[] input = normalization == null ? power
                : normalization.standardise(new Spectrogram(power, frames, bins)).data();
        mask(input, frames, bins, augment.timeMasks(), augment.timeMaskFrames(), true, rnd);
        mask(input, frames, bins, augment.freqMasks(), augment.freqMaskBins(), false, rnd);
        return input;
    }

    /**
     * Network input back to power: {@code exp(x·std + mean) − floor} (a copy; raw power is copied as
     * is). With trimmed silence, a frame of exact zeros is padding and goes back to zero power.
     */
    private float[] toPower(float[] x) {
        if (normalization == null) {
            return x.clone();
        }
        int bins = normalization.bins();
        double[] mean = normalization.mean();
        double[] std = normalization.std();
        boolean trimmed = Normalization.SILENCE_TRIM.equals(normalization.silence());
        Spectrogram input = new Spectrogram(x, x.length / bins, bins);
        float[] p = new float[x.length];
        for (int t = 0; t < input.frames(); t++) {
            int base = t * bins;
            if (trimmed && input.isZeroFrame(t)) {
                continue;
            }
            for (int f = 0; f < bins; f++) {
                p[base + f] = (float) Math.max(0, Math.exp(x[base + f] * std[f] + mean[f]) - normalization.floor());
            }
        }
        return p;
    }

    /**
     * Scales power by a gain.
     *
     * @param power T×F power, changed in place
     * @param db the gain in dB
     */
    static void gain(float[] power, double db) {
        float g = (float) Math.pow(10, db / 10);
        for (int i = 0; i < power.length; i++) {
            power[i] *= g;
        }
    }

    /**
     * What playing the audio {@code s} times faster does to its spectrogram: frame t shows what
     * frame {@code t·s} showed, with bin f showing what bin {@code f/s} did; beyond the end, zeros.
     *
     * @param power T×F power
     * @param frames T
     * @param bins F
     * @param s speed factor
     * @return the stretched spectrogram
     */
    static float[] speed(float[] power, int frames, int bins, double s) {
        return speed(power, frames, indices(bins), s);
    }

    /** {@code 0, 1, …, bins − 1}: the linear bins' centres, in units of the bin spacing. */
    private static double[] indices(int bins) {
        double[] index = new double[bins];
        for (int f = 0; f < bins; f++) {
            index[f] = f;
        }
        return index;
    }

    /**
     * The same on bins of any spacing: bin f shows what the spectrum showed at {@code centre[f] / s},
     * interpolated linearly between the two bins whose centres enclose it; beyond the last, zeros.
     *
     * @param power T×F power
     * @param frames T
     * @param centre each bin's centre frequency, ascending (any unit)
     * @param s speed factor
     * @return the stretched spectrogram
     */
    static float[] speed(float[] power, int frames, double[] centre, double s) {
        int bins = centre.length;
        int[] f0s = new int[bins];
        double[] wfs = new double[bins];
        for (int f = 0; f < bins; f++) {
            double target = centre[f] / s;
            int at = java.util.Arrays.binarySearch(centre, target);
            int f0 = at >= 0 ? at : Math.max(0, -at - 2); // the last centre at or below the target
            if (target > centre[bins - 1]) {
                f0s[f] = -1; // beyond the highest bin
                continue;
            }
            int f1 = Math.min(f0 + 1, bins - 1);
            f0s[f] = f0;
            wfs[f] = f1 == f0 || target <= centre[f0] ? 0 : (target - centre[f0]) / (centre[f1] - centre[f0]);
        }
        float[] out = new float[power.length];
        for (int t = 0; t < frames; t++) {
            double st = t * s;
            int t0 = (int) st;
            if (t0 >= frames) {
                break;
            }
            double wt = st - t0;
            int t1 = Math.min(t0 + 1, frames - 1);
            for (int f = 0; f < bins; f++) {
                int f0 = f0s[f];
                if (f0 < 0) {
                    continue;
                }
                double wf = wfs[f];
                int f1 = Math.min(f0 + 1, bins - 1);
                double a = power[t0 * bins + f0] * (1 - wf) + power[t0 * bins + f1] * wf;
                double b = power[t1 * bins + f0] * (1 - wf) + power[t1 * bins + f1] * wf;
                out[t * bins + f] = (float) (a * (1 - wt) + b * wt);
            }
        }
        return out;
    }

    /** White or pink noise in the input's bins: drawn on linear bins, summed into mel bands when there are any. */
    private float[] noise(int frames, boolean pink, SplittableRandom rnd) {
        org.aaec.features.MelBands mel = normalization == null ? null : normalization.mel();
        if (mel == null) {
            return coloured(frames, train.bins(), pink, rnd);
        }
        float[] linear = coloured(frames, mel.inputBins(), pink, rnd);
        return mel.project(new Spectrogram(linear, frames, mel.inputBins())).data();
    }

    /** White (flat) or pink (1/f) noise power, each bin exponentially distributed around its mean. */
    static float[] coloured(int frames, int bins, boolean pink, SplittableRandom rnd) {
        float[] n = new float[frames * bins];
        for (int t = 0; t < frames; t++) {
            for (int f = 0; f < bins; f++) {
                double shape = pink ? 1.0 / Math.max(1, f) : 1.0;
                n[t * bins + f] = (float) (shape * -Math.log(1 - rnd.nextDouble()));
            }
        }
        return n;
    }

    /**
     * Adds noise power at a signal-to-noise ratio, on the frames that have sound: the noise is
     * scaled so that its mean power over those frames is the clip's {@link Level} divided by
     * {@code 10^(snr/10)}.
     *
     * @param power T×F power, changed in place
     * @param noise T×F noise power (any scale)
     * @param frames T
     * @param bins F
     * @param snrDb signal-to-noise ratio in dB
     */
    static void addNoise(float[] power, float[] noise, int frames, int bins, double snrDb) {
        Spectrogram clip = new Spectrogram(power, frames, bins);
        double signal = Level.of(clip, 0).power();
        double noiseSum = 0;
        int used = 0;
        boolean[] sound = new boolean[frames];
        for (int t = 0; t < frames; t++) {
            sound[t] = !clip.isZeroFrame(t); // power is never negative: non-zero means sound
            if (sound[t]) {
                for (int f = 0; f < bins; f++) {
                    noiseSum += noise[t * bins + f];
                }
                used++;
            }
        }
        if (used == 0 || noiseSum == 0) {
            return;
        }
        double noiseLevel = noiseSum / ((double) used * bins);
        double scale = signal / Math.pow(10, snrDb / 10) / noiseLevel;
        for (int t = 0; t < frames; t++) {
            if (sound[t]) {
                for (int f = 0; f < bins; f++) {
                    power[t * bins + f] += (float) (noise[t * bins + f] * scale);
                }
            }
        }
    }

    /** SpecAugment: {@code count} bands of up to {@code width} frames (or bins) set to 0. */
    static void mask(float[] x, int frames, int bins, int count, int width, boolean time, SplittableRandom rnd) {
        int extent = time ? frames : bins;
        for (int m = 0; m < count && width > 0; m++) {
            int w = rnd.nextInt(Math.min(width, extent) + 1);
            int start = rnd.nextInt(extent - w + 1);
            for (int i = start; i < start + w; i++) {
                if (time) {
                    java.util.Arrays.fill(x, i * bins, (i + 1) * bins, 0f);
                } else {
                    for (int t = 0; t < frames; t++) {
                        x[t * bins + i] = 0f;
                    }
                }
            }
        }
    }
}
