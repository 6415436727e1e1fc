package org.aaec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aaec.testutil.Shared;
import org.junit.jupiter.api.Test;

/** Per-bin statistics of log power match numpy, and standardisation follows its formula. */
class NormalizationTest {

    @Test
    void statisticsMatchNumpyOverSeveralClips() throws Exception {
        Normalization.Accumulator acc = new Normalization.Accumulator(513, Normalization.DEFAULT_FLOOR, Normalization.LEVEL_NONE,
                Normalization.SILENCE_KEEP);
        for (String name : new String[] {"sine", "chirp", "noise"}) {
            Spectrogram s = NpyFile.read(Shared.fixture("spectrogram/" + name + ".power.npy")).asSpectrogram();
            acc.add(s, s.frames());
        }
        Normalization n = acc.result();
        float[] mean = NpyFile.read(Shared.fixture("spectrogram/norm.mean.npy")).data();
        float[] std = NpyFile.read(Shared.fixture("spectrogram/norm.std.npy")).data();

        assertEquals(32 + 63 + 47, n.frames());
        assertEquals(3, n.clips());
        for (int f = 0; f < 513; f++) {
            assertEquals(mean[f], n.mean()[f], 1e-5 * Math.abs(mean[f]) + 1e-5, "mean bin " + f);
            assertEquals(std[f], n.std()[f], 1e-4 * std[f], "std bin " + f);
        }
    }

    @Test
    void applyIsLogThenStandardise() {
        Normalization n = new Normalization(new double[] {1.0, -2.0}, new double[] {2.0, 0.5}, 1e-10, 1, 1, null, null);
        Spectrogram power = new Spectrogram(new float[] {(float) Math.E, 1f, 0f, (float) Math.exp(-2)}, 2, 2);

        Spectrogram z = n.apply(power);

        assertEquals((1.0 - 1.0) / 2.0, z.get(0, 0), 1e-6);
        assertEquals((0.0 + 2.0) / 0.5, z.get(0, 1), 1e-6);
        assertEquals((Math.log(1e-10) - 1.0) / 2.0, z.get(1, 0), 1e-5);
        assertEquals((-2.0 + 2.0) / 0.5, z.get(1, 1), 1e-5);
    }

    @Test
    void paddingFramesAreLeftOutOfTheStatistics() {
        // one clip: frame 0 has power e^2 in both bins, frame 1 is padding (zeros)
        Spectrogram s = new Spectrogram(new float[] {(float) Math.exp(2), (float) Math.exp(2), 0f, 0f}, 2, 2);
        Normalization.Accumulator acc = new Normalization.Accumulator(2, 1e-10, Normalization.LEVEL_NONE,
                Normalization.SILENCE_KEEP);
        acc.add(s, 1);
        Normalization n = acc.result();
        assertEquals(2.0, n.mean()[0], 1e-6);
        assertEquals(1.0, n.std()[0], 0.0, "constant bin gets deviation 1");
        assertEquals(1, n.frames());
    }

    /** A clip with NaN or infinite power is refused whole; the statistics stay those of the others. */
    @Test
    void aClipWithNonFinitePowerIsRefusedAndLeavesTheStatisticsUntouched() {
        Normalization.Accumulator acc = new Normalization.Accumulator(2, 1e-10, Normalization.LEVEL_NONE,
                Normalization.SILENCE_KEEP);
        acc.add(new Spectrogram(new float[] {(float) Math.exp(1), (float) Math.exp(3)}, 1, 2), 1);
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            Spectrogram poisoned = new Spectrogram(new float[] {(float) Math.exp(5), (float) Math.exp(5), bad, 1f}, 2, 2);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> acc.add(poisoned, 2));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("bin 0"), e.getMessage());
        }
        Normalization n = acc.result();
        assertEquals(1, n.frames());
        assertEquals(1, n.clips());
        assertEquals(1.0, n.mean()[0], 1e-6, "log(e^1): the refused clips' first frames were not added");
        assertEquals(3.0, n.mean()[1], 1e-6);
    }

    @Test
    void validFramesCountsFramesCentredOnRealAudio() {
        FeatureConfig c = FeatureConfig.defaults();
        assertEquals(1, Normalization.validFrames(1, c));
        assertEquals(1, Normalization.validFrames(512, c));
        assertEquals(2, Normalization.validFrames(513, c));
        assertEquals(469, Normalization.validFrames(16_000 * 20, c));
        assertEquals(469, Normalization.validFrames(240_000, c));
    }
}
