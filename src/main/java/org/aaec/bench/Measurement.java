package org.aaec.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One benchmark figure: repeated timings of one operation, reported as a rate (items per second)
 * at the median, fastest and slowest repetition.
 *
 * @param name what was measured
 * @param unit unit of the rate, e.g. {@code samples/s}
 * @param itemsPerRepetition items one repetition processes
 * @param seconds timings of the repetitions, sorted
 */
public record Measurement(String name, String unit, double itemsPerRepetition, List<Double> seconds) {

    /** Rate at the median repetition. */
    public double median() {
        int n = seconds.size();
        double mid = n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
        return itemsPerRepetition / mid;
    }

    /** Rate of the slowest repetition. */
    public double min() {
        return itemsPerRepetition / seconds.get(seconds.size() - 1);
    }

    /** Rate of the fastest repetition. */
    public double max() {
        return itemsPerRepetition / seconds.get(0);
    }

    /** Median time of one repetition in milliseconds. */
    public double medianMillis() {
        return itemsPerRepetition / median() * 1e3;
    }

    /**
     * Runs {@code warmup} untimed repetitions, then {@code reps} timed ones.
     *
     * @param name what is measured
     * @param unit rate unit
     * @param items items per repetition
     * @param warmup untimed repetitions
     * @param reps timed repetitions
     * @param op the operation
     * @return the measurement
     */
    public static Measurement time(String name, String unit, double items, int warmup, int reps, Runnable op) {
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        List<Double> s = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            op.run();
            s.add((System.nanoTime() - t0) / 1e9);
        }
        Collections.sort(s);
        return new Measurement(name, unit, items, List.copyOf(s));
    }
}
