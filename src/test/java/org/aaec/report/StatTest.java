package org.aaec.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatTest {

    @Test
    void sampleDeviationAsNumpyWithDdofOne() {
        Stat s = Stat.of(List.of(60.0, 62.0, 67.0)); // np.std([60, 62, 67], ddof=1) = 3.6055512754639896
        assertEquals(63.0, s.mean(), 1e-12);
        assertEquals(3.6055512754639896, s.std(), 1e-12);
        assertEquals("63.00 ± 3.61", s.format());
        assertEquals("61.00", Stat.of(List.of(61.0)).format());
        assertEquals("—", Stat.of(List.of()).format());
    }

    @Test
    void confidenceIntervalOfTheMeanAsScipysStudentT() {
        // scipy.stats.t.interval(0.95, n - 1, loc=mean, scale=sem)
        double[] ci = Stat.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0)).confidence95();
        assertEquals(1.0367568385224428, ci[0], 1e-9);
        assertEquals(4.963243161477557, ci[1], 1e-9);
        double[] two = Stat.of(List.of(-0.5, 2.0)).confidence95();
        assertEquals(-15.132755920218369, two[0], 1e-9);
        assertEquals(16.63275592021837, two[1], 1e-9);
        org.junit.jupiter.api.Assertions.assertNull(Stat.of(List.of(3.0)).confidence95(), "no interval from one value");
    }
}
