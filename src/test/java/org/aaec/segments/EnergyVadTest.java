package org.aaec.segments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The detector on signals whose speech/non-speech times are known by construction: a 200 Hz
 * "voice" burst in -60 dB noise. Decisions follow the documented hysteresis and do not depend on
 * the gain.
 */
class EnergyVadTest {

    private static final int RATE = 16_000;

    /** 2 s of noise, 1.5 s of burst (+30 dB), 2 s of noise. */
    private static float[] signal(double gain) {
        Random r = new Random(7);
        float[] x = new float[RATE * 11 / 2];
        for (int i = 0; i < x.length; i++) {
            double v = 0.001 * r.nextGaussian();
            if (i >= 2 * RATE && i < 7 * RATE / 2) {
                v += 0.05 * Math.sin(2 * Math.PI * 200 * i / RATE);
            }
            x[i] = (float) (gain * v);
        }
        return x;
    }

    private static boolean[] decide(float[] x) {
        EnergyVad vad = new EnergyVad(RATE);
        boolean[] speech = new boolean[x.length / vad.frameLength()];
        for (int at = 0; at < x.length; at += 1000) {
            vad.accept(x, at, Math.min(x.length, at + 1000), (f, s) -> speech[(int) f] = s);
        }
        return speech;
    }

    @Test
    void aBurstInNoiseIsSpeechWithTheDocumentedOnsetAndHangover() {
        boolean[] speech = decide(signal(1.0));
        int burstStart = 100; // frame of 2.0 s
        int burstEnd = 175; // frame of 3.5 s
        for (int f = 0; f < burstStart; f++) {
            assertFalse(speech[f], "noise is not speech: frame " + f);
        }
        // onset: ONSET_FRAMES frames above the threshold; the first of them is not yet speech
        for (int f = burstStart + EnergyVad.ONSET_FRAMES - 1; f < burstEnd; f++) {
            assertTrue(speech[f], "the burst is speech: frame " + f);
        }
        // hangover: speech lasts HANGOVER_FRAMES frames after the burst, then ends
        for (int f = burstEnd; f < burstEnd + EnergyVad.HANGOVER_FRAMES; f++) {
            assertTrue(speech[f], "hangover: frame " + f);
        }
        for (int f = burstEnd + EnergyVad.HANGOVER_FRAMES + 1; f < speech.length; f++) {
            assertFalse(speech[f], "after the hangover: frame " + f);
        }
    }

    @Test
    void theDecisionsDoNotDependOnTheGain() {
        boolean[] base = decide(signal(1.0));
        for (double gain : new double[] {0.2, 5.0}) {
            boolean[] other = decide(signal(gain));
            for (int f = 0; f < base.length; f++) {
                assertEquals(base[f], other[f], "frame " + f + " at gain " + gain);
            }
        }
    }

    @Test
    void digitalSilenceAndTheNoiseAloneAreNeverSpeech() {
        float[] zeros = new float[RATE * 3];
        for (boolean s : decide(zeros)) {
            assertFalse(s);
        }
        float[] x = signal(1.0);
        float[] noise = java.util.Arrays.copyOf(x, 2 * RATE);
        for (boolean s : decide(noise)) {
            assertFalse(s);
        }
    }
}
