package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EpochPlanTest {

    private static final Schedule S = new Schedule("t", 3, 2, 4, 5, 6, 8, 0, 1);

    private static Map<Phase, Long> counts(Variant v) {
        return EpochPlan.of(v, S).stream().collect(Collectors.groupingBy(EpochPlan.Epoch::phase,
                Collectors.counting()));
    }

    @Test
    void everyConfigurationGetsTheSameClassifierBudget() {
        assertEquals(Map.of(Phase.AUTOENCODER, 6L, Phase.DECODER, 12L, Phase.CLASSIFIER, 15L, Phase.FINE_TUNE, 6L),
                counts(Variant.AAEC));
        assertEquals(counts(Variant.AAEC), counts(Variant.AAE_C));
        assertEquals(counts(Variant.AAEC), counts(Variant.AAEC_ORI));
        assertEquals(counts(Variant.AAEC), counts(Variant.AAE_PLUS_C));
        assertEquals(Map.of(Phase.CLASSIFIER, 15L, Phase.FINE_TUNE, 6L), counts(Variant.CLASSIFIER));
    }

    @Test
    void algorithmOneOrderAndValidationPoints() {
        List<EpochPlan.Epoch> plan = EpochPlan.of(Variant.AAEC, S);
        String first = plan.subList(0, 11).stream().map(e -> e.phase().id().substring(0, 1))
                .collect(Collectors.joining());
        assertEquals("aaddddccccc", first); // K1=2, K2=4, K3=5 in Algorithm 1's order
        long validations = plan.stream().filter(EpochPlan.Epoch::validate).count();
        assertEquals(3 + 6, validations); // after each iteration's K3 epochs and after each fine-tune epoch
        List<EpochPlan.Epoch> plus = EpochPlan.of(Variant.AAE_PLUS_C, S);
        assertEquals(Phase.CLASSIFIER, plus.get(18).phase()); // C only after all 3 x (2 + 4) AAE epochs
        assertEquals(Phase.DECODER, plus.get(17).phase());
        Map<Integer, Long> byIndex = plan.stream().collect(Collectors.groupingBy(EpochPlan.Epoch::index,
                Collectors.counting()));
        assertEquals(plan.size(), byIndex.size());
        Function<EpochPlan.Epoch, Integer> it = EpochPlan.Epoch::iteration;
        assertEquals(3, plan.stream().map(it).max(Integer::compare).orElseThrow());
    }
}
