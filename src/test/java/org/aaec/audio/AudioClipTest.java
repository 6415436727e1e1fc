package org.aaec.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Cutting and padding to maxSeconds as SPEC.md defines it. */
class AudioClipTest {

    @Test
    void longClipIsCutAtMaxSeconds() {
        float[] x = new float[16_000 * 20];
        x[16_000 * 15 - 1] = 0.25f;
        x[16_000 * 15] = 0.75f;
        AudioClip cut = new AudioClip(x, 16_000).fitTo(15);
        assertEquals(240_000, cut.samples().length);
        assertEquals(0.25f, cut.samples()[239_999]);
    }

    @Test
    void shortClipIsPaddedWithTrailingZeros() {
        AudioClip padded = new AudioClip(new float[] {0.5f, -0.5f}, 4).fitTo(1.0);
        assertArrayEquals(new float[] {0.5f, -0.5f, 0f, 0f}, padded.samples());
    }

    @Test
    void segmentSelectsTheSamplesBetweenTimes() {
        float[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        assertArrayEquals(new float[] {2, 3, 4}, new AudioClip(x, 4).segment(0.5, 1.25).samples());
    }

    @Test
    void aGainScalesByTenToTheDbOverTwentyWithoutClipping() {
        AudioClip clip = new AudioClip(new float[] {0.1f, -0.25f, 0.6f}, 16_000);

        AudioClip quieter = clip.withGainDb(-20);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.01f, -0.025f, 0.06f}, quieter.samples(), 1e-7f);
        org.junit.jupiter.api.Assertions.assertFalse(quieter.beyondFullScale());

        AudioClip louder = clip.withGainDb(6); // x 1.9953
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.19953f, -0.49881f, 1.19716f}, louder.samples(),
                1e-5f);
        org.junit.jupiter.api.Assertions.assertTrue(louder.beyondFullScale(), "0.6 x 2 is beyond full scale");
    }
}
