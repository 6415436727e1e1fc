package org.aaec.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How well the generator works, measured on a fixed set of training clips after each iteration's
 * decoder epochs (issue 13 of the tracker: the generator had collapsed to one sample, and nothing
 * in the log showed it):
 *
 * <ul>
 *   <li>{@code reconstructionR2}: {@code 1 − MSE(Decoder(Encoder(X)), X) / Var(X)} over the frames
 *       that cover real audio (zero padding left out), where {@code Var(X)} is each bin's variance
 *       about its own mean over those frames. 1 is perfect, 0 is no better than each bin's mean.
 *   <li>{@code diversity}: the total variance of X′ across samples (summed over every T×F
 *       position) divided by that of X: 0 when every X′ is the same sample (collapse), 1 when X′
 *       spreads as the real samples do.
 *   <li>{@code accuracy_<head>}: the share of X′ that the classifier gives X's label, in percent
 *       (clips without a label for the head are left out; NaN when none has one).
 * </ul>
 *
 * All in double precision on plain arrays: the samples are at most {@link GeneratedSamples#CLIPS}
 * clips.
 */
public final class GeneratorDiagnostics {

    private GeneratorDiagnostics() {
    }

    /**
     * @param x real samples, {@code n × T × F} row-major
     * @param reconstruction {@code Decoder(Encoder(X))}, same shape
     * @param generated X′, same shape
     * @param valid per sample, the leading frames that cover real audio
     * @param frames T
     * @param bins F
     * @return {@code reconstructionR2} and {@code diversity}
     */
    public static Map<String, Double> measure(float[] x, float[] reconstruction, float[] generated, int[] valid,
            int frames, int bins) {
        int n = valid.length;
        if (x.length != (long) n * frames * bins || reconstruction.length != x.length
                || generated.length != x.length) {
            throw new IllegalArgumentException("samples must be " + n + " × " + frames + " × " + bins);
        }
        double[] sum = new double[bins];
        double[] sumSq = new double[bins];
        double sqErr = 0;
        long count = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < Math.min(valid[i], frames); t++) {
                int base = (i * frames + t) * bins;
                for (int f = 0; f < bins; f++) {
                    double v = x[base + f];
                    sum[f] += v;
                    sumSq[f] += v * v;
                    double e = reconstruction[base + f] - v;
                    sqErr += e * e;
                }
                count++;
            }
        }
        double variance = 0;
        for (int f = 0; f < bins; f++) {
            double mean = sum[f] / count;
            variance += sumSq[f] / count - mean * mean;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("reconstructionR2", count == 0 || variance <= 0 ? Double.NaN
                : 1 - (sqErr / (count * (double) bins)) / (variance / bins));
        double real = totalVariance(x, n, frames * bins);
        out.put("diversity", real > 0 ? totalVariance(generated, n, frames * bins) / real : Double.NaN);
        return out;
    }

    /** Sum over positions of the variance across the {@code n} samples (population variance). */
    static double totalVariance(float[] samples, int n, int size) {
        double total = 0;
        for (int j = 0; j < size; j++) {
            double s = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                double v = samples[i * size + j];
                s += v;
                sq += v * v;
            }
            double mean = s / n;
            total += Math.max(0, sq / n - mean * mean);
        }
        return total;
    }

    /**
     * @param predicted per sample, the class the classifier gave X′
     * @param truth per sample, X's class ({@code -1}: no label)
     * @return percent of labelled samples where the two agree; NaN when none is labelled
     */
    public static double accuracy(int[] predicted, int[] truth) {
        int right = 0;
        int labelled = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] >= 0) {
                labelled++;
                right += predicted[i] == truth[i] ? 1 : 0;
            }
        }
        return labelled == 0 ? Double.NaN : 100.0 * right / labelled;
    }
}
