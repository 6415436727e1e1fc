package org.aaec.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The native WAV reader returns the samples that were written, within each format's quantisation step. */
class WavDecoderTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "format {0}, {1} bits, extensible {2}")
    @CsvSource({"1, 8, false", "1, 16, false", "1, 24, false", "1, 32, false", "3, 32, false", "3, 64, false",
        "1, 24, true", "3, 32, true"})
    void everySampleFormatRoundTrips(int code, int bits, boolean extensible) throws Exception {
        float[] x = TestAudio.tone(300, 8000, 0.25, 0.7);
        Path file = TestAudio.writeWav(dir.resolve("x.wav"), x, 1, 8000, code, bits, extensible);

        AudioClip clip = new WavDecoder().decode(file);

        assertEquals(8000, clip.sampleRate());
        double step = code == 3 ? 1e-7 : 1.0 / (1L << (bits - 1));
        assertArrayEquals(x, clip.samples(), (float) (1.01 * step), "within one quantisation step");
    }

    @Test
    void channelsAreAveragedToMono() throws Exception {
        float[] x = TestAudio.tone(300, 8000, 0.1, 0.5);
        // left = x, right = -x/2, third = 0.5x: mean = (1 - 0.5 + 0.5)/3 x = x/3
        Path file = TestAudio.writeWav(dir.resolve("3ch.wav"), TestAudio.interleave(x, 1.0, -0.5, 0.5), 3, 8000, 3,
                32, false);

        float[] mono = new WavDecoder().decode(file).samples();

        assertEquals(x.length, mono.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i] / 3.0, mono[i], 1e-6);
        }
    }

    /** The bulk 16-bit path gives bit for bit what converting each sample and averaging gives. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 6})
    void sixteenBitMixIsExactlyTheAverageOfTheConvertedSamples(int channels) {
        java.util.Random r = new java.util.Random(channels);
        short[] pcm = new short[channels * 5000];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (i < 2 * channels ? (i % 2 == 0 ? Short.MIN_VALUE : Short.MAX_VALUE) : r.nextInt(65536));
        }
        float[] asFloats = new float[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            asFloats[i] = pcm[i] / 32768f;
        }

        assertArrayEquals(AudioClip.mixToMono(asFloats, channels), WavDecoder.mix16(pcm, channels));
    }

    @Test
    void anyRateIsResampledTo16kByTheLoader() throws Exception {
        float[] x = TestAudio.tone(1000, 22050, 1.0, 0.5);
        Path file = TestAudio.writeWav16(dir.resolve("22k.wav"), x, 22050);

        AudioClip clip = new AudioLoader().load(file);

        assertEquals(16_000, clip.sampleRate());
        assertEquals(16_000, clip.samples().length);
        assertEquals(0.5, TestAudio.amplitudeAt(clip.samples(), 2000, 14000, 1000, 16_000), 0.01);
    }
}
