package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aaec.features.FeatureConfig;
import org.aaec.features.Level;
import org.aaec.features.PowerSpectrogram;
import org.aaec.features.Spectrogram;
import org.aaec.model.HeadSpec;
import org.junit.jupiter.api.Test;

/** Each augmentation does to a known signal what its waveform counterpart would, and a seed fixes the draw. */
class AugmenterTest {

    private static final FeatureConfig CONFIG = FeatureConfig.defaults().withMaxSeconds(2);
    private static final int T = CONFIG.frames();
    private static final int F = CONFIG.bins();

    private static float[] tonePower(double hz, double amplitude) {
        float[] x = new float[CONFIG.samplesPerClip()];
        for (int i = 0; i < 16_000; i++) { // 1 s of tone, then zero padding
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / 16_000));
        }
        return new PowerSpectrogram(CONFIG).compute(x).data();
    }

    private static ClipSet rawSet(float[]... clips) {
        int[][] labels = {new int[clips.length]};
        List<String> ids = Arrays.stream(clips).map(c -> "c" + c.hashCode()).toList();
        return ClipSet.of(ids, clips, labels, List.of(new HeadSpec("arousal", List.of("low", "high"))), T, F);
    }

    private static int peakBin(float[] p, int frame) {
        int best = 0;
        for (int f = 1; f < F; f++) {
            best = p[frame * F + f] > p[frame * F + best] ? f : best;
        }
        return best;
    }

    @Test
    void theSameSeedGivesTheSameDrawAndAnotherSeedAnother() {
        Augmenter a = new Augmenter(Augment.classic(), null, rawSet(tonePower(440, 0.3), tonePower(880, 0.1)));
        assertArrayEquals(a.apply(0, 42), a.apply(0, 42));
        assertFalse(Arrays.equals(a.apply(0, 42), a.apply(0, 43)));
    }

    @Test
    void gainChangesTheLevelByTheDrawnAmount() {
        float[] p = tonePower(440, 0.3);
        double before = Level.of(new Spectrogram(p, T, F), CONFIG).power();
        Augmenter.gain(p, -13.5);
        double after = Level.of(new Spectrogram(p, T, F), CONFIG).power();
        assertEquals(-13.5, 10 * Math.log10(after / before), 1e-4);
    }

    @Test
    void drawnGainsStayWithinTheirRange() {
        Augment gainOnly = new Augment(6, List.of(), null, 1, List.of(), 0, 0, 0, 0);
        float[] p = tonePower(440, 0.3);
        Augmenter a = new Augmenter(gainOnly, null, rawSet(p));
        double ref = Level.of(new Spectrogram(p, T, F), CONFIG).power();
        for (long seed = 0; seed < 50; seed++) {
            double db = 10 * Math.log10(Level.of(new Spectrogram(a.apply(0, seed), T, F), CONFIG).power() / ref);
            assertTrue(Math.abs(db) <= 6 + 1e-6, "gain " + db + " dB");
        }
    }

    @Test
    void speedMovesATonesFrequencyAndShortensIt() {
        float[] p = tonePower(1000, 0.3);
        float[] fast = Augmenter.speed(p, T, F, 1.1);
        // 1000 Hz is bin 64; at 1.1x speed the tone is at 1100 Hz, bin 70.4
        assertEquals(64, peakBin(p, 10));
        assertEquals(70, peakBin(fast, 10), 1);
        // one second of tone lasts 1 / 1.1 s: frame 30 (0.96 s) now shows padding, frame 27 (0.86 s) still the tone
        assertTrue(fast[30 * F + 70] < 1e-6 * fast[10 * F + 70], "tone over by 0.91 s");
        assertTrue(fast[27 * F + 70] > 0.1 * fast[10 * F + 70]);
    }

    @Test
    void speedOnMelBandsMovesTheToneToTheBandCentredAtItsNewFrequency() {
        org.aaec.features.MelBands mel = org.aaec.features.MelBands.of(64, CONFIG);
        double[] centres = mel.centres();
        float[] bands = mel.project(new Spectrogram(tonePower(1000, 0.3), T, F)).data();
        float[] fast = Augmenter.speed(bands, T, centres, 1.1);
        assertEquals(nearest(centres, 1000), peakBand(bands, 64, 10), "the tone sits in the band centred nearest 1 kHz");
        assertEquals(nearest(centres, 1100), peakBand(fast, 64, 10), "at 1.1x it moves to the band nearest 1.1 kHz");
        // with the linear bins' indices as centres, the general form is the index form
        double[] index = new double[F];
        for (int f = 0; f < F; f++) {
            index[f] = f;
        }
        float[] p = tonePower(1000, 0.3);
        org.junit.jupiter.api.Assertions.assertArrayEquals(Augmenter.speed(p, T, F, 0.9), Augmenter.speed(p, T, index,
                0.9));
    }

    private static int nearest(double[] centres, double hz) {
        int best = 0;
        for (int b = 1; b < centres.length; b++) {
            best = Math.abs(centres[b] - hz) < Math.abs(centres[best] - hz) ? b : best;
        }
        return best;
    }

    private static int peakBand(float[] p, int bands, int frame) {
        int best = 0;
        for (int b = 1; b < bands; b++) {
            best = p[frame * bands + b] > p[frame * bands + best] ? b : best;
        }
        return best;
    }

    @Test
    void noiseIsAddedAtTheDrawnSnrOnlyWhereThereIsSound() {
        float[] p = tonePower(440, 0.3);
        float[] noisy = p.clone();
        float[] white = Augmenter.coloured(T, F, false, new SplittableRandom(3));
        Augmenter.addNoise(noisy, white, T, F, 10);
        double signal = Level.of(new Spectrogram(p, T, F), CONFIG).power();
        double added = 0;
        int frames = 0;
        for (int t = 0; t < T; t++) {
            if (p[t * F + 10] > 0 || p[t * F + 27] > 0) {
                frames++;
                for (int f = 0; f < F; f++) {
                    added += noisy[t * F + f] - p[t * F + f];
                }
            } else {
                for (int f = 0; f < F; f++) {
                    assertEquals(0f, noisy[t * F + f], "padding frame " + t + " stays silent");
                }
            }
        }
        double noise = added / ((double) frames * F);
        assertEquals(10.0, 10 * Math.log10(signal / noise), 0.05);
    }

    @Test
    void pinkNoiseFallsByThreeDecibelsPerOctave() {
        float[] pink = Augmenter.coloured(2000, F, true, new SplittableRandom(5));
        double low = 0;
        double high = 0;
        for (int t = 0; t < 2000; t++) {
            low += pink[t * F + 32];
            high += pink[t * F + 64];
        }
        assertEquals(-3.01, 10 * Math.log10(high / low), 0.3);
    }

    @Test
    void masksZeroWholeBandsOfTheInput() {
        float[] x = new float[T * F];
        Arrays.fill(x, 1f);
        Augmenter.mask(x, T, F, 1, 5, true, new SplittableRandom(9));
        Augmenter.mask(x, T, F, 1, 20, false, new SplittableRandom(9));
        int zeroFrames = 0;
        for (int t = 0; t < T; t++) {
            boolean all = true;
            for (int f = 0; f < F; f++) {
                all &= x[t * F + f] == 0f;
            }
            zeroFrames += all ? 1 : 0;
        }
        int zeroBins = 0;
        for (int f = 0; f < F; f++) {
            boolean all = true;
            for (int t = 0; t < T; t++) {
                all &= x[t * F + f] == 0f;
            }
            zeroBins += all ? 1 : 0;
        }
        assertTrue(zeroFrames <= 5, zeroFrames + " frames masked");
        assertTrue(zeroBins <= 20, zeroBins + " bins masked");
        long zeros = 0;
        for (float v : x) {
            zeros += v == 0f ? 1 : 0;
        }
        assertEquals((long) zeroFrames * F + (long) zeroBins * T - (long) zeroFrames * zeroBins, zeros,
                "only whole frames and bins are zero");
    }
}
