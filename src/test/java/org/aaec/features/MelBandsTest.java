package org.aaec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The mel filterbank against torchaudio's definition ({@code melscale_fbanks}, HTK scale, no
 * normalisation) as computed by numpy in {@code src/test/python/make_mel_fixture.py}, and the
 * normalisation that applies it: the statistics of the bands, gain invariance kept, model files
 * written before the setting existed.
 */
class MelBandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode fixture() throws Exception {
        try (InputStream in = MelBandsTest.class.getResourceAsStream("/fixtures/mel/mel.json")) {
            return JSON.readTree(in);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = array.get(i).asDouble();
        }
        return d;
    }

    @Test
    void smallBankEqualsTorchaudiosDefinition() throws Exception {
        JsonNode small = fixture().path("small");
        MelBands mel = new MelBands(small.path("bands").asInt(), small.path("sampleRate").asInt(),
                small.path("nFft").asInt(), 0, small.path("sampleRate").asInt() / 2.0);
        double[][] m = mel.matrix();
        assertEquals(small.path("matrix").size(), m.length);
        for (int b = 0; b < m.length; b++) {
            assertArrayEquals(doubles(small.path("matrix").get(b)), m[b], 1e-12, "band " + b);
        }
    }

    @Test
    void projectionEqualsNumpyAt64And128Bands() throws Exception {
        for (JsonNode c : fixture().path("cases")) {
            int bands = c.path("bands").asInt();
            MelBands mel = MelBands.of(bands, FeatureConfig.defaults());
            double[][] m = mel.matrix();
            double[] sums = doubles(c.path("rowSums"));
            for (int b = 0; b < bands; b++) {
                double s = 0;
                for (double w : m[b]) {
                    s += w;
                }
                assertEquals(sums[b], s, 1e-9, bands + " bands, band " + b);
            }
            double[] p = doubles(c.path("power"));
            float[] power = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                power[i] = (float) p[i];
            }
            Spectrogram out = mel.project(new Spectrogram(power, 5, 513));
            assertEquals(bands, out.bins());
            double[] expected = doubles(c.path("projected"));
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], out.data()[i], 1e-6 * Math.abs(expected[i]) + 1e-12, bands + " bands, value " + i);
            }
        }
    }

    @Test
    void tooManyBandsForTheResolutionIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MelBands.of(400, FeatureConfig.defaults()));
        assertTrue(e.getMessage().contains("covers no bin") && e.getMessage().contains("400"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MelBands(64, 16_000, 1024, 0, 9000));
    }

    /** A random clip: white noise at two levels, then zero padding. */
    private static Spectrogram clip(FeatureConfig config, double gain) {
        Random r = new Random(9);
        float[] x = new float[config.samplesPerClip()];
        for (int i = 0; i < x.length * 3 / 4; i++) {
            x[i] = (float) (gain * ((i / 4000) % 2 == 0 ? 0.1 : 0.002) * r.nextGaussian());
        }
        return new PowerSpectrogram(config).compute(x);
    }

    @Test
    void normalisationOfBandsIsTheLogOfTheProjectionStandardised() throws Exception {
        FeatureConfig config = FeatureConfig.defaults().withMaxSeconds(1);
        MelBands mel = MelBands.of(40, config);
        Spectrogram power = clip(config, 1);
        Normalization.Accumulator acc = new Normalization.Accumulator(513, 1e-10, Normalization.LEVEL_NONE,
                Normalization.SILENCE_KEEP, mel);
        acc.add(power, power.frames());
        Normalization n = acc.result();
        assertEquals(40, n.bins());
        assertEquals(513, n.inputBins());

        // mean and deviation per band, from the definition
        Spectrogram bands = mel.project(power);
        for (int b = 0; b < 40; b++) {
            double sum = 0;
            double sq = 0;
            for (int t = 0; t < bands.frames(); t++) {
                double v = Math.log(bands.get(t, b) + 1e-10);
                sum += v;
                sq += v * v;
            }
            double mean = sum / bands.frames();
            assertEquals(mean, n.mean()[b], 1e-9);
            assertEquals(Math.sqrt(sq / bands.frames() - mean * mean), n.std()[b], 1e-6);
        }
        Spectrogram input = n.apply(power);
        assertEquals(40, input.bins());
        assertEquals((Math.log(bands.get(3, 7) + 1e-10) - n.mean()[7]) / n.std()[7], input.get(3, 7), 1e-5);
        assertThrows(IllegalArgumentException.class, () -> n.apply(bands), "bands are not power of 513 bins");

        // written and read back, the filterbank travels with the statistics; files without it are linear
        Normalization back = JSON.readValue(JSON.writeValueAsBytes(n), Normalization.class);
        assertEquals(n, back);
        ObjectNode old = (ObjectNode) JSON.valueToTree(n);
        old.remove("mel");
        old.remove("mean");
        old.remove("std");
        old.set("mean", JSON.valueToTree(new double[513]));
        old.set("std", JSON.valueToTree(new double[513]));
        Normalization linear = JSON.treeToValue(old, Normalization.class);
        assertNull(linear.mel());
        assertEquals(513, linear.apply(power).bins());
    }

    @Test
    void bandsKeepTheInputIndependentOfGain() {
        FeatureConfig config = FeatureConfig.defaults().withMaxSeconds(1);
        MelBands mel = MelBands.of(64, config);
        for (String level : new String[] {Normalization.LEVEL_UTTERANCE, Normalization.LEVEL_SPECTRAL}) {
            Normalization n = new Normalization(new double[64], filled(64, 1), 1e-10, 1, 1, level, null, mel);
            float[] quiet = n.apply(clip(config, 0.1)).data();
            float[] loud = n.apply(clip(config, 3)).data();
            double maxDiff = 0;
            for (int i = 0; i < quiet.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(quiet[i] - loud[i]));
            }
            assertTrue(maxDiff < 1e-3, level + ": input moved by " + maxDiff + " with a 30 dB gain");
        }
        Normalization none = new Normalization(new double[64], filled(64, 1), 1e-10, 1, 1, Normalization.LEVEL_NONE,
                null, mel);
        assertEquals(2 * Math.log(30), none.apply(clip(config, 3)).get(2, 10) - none.apply(clip(config, 0.1)).get(2, 10),
                1e-3, "without a level the log input moves by the gain");
    }

    private static double[] filled(int n, double v) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, v);
        return d;
    }
}
