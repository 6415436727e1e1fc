package org.aaec.training;

import java.util.Map;

/**
 * One line of a run's {@code log.jsonl}: what an epoch trained, its mean losses, the validation
 * scores when it was validated, and how long it took.
 *
 * @param epoch position in the plan, from 0
 * @param phase phase id
 * @param iteration outer iteration (0 outside the iterations)
 * @param batches batches run
 * @param losses mean loss per term over the epoch
 * @param validation overall Combined and per-head Combined on the validation split, or {@code null}
 * @param best whether this validation is the best so far (the model file keeps these weights)
 * @param seconds wall time of the epoch
 * @param generator on the epoch that ends an iteration's generator training, the
 *     {@link GeneratorDiagnostics} of that iteration; {@code null} on every other epoch
 */
public record EpochRecord(int epoch, String phase, int iteration, int batches, Map<String, Double> losses,
        Map<String, Double> validation, boolean best, double seconds, Map<String, Double> generator) {

    /** The same record with the generator's diagnostics. */
    public EpochRecord withGenerator(Map<String, Double> diagnostics) {
        return new EpochRecord(epoch, phase, iteration, batches, losses, validation, best, seconds, diagnostics);
    }
}
