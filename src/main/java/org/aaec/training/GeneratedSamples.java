package org.aaec.training;

/**
 * Generated samples X' of one iteration, each summarised by its spectrum averaged over time
 * (F values), for the PCA picture of Figure 5. Full T×F samples would cost megabytes per
 * iteration; the time-averaged spectrum keeps what separates real from generated speech at a
 * glance.
 *
 * @param iteration outer iteration, from 1
 * @param meanSpectra {@code rows × bins}, row-major
 * @param rows samples
 * @param bins F
 * @param diagnostics the {@link GeneratorDiagnostics} of these samples
 */
public record GeneratedSamples(int iteration, float[] meanSpectra, int rows, int bins,
        java.util.Map<String, Double> diagnostics) {

    /** How many training clips are passed through the generator per iteration. */
    public static final int CLIPS = 64;
}
