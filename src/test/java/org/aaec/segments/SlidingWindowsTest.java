package org.aaec.segments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows over a stream: where they start and end, what they hold, whatever the block sizes. */
class SlidingWindowsTest {

    /**
     * The expected windows by the rule, computed independently: starts every hop while a full
     * window fits, then one shorter window to the end if samples are left over.
     */
    private static List<long[]> expected(long n, int window, int hop) {
        List<long[]> out = new ArrayList<>();
        long start = 0;
        for (; start + window <= n; start += hop) {
            out.add(new long[] {start, start + window});
        }
        long covered = out.isEmpty() ? 0 : out.get(out.size() - 1)[1];
        if (n > 0 && (out.isEmpty() || covered < n)) {
            out.add(new long[] {start, n});
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"100000,16000,8000,777", "64000,16000,8000,1", "64001,16000,8000,5000", "5000,16000,8000,4096",
        "50000,16000,16000,333", "50000,16000,3000,100000"})
    void windowsFollowTheRuleAndHoldTheirSamples(int n, int window, int hop, int block) {
        float[] x = new float[n];
        Random r = new Random(n);
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        SlidingWindows w = new SlidingWindows(16_000, window, hop, false);
        List<SlidingWindows.Window> got = new ArrayList<>();
        for (int at = 0; at < n; at += block) {
            w.accept(Arrays.copyOfRange(x, at, Math.min(n, at + block)), got::add);
        }
        w.finish(got::add);

        List<long[]> want = expected(n, window, hop);
        assertEquals(want.size(), got.size());
        for (int k = 0; k < got.size(); k++) {
            SlidingWindows.Window g = got.get(k);
            assertEquals(k, g.index());
            assertEquals(want.get(k)[0], g.start(), "start of window " + k);
            assertEquals(want.get(k)[1], g.end(), "end of window " + k);
            assertArrayEquals(Arrays.copyOfRange(x, (int) g.start(), (int) g.end()), g.samples());
            assertTrue(Double.isNaN(g.speechSeconds()));
        }
        assertEquals(n, w.samples());
    }
}
