package org.aaec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code level: spectral} divides each bin by the clip's average spectrum over its active frames,
 * so that a fixed colouring per frequency (a microphone, a room, a codec) and a gain both leave
 * the network's input unchanged, which a single level per clip does not.
 */
class SpectralLevelTest {

    private static final FeatureConfig CONFIG = FeatureConfig.defaults().withMaxSeconds(3);

    /** White-noise bursts (loud) in a faint white-noise background, padded with zeros: every frame's spectrum is flat. */
    private static Spectrogram bursts() {
        Random r = new Random(5);
        float[] x = new float[CONFIG.samplesPerClip()];
        int n = (int) (2.5 * 16_000);
        for (int i = 0; i < n; i++) {
            boolean loud = (i / 4000) % 2 == 1; // 0.25 s on, 0.25 s off
            x[i] = (float) ((loud ? 0.2 : 0.0005) * r.nextGaussian());
        }
        return new PowerSpectrogram(CONFIG).compute(x);
    }

    /** The spectrogram with every bin multiplied by {@code colour[f]}. */
    private static Spectrogram coloured(Spectrogram s, double[] colour) {
        float[] d = s.data().clone();
        for (int t = 0; t < s.frames(); t++) {
            for (int f = 0; f < s.bins(); f++) {
                d[t * s.bins() + f] = (float) (d[t * s.bins() + f] * colour[f]);
            }
        }
        return new Spectrogram(d, s.frames(), s.bins());
    }

    private static Normalization identity(String level) {
        double[] zero = new double[513];
        double[] one = new double[513];
        Arrays.fill(one, 1.0);
        return new Normalization(zero, one, Normalization.DEFAULT_FLOOR, 1, 1, level, null);
    }

    @Test
    void theSpectrumIsTheGeometricMeanPerBinOverTheActiveFrames() {
        // frames: ten of faint noise, three loud ones, one of padding; two bins
        float[] d = new float[14 * 2];
        for (int t = 0; t < 10; t++) {
            d[2 * t] = 1e-4f;
            d[2 * t + 1] = 3e-4f;
        }
        float[][] loud = {{1, 3}, {4, 2}, {16, 9}};
        for (int k = 0; k < 3; k++) {
            d[2 * (10 + k)] = loud[k][0];
            d[2 * (10 + k) + 1] = loud[k][1];
        }
        double[] spectrum = Level.spectrum(new Spectrogram(d, 14, 2));

        assertEquals(Math.cbrt(1 * 4 * 16), spectrum[0], 1e-9);
        assertEquals(Math.cbrt(3 * 2 * 9), spectrum[1], 1e-9);
    }

    @Test
    void aColouringPerBinAndAGainLeaveTheInputUnchanged() {
        Spectrogram asRecorded = bursts();
        double[] colour = new double[513];
        for (int f = 0; f < colour.length; f++) {
            colour[f] = 100 * Math.pow(10, 1.2 * Math.sin(f / 40.0)); // +40 dB gain, ±12 dB ripple
        }
        Spectrogram channel = coloured(asRecorded, colour);

        Spectrogram a = identity(Normalization.LEVEL_SPECTRAL).apply(asRecorded);
        Spectrogram b = identity(Normalization.LEVEL_SPECTRAL).apply(channel);
        double worst = 0;
        for (int i = 0; i < a.data().length; i++) {
            worst = Math.max(worst, Math.abs(a.data()[i] - b.data()[i]));
        }
        assertTrue(worst < 1e-4, "largest change of the input " + worst);

        // one level per clip removes the gain but not the ripple
        Spectrogram c = identity(Normalization.LEVEL_UTTERANCE).apply(asRecorded);
        Spectrogram e = identity(Normalization.LEVEL_UTTERANCE).apply(channel);
        double utteranceWorst = 0;
        for (int i = 0; i < c.data().length; i++) {
            utteranceWorst = Math.max(utteranceWorst, Math.abs(c.data()[i] - e.data()[i]));
        }
        assertTrue(utteranceWorst > 2, "a ±12 dB ripple moves log power by up to 2.76: " + utteranceWorst);
    }

    @Test
    void activeFramesAverageToZeroPerBinAndPaddingStaysAtTheFloor() {
        Spectrogram power = bursts();
        Spectrogram z = identity(Normalization.LEVEL_SPECTRAL).apply(power);
        int padding = power.frames() - 1;
        assertTrue(power.isZeroFrame(padding));
        assertEquals(Math.log(Normalization.DEFAULT_FLOOR), z.get(padding, 100), 1e-4);
        // the loud frames are the active ones; their mean log power per bin is 0 after the division
        double[] energy = new double[power.frames()];
        for (int t = 0; t < power.frames(); t++) {
            for (int f = 0; f < power.bins(); f++) {
                energy[t] += power.get(t, f);
            }
        }
        double loudest = Arrays.stream(energy).max().orElseThrow();
        for (int f : new int[] {5, 200, 500}) {
            double sum = 0;
            int n = 0;
            for (int t = 0; t < power.frames(); t++) {
                if (energy[t] >= loudest * 1e-3) {
                    sum += z.get(t, f);
                    n++;
                }
            }
            assertEquals(0.0, sum / n, 1e-3, "bin " + f);
        }
    }

    @Test
    void anUnknownLevelNamesTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Normalization.checkLevel("loud"));
        assertTrue(e.getMessage().contains("spectral") && e.getMessage().contains("'loud'"), e.getMessage());
    }
}
