package org.aaec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Trimmed silence: the network input starts at the sound whatever silence precedes it, padding
 * reads as the per-bin mean (0), and the statistics count only the kept frames.
 */
class SilenceTrimTest {

    private static final int BINS = 2;

    /** A spectrogram of {@code frames} frames from per-frame energies (every bin the same power). */
    private static Spectrogram frames(double... energies) {
        float[] d = new float[energies.length * BINS];
        for (int t = 0; t < energies.length; t++) {
            Arrays.fill(d, t * BINS, t * BINS + BINS, (float) energies[t]);
        }
        return new Spectrogram(d, energies.length, BINS);
    }

    /** {@code n} copies of {@code v}. */
    private static double[] run(int n, double v) {
        double[] r = new double[n];
        Arrays.fill(r, v);
        return r;
    }

    private static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }

    private static Normalization unit(String silence) {
        return new Normalization(new double[BINS], new double[] {1, 1}, 1e-10, 1, 1, Normalization.LEVEL_NONE,
                silence);
    }

    @Test
    void theSpanRunsFromTheFirstToTheLastActiveFrameWithItsMargin() {
        // 10 frames of hiss at 1e-6, 10 of sound at 1, 10 of padding: floor 1e-6, threshold 1e-3
        Spectrogram s = frames(concat(run(10, 1e-6), run(10, 1), run(10, 0)));
        assertArrayEquals(new int[] {7, 23}, Level.activeSpan(s, 3));
        assertArrayEquals(new int[] {10, 20}, Level.activeSpan(s, 0));
        assertArrayEquals(new int[] {0, 30}, Level.activeSpan(s, 40), "the margin stops at the clip's ends");
        assertArrayEquals(new int[] {0, 0}, Level.activeSpan(frames(run(5, 0)), 3), "no sound at all");
    }

    @Test
    void theInputStartsAtTheSoundWhateverSilencePrecedesIt() {
        double[] sound = {0.5, 1, 2, 1, 0.25};
        Normalization trim = unit(Normalization.SILENCE_TRIM);
        float[] early = trim.apply(frames(concat(run(3, 1e-6), sound, run(12, 0)))).data();
        float[] late = trim.apply(frames(concat(run(9, 1e-6), sound, run(6, 0)))).data();
        assertArrayEquals(early, late, "the same sound after 3 or 9 frames of hiss");
        // with a margin of 3 frames the hiss frame just before the sound is kept at frame 0 ... 2, then the sound
        int m = Normalization.TRIM_MARGIN_FRAMES;
        assertEquals(Math.log(1e-6 + 1e-10), early[0], 1e-5);
        for (int t = 0; t < sound.length; t++) {
            assertEquals(Math.log(sound[t] + 1e-10), early[(m + t) * BINS], 1e-5, "frame " + t);
        }
        // after the sound: the 3 frames of margin and the rest are padding of zero power -> 0 (the mean)
        for (int i = (m + sound.length) * BINS; i < early.length; i++) {
            assertEquals(0f, early[i], "padding at " + i);
        }
        float[] kept = unit(Normalization.SILENCE_KEEP).apply(frames(concat(run(3, 1e-6), sound, run(12, 0)))).data();
        assertEquals(Math.log(1e-10), kept[kept.length - 1], 1e-5, "keep: padding stays at log(floor), as the paper");
        assertEquals(Math.log(1e-6 + 1e-10), kept[0], 1e-5, "keep: frames stay where they are");
    }

    @Test
    void statisticsCountOnlyTheKeptFramesThatHavePower() {
        // 10 frames of hiss at 1e-6, 2 of sound at e and e^3, 4 of padding: the kept frames are
        // the last 3 of hiss, the sound, and no padding (zero power)
        Spectrogram s = frames(concat(run(10, 1e-6), new double[] {Math.E, Math.exp(3)}, run(4, 0)));
        Normalization.Accumulator acc = new Normalization.Accumulator(BINS, 0, Normalization.LEVEL_NONE,
                Normalization.SILENCE_TRIM);
        acc.add(s, 16);
        Normalization n = acc.result();
        double hiss = Math.log(1e-6);
        double[] kept = {hiss, hiss, hiss, 1, 3};
        double mean = Arrays.stream(kept).average().orElseThrow();
        double var = Arrays.stream(kept).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        assertEquals(5, n.frames());
        assertEquals(mean, n.mean()[0], 1e-6);
        assertEquals(Math.sqrt(var), n.std()[1], 1e-6);
        assertEquals(Normalization.SILENCE_TRIM, n.silence());
    }
}
