package org.aaec.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scores against values worked out by hand with scikit-learn's definitions. */
class MetricsTest {

    private static final List<String> ABC = List.of("low", "medium", "high");
    private static final double EPS = 1e-9;

    @Test
    void threeClassExampleByHand() {
        // confusion: low 2 right 1 as medium; medium 1 right 1 as high; high 1 right
        HeadMetrics m = Metrics.compute("arousal", ABC, new int[] {0, 0, 0, 1, 1, 2}, new int[] {0, 0, 1, 1, 2, 2});
        assertEquals(400.0 / 6, m.accuracy(), EPS);
        assertEquals(400.0 / 6, m.microF1(), EPS, "micro-F1 = accuracy");
        // recalls 2/3, 1/2, 1
        assertEquals(100.0 * (2.0 / 3 + 0.5 + 1) / 3, m.uar(), EPS);
        // F1 = 2TP / (2TP + FP + FN): 4/5, 2/4, 2/3
        assertEquals(100.0 * (0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), EPS);
        assertEquals(0.66 * 400.0 / 6 + 0.34 * 100.0 * (2.0 / 3 + 0.5 + 1) / 3, m.combined(), EPS);
        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}}, m.confusion());
        assertEquals(6, m.support());
    }

    @Test
    void classOnlyPredictedCountsWithZeroRecallClassNowhereIsLeftOut() {
        // sklearn: recall_score([0,0,1,1], [0,2,1,1], average='macro') = (0.5 + 1 + 0) / 3 = 0.5
        // f1_score(..., average='macro') = (2/3 + 1 + 0) / 3; label 3 occurs nowhere and is not averaged
        List<String> four = List.of("a", "b", "c", "d");
        HeadMetrics m = Metrics.compute("valence", four, new int[] {0, 0, 1, 1}, new int[] {0, 2, 1, 1});
        assertEquals(50.0, m.uar(), EPS);
        assertEquals(100.0 * (2.0 / 3 + 1) / 3, m.macroF1(), EPS);
        assertEquals(75.0, m.microF1(), EPS);
    }

    @Test
    void alwaysPredictingTheMajorityClass() {
        // 8 of 10 are class 0: accuracy 80 %, but UAR only 50 % (recall 1 and 0)
        int[] truth = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        HeadMetrics m = Metrics.compute("x", List.of("a", "b"), truth, new int[10]);
        assertEquals(80.0, m.accuracy(), EPS);
        assertEquals(50.0, m.uar(), EPS);
        assertEquals(100.0 * (2.0 * 8 / (16 + 2)) / 2, m.macroF1(), EPS);
    }

    @Test
    void overallIsTheMeanOfCombined() {
        HeadMetrics a = Metrics.compute("a", ABC, new int[] {0, 1, 2}, new int[] {0, 1, 2});
        HeadMetrics b = Metrics.compute("b", ABC, new int[] {0, 1, 2}, new int[] {1, 2, 0});
        assertEquals(100.0, a.combined(), EPS);
        assertEquals(0.0, b.combined(), EPS);
        assertEquals(50.0, Metrics.overall(List.of(a, b)), EPS);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute("a", ABC, new int[] {0}, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute("a", ABC, new int[] {3}, new int[] {0}));
    }

    @Test
    void majorityBaselineAnswersTheMostFrequentTrueClass() {
        // truth: 5 a, 3 b, 2 c; the model's answers do not matter to the baseline
        int[] truth = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2};
        int[] anything = {2, 1, 0, 2, 1, 0, 2, 1, 0, 0};
        HeadMetrics base = Metrics.majorityBaseline(Metrics.compute("a", ABC, truth, anything));

        assertEquals(50.0, base.microF1(), 1e-9, "5 of 10 right");
        assertEquals(100.0 / 3, base.uar(), 1e-9, "recall 1, 0, 0: chance");
        assertEquals(0.66 * 50 + 0.34 * 100.0 / 3, base.combined(), 1e-9);
        assertEquals(10, base.confusion()[0][0] + base.confusion()[1][0] + base.confusion()[2][0],
                "every clip answered with the first class");
    }
}
