package org.aaec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A clip's level follows its gain exactly, and its active time counts the sound, not the padding or the hiss. */
class LevelTest {

    private static final FeatureConfig CONFIG = FeatureConfig.defaults().withMaxSeconds(4);
    private static final double FRAME_SECONDS = 512 / 16_000.0;

    /** Low noise (-60 dBFS) with a 220 Hz tone from {@code from} to {@code to} seconds, padded with zeros to 4 s. */
    private static float[] toneInNoise(double seconds, double from, double to, double gain) {
        Random r = new Random(11);
        float[] x = new float[CONFIG.samplesPerClip()];
        int n = (int) (seconds * 16_000);
        for (int i = 0; i < n; i++) {
            double t = i / 16_000.0;
            double v = 0.001 * r.nextGaussian();
            if (t >= from && t < to) {
                v += 0.3 * Math.sin(2 * Math.PI * 220 * t);
            }
            x[i] = (float) (gain * v);
        }
        return x;
    }

    private static Spectrogram power(float[] x) {
        return new PowerSpectrogram(CONFIG).compute(x);
    }

    @Test
    void levelIsTheGeometricMeanOfTheFramesAboveFloorAndNearTheLoudest() {
        // frame energies: ten of noise at 1e-4, three of sound at 1, 4 and 16, two of padding at 0
        double[] energies = new double[15];
        Arrays.fill(energies, 0, 10, 1e-4);
        energies[10] = 1;
        energies[11] = 4;
        energies[12] = 16;
        float[] d = new float[15 * 3];
        for (int t = 0; t < 15; t++) {
            Arrays.fill(d, t * 3, t * 3 + 3, (float) energies[t]);
        }
        // floor = 10th percentile of the 13 non-zero frames = 1e-4; threshold max(1e-3, 16e-3): 1, 4, 16 count
        Level level = Level.of(new Spectrogram(d, 15, 3), 0.032);

        assertEquals(4.0, level.power(), 1e-9, "cube root of 1 * 4 * 16");
        assertEquals(3, level.activeFrames());
        assertEquals(0.096, level.activeSeconds(), 1e-12);
    }

    @Test
    void aGainScalesTheLevelByItsSquareAndKeepsTheActiveFrames() {
        Level asRecorded = Level.of(power(toneInNoise(3, 0.5, 2.0, 1)), CONFIG);
        for (double db : new double[] {-20, -10, 6}) {
            double g = Math.pow(10, db / 20);
            Level scaled = Level.of(power(toneInNoise(3, 0.5, 2.0, g)), CONFIG);
            assertEquals(g * g, scaled.power() / asRecorded.power(), 1e-4 * g * g, db + " dB");
            assertEquals(asRecorded.activeFrames(), scaled.activeFrames(), db + " dB");
        }
    }

    @Test
    void levelNormalisedInputDoesNotDependOnTheGain() {
        Spectrogram a = power(toneInNoise(3, 0.5, 2.0, 1));
        Spectrogram b = power(toneInNoise(3, 0.5, 2.0, 0.1));
        double[] zeros = new double[CONFIG.bins()];
        double[] ones = new double[CONFIG.bins()];
        Arrays.fill(ones, 1);
        Normalization utterance = new Normalization(zeros, ones, 1e-10, 1, 1, Normalization.LEVEL_UTTERANCE, null);
        Normalization none = new Normalization(zeros, ones, 1e-10, 1, 1, Normalization.LEVEL_NONE, null);

        float[] ua = utterance.apply(a).data();
        float[] ub = utterance.apply(b).data();
        double worst = 0;
        double worstAll = 0;
        for (int i = 0; i < ua.length; i++) {
            double d = Math.abs(ua[i] - ub[i]);
            worstAll = Math.max(worstAll, d);
            if (ua[i] > Math.log(1e-6)) { // bins far above the 1e-10 floor; below it float rounding of
                worst = Math.max(worst, d); // near-cancelling sums (the DC bin of noise) dominates
            }
        }
        assertTrue(worst < 1e-3, "log power differs by " + worst + " after levelling");
        assertTrue(worstAll < 1e-2, "log power differs by " + worstAll + " after levelling, all bins");
        // without levelling, -20 dB moves every bin that is not at the floor by log(0.01) = -4.6
        int frame = (int) (1.0 / FRAME_SECONDS);
        int bin = (int) Math.round(220.0 / 16_000 * 1024);
        int i = frame * CONFIG.bins() + bin;
        assertEquals(Math.log(0.01), none.apply(b).data()[i] - none.apply(a).data()[i], 1e-3);
    }

    @Test
    void activeTimeCountsTheSoundNotThePaddingOrTheNoise() {
        Level oneAndAHalf = Level.of(power(toneInNoise(3, 0.5, 2.0, 1)), CONFIG);
        assertEquals(1.5, oneAndAHalf.activeSeconds(), 3 * FRAME_SECONDS);
        assertTrue(oneAndAHalf.reliable());

        Level blip = Level.of(power(toneInNoise(3, 1.0, 1.15, 1)), CONFIG);
        assertEquals(0.15, blip.activeSeconds(), 3 * FRAME_SECONDS);
        assertFalse(blip.reliable(), "0.15 s of sound is under the 0.3 s a prediction needs");

        Level hiss = Level.of(power(toneInNoise(3, 0, 0, 1)), CONFIG);
        assertFalse(hiss.reliable(), "noise alone: " + hiss.activeSeconds() + " s active");

        Level silence = Level.of(power(new float[CONFIG.samplesPerClip()]), CONFIG);
        assertEquals(new Level(1.0, 0, 0), silence);
    }
}
