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
}
