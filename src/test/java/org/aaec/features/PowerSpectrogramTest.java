package org.aaec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioLoader;
import org.aaec.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The power spectrogram matches numpy (fixtures from src/test/python/make_spectrogram_fixtures.py):
 * max relative error below 1e-4 on every bin above 1e-6 of its frame's maximum.
 */
class PowerSpectrogramTest {

    private static final double MAX_REL_ERROR = 1e-4;

    static void assertMatchesNumpy(Spectrogram expected, Spectrogram actual) {
        assertEquals(expected.frames(), actual.frames(), "frames");
        assertEquals(expected.bins(), actual.bins(), "bins");
        double worst = 0;
        int checked = 0;
        for (int t = 0; t < expected.frames(); t++) {
            float frameMax = 0;
            for (int f = 0; f < expected.bins(); f++) {
                frameMax = Math.max(frameMax, expected.get(t, f));
            }
            for (int f = 0; f < expected.bins(); f++) {
                double e = expected.get(t, f);
                if (e > 1e-6 * frameMax) {
                    worst = Math.max(worst, Math.abs(actual.get(t, f) - e) / e);
                    checked++;
                }
            }
        }
        assertTrue(checked > expected.frames() * 10, "enough bins compared: " + checked);
        assertTrue(worst < MAX_REL_ERROR, "max relative error " + worst);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine", "chirp", "noise"})
    void syntheticSignalsMatchNumpy(String name) throws Exception {
        float[] x = NpyFile.read(Shared.fixture("spectrogram/" + name + ".input.npy")).data();
        Spectrogram expected = NpyFile.read(Shared.fixture("spectrogram/" + name + ".power.npy")).asSpectrogram();

        Spectrogram actual = new PowerSpectrogram(FeatureConfig.defaults()).compute(x);

        assertMatchesNumpy(expected, actual);
    }

    @Test
    void realClipDecodedByFfmpegMatchesNumpyOnLibflacDecode() throws Exception {
        Spectrogram expected = NpyFile.read(Shared.fixture("spectrogram/emodb_03a01Fa.power.npy")).asSpectrogram();
        AudioClip clip = new AudioLoader().load(Shared.corpus("emodb").resolve("03a01Fa.flac")).fitTo(4.0);

        Spectrogram actual = new PowerSpectrogram(FeatureConfig.defaults().withMaxSeconds(4.0)).compute(clip.samples());

        assertMatchesNumpy(expected, actual);
    }

    @Test
    void fifteenSecondsGives469By513() {
        FeatureConfig c = FeatureConfig.defaults();
        Spectrogram s = new PowerSpectrogram(c).compute(new float[c.samplesPerClip()]);
        assertEquals(469, s.frames());
        assertEquals(513, s.bins());
        assertEquals(469, c.frames());
        assertEquals(513, c.bins());
    }

    @Test
    void constantSignalHasAllPowerInBinZero() {
        // periodic Hann's DFT is n/2 at bin 0, -n/4 at bins +-1 and 0 elsewhere: a constant 1 gives
        // |X0|^2 = 512^2, |X1|^2 = 256^2 and no power above bin 1
        float[] ones = new float[4096];
        java.util.Arrays.fill(ones, 1f);
        Spectrogram s = new PowerSpectrogram(FeatureConfig.defaults()).compute(ones);
        assertEquals(512.0 * 512.0, s.get(3, 0), 1e-3);
        assertEquals(256.0 * 256.0, s.get(3, 1), 1e-3);
        assertEquals(0.0, s.get(3, 2), 1e-6);
    }

    @Test
    void fingerprintChangesWithEverySetting() {
        FeatureConfig a = FeatureConfig.defaults();
        assertEquals(a.fingerprint(), FeatureConfig.defaults().fingerprint());
        assertTrue(!a.fingerprint().equals(a.withMaxSeconds(4).fingerprint()));
        assertTrue(!a.fingerprint().equals(new FeatureConfig(16_000, 512, 512, 15, "hann-periodic", true)
                .fingerprint()));
        assertArrayEquals(new int[] {469, 513}, new int[] {a.frames(), a.bins()});
    }
}
