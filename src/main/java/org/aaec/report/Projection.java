package org.aaec.report;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * A 2-D principal component projection fitted on real samples (Figure 5), and the distance of
 * samples to their nearest real sample (how far generated samples lie from the real ones).
 */
public final class Projection {

    private final double[] mean;
    private final double[][] axes;

    private Projection(double[] mean, double[][] axes) {
        this.mean = mean;
        this.axes = axes;
    }

    /**
     * Fits the two leading principal axes of {@code real}.
     *
     * @param real samples × features, at least three samples
     * @return the projection
     */
    public static Projection fit(double[][] real) {
        if (real.length < 3) {
            throw new IllegalArgumentException("PCA needs at least 3 samples, got " + real.length);
        }
        int d = real[0].length;
        double[] mean = new double[d];
        for (double[] r : real) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / real.length;
            }
        }
        RealMatrix cov = new Covariance(real, false).getCovarianceMatrix();
        EigenDecomposition eig = new EigenDecomposition(cov);
        double[] values = eig.getRealEigenvalues();
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -values[i]));
        double[][] axes = new double[2][];
        for (int k = 0; k < 2; k++) {
            RealVector v = eig.getEigenvector(order[k]);
            axes[k] = v.toArray();
            // fix the sign so that repeated fits draw the same picture
            int big = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(axes[k][j]) > Math.abs(axes[k][big])) {
                    big = j;
                }
            }
            if (axes[k][big] < 0) {
                for (int j = 0; j < d; j++) {
                    axes[k][j] = -axes[k][j];
                }
            }
        }
        return new Projection(mean, axes);
    }

    /**
     * @param samples samples × features
     * @return samples × 2 coordinates on the two leading axes
     */
    public double[][] project(double[][] samples) {
        double[][] out = new double[samples.length][2];
        for (int i = 0; i < samples.length; i++) {
            for (int k = 0; k < 2; k++) {
                double s = 0;
                for (int j = 0; j < mean.length; j++) {
                    s += (samples[i][j] - mean[j]) * axes[k][j];
                }
                out[i][k] = s;
            }
        }
        return out;
    }

    /** The two unit axes (for tests). */
    double[][] axes() {
        return axes;
    }

    /**
     * Mean over {@code samples} of the Euclidean distance to the nearest row of {@code real}.
     *
     * @param samples samples × features
     * @param real reference samples × features
     * @return the mean nearest-neighbour distance
     */
    public static double meanNearestDistance(double[][] samples, double[][] real) {
        double sum = 0;
        for (double[] s : samples) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] r : real) {
                double d = 0;
                for (int j = 0; j < s.length && d < best; j++) {
                    double x = s[j] - r[j];
                    d += x * x;
                }
                best = Math.min(best, d);
            }
            sum += Math.sqrt(best);
        }
        return sum / samples.length;
    }
}
