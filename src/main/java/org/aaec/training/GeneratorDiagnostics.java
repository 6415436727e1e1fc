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
 *   <li>{@code diversity_<head>_<class>}: the diversity within the clips of one class, and
 *       {@code diversityMinClass}, the smallest of them (a generator can keep the overall spread
 *       by moving classes apart while each class collapses).
 *   <li>{@code density} and {@code coverage} (Naeem et al. 2020, "Reliable Fidelity and Diversity
 *       Metrics for Generative Models", ICML, with k = 5): with each real sample's radius the
 *       distance to its k-th nearest real neighbour, density is the mean number of real
 *       neighbourhoods a generated sample falls in, divided by k (about 1 when X′ is distributed
 *       as the real samples, above 1 when it crowds where they are dense, near 0 off the data),
 *       and coverage the share of real samples whose neighbourhood holds at least one generated
 *       sample (diversity that counts only where the data is). Measured against the training
 *       clips X′ was made from, and ({@code _heldOut}) against as many validation clips; the
 *       representation is fixed, independent of training: each clip's spectrum averaged over its
 *       frames of real audio, on the network's input scale. {@code realCoverage_heldOut} is the
 *       coverage the training clips themselves reach on the validation clips, the reference a
 *       generator is read against.
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

    /** Neighbours per real sample in density and coverage (Naeem et al. use 5). */
    public static final int K = 5;

    /**
     * Each clip's spectrum averaged over its frames of real audio.
     *
     * @param samples {@code n × T × F} row-major
     * @param valid per clip, its leading frames of real audio
     * @param frames T
     * @param bins F
     * @return {@code n} rows of {@code F}
     */
    public static double[][] timeAverage(float[] samples, int[] valid, int frames, int bins) {
        double[][] out = new double[valid.length][bins];
        for (int i = 0; i < valid.length; i++) {
            int v = Math.max(1, Math.min(valid[i], frames));
            for (int t = 0; t < v; t++) {
                int base = (i * frames + t) * bins;
                for (int f = 0; f < bins; f++) {
                    out[i][f] += samples[base + f];
                }
            }
            for (int f = 0; f < bins; f++) {
                out[i][f] /= v;
            }
        }
        return out;
    }

    /**
     * Density and coverage of {@code fake} against {@code real} (Naeem et al. 2020).
     *
     * @param real reference samples, at least {@code k + 1}
     * @param fake generated samples
     * @param k neighbours
     * @return {@code {density, coverage}}
     */
    public static double[] densityCoverage(double[][] real, double[][] fake, int k) {
        int n = real.length;
        if (n <= k || fake.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] radius = new double[n];
        for (int i = 0; i < n; i++) {
            double[] d = new double[n - 1];
            int c = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    d[c++] = distance(real[i], real[j]);
                }
            }
            java.util.Arrays.sort(d);
            radius[i] = d[k - 1];
        }
        long inside = 0;
        boolean[] covered = new boolean[n];
        for (double[] g : fake) {
            for (int i = 0; i < n; i++) {
                if (distance(g, real[i]) <= radius[i]) {
                    inside++;
                    covered[i] = true;
                }
            }
        }
        int coveredCount = 0;
        for (boolean b : covered) {
            coveredCount += b ? 1 : 0;
        }
        return new double[] {inside / ((double) k * fake.length), coveredCount / (double) n};
    }

    /**
     * Density and coverage of X′ against the clips it was made from and against held-out clips,
     * and the coverage those real clips reach on the held-out ones (the reference).
     *
     * @param real the real clips X′ was made from, one summary row each ({@link #timeAverage})
     * @param generated X′, one row each
     * @param heldOut held-out real clips (NaN entries when fewer than {@link #K} + 1)
     * @return {@code density}, {@code coverage}, {@code density_heldOut}, {@code coverage_heldOut},
     *     {@code realCoverage_heldOut}
     */
    public static Map<String, Double> fidelity(double[][] real, double[][] generated, double[][] heldOut) {
        Map<String, Double> out = new LinkedHashMap<>();
        double[] train = densityCoverage(real, generated, K);
        out.put("density", train[0]);
        out.put("coverage", train[1]);
        double[] held = densityCoverage(heldOut, generated, K);
        out.put("density_heldOut", held[0]);
        out.put("coverage_heldOut", held[1]);
        out.put("realCoverage_heldOut", densityCoverage(heldOut, real, K)[1]);
        return out;
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int f = 0; f < a.length; f++) {
            double d = a[f] - b[f];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /**
     * Diversity within each class: {@code totalVariance(X′ of the class) / totalVariance(X of the class)}.
     *
     * @param x real samples, {@code n × size}
     * @param generated X′, same shape
     * @param labels per sample, its class ({@code -1}: none)
     * @param classes number of classes
     * @param size T × F
     * @return per class, NaN for a class with fewer than two samples
     */
    public static double[] classDiversity(float[] x, float[] generated, int[] labels, int classes, int size) {
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            int members = 0;
            for (int l : labels) {
                members += l == c ? 1 : 0;
            }
            if (members < 2) {
                out[c] = Double.NaN;
                continue;
            }
            float[] xs = new float[members * size];
            float[] gs = new float[members * size];
            int m = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    System.arraycopy(x, i * size, xs, m * size, size);
                    System.arraycopy(generated, i * size, gs, m * size, size);
                    m++;
                }
            }
            double real = totalVariance(xs, members, size);
            out[c] = real > 0 ? totalVariance(gs, members, size) / real : Double.NaN;
        }
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
