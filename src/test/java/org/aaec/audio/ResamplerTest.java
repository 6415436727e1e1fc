package org.aaec.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.aaec.features.NpyFile;
import org.aaec.testutil.Shared;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The resampler is band-limited: what fits below the new Nyquist frequency survives, what does not is removed. */
class ResamplerTest {

    private static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    @Test
    void sevenKilohertzSurvives48To16() {
        float[] x = TestAudio.tone(7000, 48_000, 1.0, 0.5);

        AudioClip out = Resampler.resample(new AudioClip(x, 48_000), 16_000);

        assertEquals(16_000, out.samples().length);
        double amp = TestAudio.amplitudeAt(out.samples(), 1000, 15_000, 7000, 16_000);
        assertTrue(Math.abs(db(amp / 0.5)) < 1.0, "7 kHz within 1 dB, got " + db(amp / 0.5) + " dB");
    }

    @Test
    void tenKilohertzIsAttenuatedByAtLeast40Db() {
        float[] x = TestAudio.tone(10_000, 48_000, 1.0, 0.5);

        float[] out = Resampler.resample(new AudioClip(x, 48_000), 16_000).samples();

        // A naive decimator would fold 10 kHz onto 16 - 10 = 6 kHz; measure all energy, not just one bin.
        double rms = 0;
        for (int i = 1000; i < 15_000; i++) {
            rms += out[i] * (double) out[i];
        }
        rms = Math.sqrt(rms / 14_000);
        double inputRms = 0.5 / Math.sqrt(2);
        assertTrue(db(rms / inputRms) <= -40, "attenuation " + db(rms / inputRms) + " dB");
        assertTrue(db(TestAudio.amplitudeAt(out, 1000, 15_000, 6000, 16_000) / 0.5) <= -40, "no alias at 6 kHz");
    }

    /** Sample for sample what scipy's resample_poly gives (fixtures: src/test/python/make_resample_fixtures.py). */
    @ParameterizedTest
    @ValueSource(ints = {8000, 11025, 22050, 44100, 48000, 96000})
    void matchesScipyResamplePoly(int rate) throws IOException {
        float[] in = NpyFile.read(Shared.fixture("resample/" + rate + ".input.npy")).data();
        float[] expected = NpyFile.read(Shared.fixture("resample/" + rate + ".output.npy")).data();

        float[] out = Resampler.resample(new AudioClip(in, rate), 16_000).samples();

        assertEquals(expected.length, out.length, "scipy's output length ceil(n * up / down)");
        double worst = 0;
        for (int i = 0; i < out.length; i++) {
            worst = Math.max(worst, Math.abs(out[i] - expected[i]));
        }
        // float32 sums against scipy's float64: the signal peaks near 0.8, so 2e-6 is ~1e-6 relative
        assertTrue(worst < 2e-6, rate + " Hz: max abs difference " + worst);
    }

    @Test
    void sameRateIsUntouched() {
        AudioClip clip = new AudioClip(new float[] {1, 2, 3}, 16_000);
        assertSame(clip, Resampler.resample(clip, 16_000));
    }

    @Test
    void upsamplingKeepsTheTone() {
        float[] x = TestAudio.tone(1000, 8000, 1.0, 0.5);
        float[] out = Resampler.resample(new AudioClip(x, 8000), 16_000).samples();
        assertEquals(16_000, out.length);
        assertEquals(0.5, TestAudio.amplitudeAt(out, 1000, 15_000, 1000, 16_000), 0.01);
    }

    /** A source handing out fixed blocks of an array, as a decoder does. */
    private static AudioSource blocks(float[] x, int rate, int block) {
        return new AudioSource() {
            private int at;

            @Override
            public int sampleRate() {
                return rate;
            }

            @Override
            public float[] next() {
                if (at >= x.length) {
                    return null;
                }
                float[] b = java.util.Arrays.copyOfRange(x, at, Math.min(x.length, at + block));
                at += b.length;
                return b;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Streaming gives bit for bit the whole-array result, whatever the block size (a single sample,
     * an MP3 frame, more than the whole input) and rate pair.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"44100,1152", "48000,1", "8000,333", "22050,100000", "11025,4096",
        "44100,7"})
    void streamingIsBitForBitTheWholeResult(int rate, int block) throws Exception {
        java.util.Random r = new java.util.Random(rate + block);
        float[] x = new float[rate * 3 + 17];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.4 * Math.sin(i * 0.013) + 0.1 * r.nextGaussian());
        }
        float[] whole = Resampler.resample(new AudioClip(x, rate), 16_000).samples();
        SampleBuffer streamed = new SampleBuffer();
        try (AudioSource s = Resampler.stream(blocks(x, rate, block), 16_000)) {
            assertEquals(16_000, s.sampleRate());
            float[] b;
            while ((b = s.next()) != null) {
                assertTrue(b.length > 0, "never an empty block");
                streamed.append(b, b.length);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(whole, streamed.toArray());
    }
}
