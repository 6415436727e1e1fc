package org.aaec.spark;

import java.io.Serializable;
import org.aaec.serving.Engine;

/**
 * What a Spark prediction job does.
 *
 * @param input a folder (any Hadoop file system URI or local path), searched recursively for audio;
 *     {@code null} with a manifest
 * @param manifest a CSV with a header and a {@code path} column, relative paths resolved against
 *     its folder; {@code null} with an input folder
 * @param out the folder the results go into (must not hold results already)
 * @param engine what runs the classifier
 * @param threads engine threads per recognizer (executor cores × threads should not exceed the
 *     executor's cores)
 * @param window timeline window in seconds, or {@code null} for one row per file only
 * @param hop time between window starts, or {@code null} for half the window
 * @param partitions how many partitions the files are spread over, 0 for four per core of the
 *     cluster
 */
public record SparkPredictSettings(String input, String manifest, String out, Engine engine, int threads,
        Double window, Double hop, int partitions) implements Serializable {

    /** Checks the invariants. */
    public SparkPredictSettings {
        if ((input == null) == (manifest == null)) {
            throw new IllegalArgumentException("give either an input folder or a manifest");
        }
        if (threads < 0 || partitions < 0) {
            throw new IllegalArgumentException("threads and partitions must not be negative");
        }
    }

    /** Whether per-window rows are asked for. */
    public boolean timeline() {
        return window != null || hop != null;
    }
}
