package org.aaec.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Algorithm 1 unrolled into the list of epochs a configuration runs, in order, so that a run can
 * stop after any epoch and resume at the next one.
 */
final class EpochPlan {

    /**
     * One planned epoch.
     *
     * @param index position in the plan, from 0
     * @param phase what it trains
     * @param iteration outer iteration from 1, 0 for the classifier's own epochs and the fine-tune
     * @param validate whether the classifier is scored on the validation split afterwards
     */
    record Epoch(int index, Phase phase, int iteration, boolean validate) {
    }

    private EpochPlan() {
    }

    /**
     * @param variant the configuration
     * @param s the schedule
     * @return every epoch in order
     */
    static List<Epoch> of(Variant variant, Schedule s) {
        List<Epoch> plan = new ArrayList<>();
        if (variant.hasGenerator()) {
            for (int it = 1; it <= s.iterations(); it++) {
                add(plan, Phase.AUTOENCODER, it, s.k1(), 0);
                add(plan, Phase.DECODER, it, s.k2(), 0);
                if (variant.classifierInLoop()) {
                    add(plan, Phase.CLASSIFIER, it, s.k3(), s.k3());
                }
            }
        }
        if (!variant.classifierInLoop()) {
            // C alone (classifier, AAE+C): the same number of classifier epochs as in the loop, validated as often
            add(plan, Phase.CLASSIFIER, 0, s.iterations() * s.k3(), s.k3());
        }
        add(plan, Phase.FINE_TUNE, 0, s.fineTuneEpochs(), 1);
        return List.copyOf(plan);
    }

    private static void add(List<Epoch> plan, Phase phase, int iteration, int epochs, int validateEvery) {
        for (int e = 1; e <= epochs; e++) {
            boolean validate = validateEvery > 0 && e % validateEvery == 0;
            plan.add(new Epoch(plan.size(), phase, iteration, validate));
        }
    }
}
