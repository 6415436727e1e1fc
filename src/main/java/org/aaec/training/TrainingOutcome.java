package org.aaec.training;

import java.util.List;
import org.aaec.evaluation.HeadMetrics;

/**
 * What a finished training run selected.
 *
 * @param bestEpoch plan index of the epoch whose classifier was kept (-1 when nothing was validated
 *     and the last weights were kept)
 * @param validation scores of the kept classifier on the validation split (empty without one)
 * @param epochs epochs in the plan
 * @param seconds wall time of this process's part of the run
 */
public record TrainingOutcome(int bestEpoch, List<HeadMetrics> validation, int epochs, double seconds) {
}
