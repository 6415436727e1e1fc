package org.aaec.features;

import java.util.List;

/**
 * What one extraction run did.
 *
 * @param done clips extracted in this run
 * @param skipped clips already in the store from an earlier run
 * @param failed clips that could not be read (listed in {@code errors})
 * @param audioSeconds decoded audio of the clips extracted in this run (before cutting or padding)
 * @param wallSeconds elapsed time of the run
 * @param errors the failed clips with their reasons
 */
public record ExtractionSummary(int done, int skipped, int failed, double audioSeconds, double wallSeconds,
        List<ClipError> errors) {

    /** Decoded audio seconds per wall-clock second of this run. */
    public double audioSecondsPerSecond() {
        return wallSeconds > 0 ? audioSeconds / wallSeconds : 0;
    }
}
