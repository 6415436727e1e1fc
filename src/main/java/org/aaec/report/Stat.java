package org.aaec.report;

import java.util.List;
import java.util.Locale;

/**
 * Mean and sample standard deviation (n − 1) of a few values, as a report prints them.
 *
 * @param mean mean
 * @param std sample standard deviation, 0 for one value
 * @param n number of values
 */
public record Stat(double mean, double std, int n) {

    /**
     * @param values values (at least one)
     * @return their statistics
     */
    public static Stat of(List<Double> values) {
        if (values.isEmpty()) {
            return new Stat(Double.NaN, Double.NaN, 0);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = values.size() > 1 ? Math.sqrt(ss / (values.size() - 1)) : 0;
        return new Stat(mean, std, values.size());
    }

    /**
     * The 95 % confidence interval of the mean, {@code mean ± t(0.975, n − 1) · std / √n} (Student's
     * t, from Commons Math), for values that are independent draws.
     *
     * @return {@code {low, high}}, or {@code null} with fewer than two values
     */
    public double[] confidence95() {
        if (n < 2) {
            return null;
        }
        double t = new org.apache.commons.math3.distribution.TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double half = t * std / Math.sqrt(n);
        return new double[] {mean - half, mean + half};
    }

    /** {@code 61.97 ± 1.20}, or {@code —} without values. */
    public String format() {
        if (n == 0) {
            return "—";
        }
        return n == 1 ? String.format(Locale.ROOT, "%.2f", mean) : String.format(Locale.ROOT, "%.2f ± %.2f", mean, std);
    }
}
