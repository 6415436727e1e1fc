package org.aaec.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworksTest {

    private static final int T = 6;
    private static final int F = 9;
    private static final List<HeadSpec> HEADS = List.of(new HeadSpec("arousal", List.of("low", "medium", "high")),
            new HeadSpec("valence", List.of("negative", "positive")));

    private static long count(Block b) {
        long n = 0;
        for (Pair<String, ai.djl.nn.Parameter> p : b.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    /** PyTorch's GRU: per direction W_ih (3H x in), W_hh (3H x H), two biases of 3H. */
    private static long biGru(long in, long h) {
        return 2 * (3 * h * in + 3 * h * h + 6 * h);
    }

    private static long dense(long... sizes) {
        long n = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            n += sizes[i] * sizes[i + 1] + sizes[i + 1];
        }
        return n;
    }

    /** Every parameter of a block, flattened in order. */
    private static float[] weights(Block b) {
        List<float[]> parts = new java.util.ArrayList<>();
        for (Pair<String, ai.djl.nn.Parameter> p : b.getParameters()) {
            parts.add(p.getValue().getArray().toFloatArray());
        }
        int n = parts.stream().mapToInt(a -> a.length).sum();
        float[] all = new float[n];
        int at = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, all, at, a.length);
            at += a.length;
        }
        return all;
    }

    @Test
    void aSeedGivesTheClassifierTheSameStartInEveryConfiguration() {
        ModelConfig c = ModelConfig.standard(T, F, HEADS);
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1); // whatever the engine drew before must not matter
            float[] alone = weights(AaecNetworks.create(c, EnumSet.of(Network.CLASSIFIER), m, 42).block(
                    Network.CLASSIFIER));
            Engine.getInstance().setRandomSeed(2);
            AaecNetworks all = AaecNetworks.create(c, EnumSet.allOf(Network.class), m, 42);
            assertArrayEquals(alone, weights(all.block(Network.CLASSIFIER)), "classifier of aaec vs classifier alone");
            AaecNetworks noD = AaecNetworks.create(c, EnumSet.of(Network.ENCODER, Network.DECODER,
                    Network.CLASSIFIER), m, 42);
            assertArrayEquals(weights(all.block(Network.DECODER)), weights(noD.block(Network.DECODER)),
                    "decoder with and without the discriminator");
            float[] other = weights(AaecNetworks.create(c, EnumSet.of(Network.CLASSIFIER), m, 43).block(
                    Network.CLASSIFIER));
            assertEquals(alone.length, other.length);
            assertTrue(!java.util.Arrays.equals(alone, other), "another seed starts elsewhere");
            // and the streams of two networks differ from each other
            assertTrue(AaecNetworks.streamSeed(42, Network.ENCODER) != AaecNetworks.streamSeed(42, Network.DECODER));
        }
    }

    @Test
    void parameterCountsMatchTheArchitectureByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            AaecNetworks nets = AaecNetworks.create(ModelConfig.standard(T, F, HEADS), EnumSet.allOf(Network.class), m);
            assertEquals(biGru(F, 64) + dense(128, 512, 256, 128), count(nets.block(Network.ENCODER)));
            assertEquals(dense(128, 64, 64, (long) T * F), count(nets.block(Network.DECODER)));
            assertEquals(dense(128, 512, 256, 1), count(nets.block(Network.DISCRIMINATOR)));
            long conv = (F * 512L * 3 + 512) + (512L * 256 + 256) + (256L * 128 * 3 + 128);
            long heads = dense(128, 512, 32, 1) + dense(128, 512, 32, 3) + dense(128, 512, 32, 2);
            assertEquals(conv + biGru(128, 64) + heads, count(nets.block(Network.CLASSIFIER)));
        }
    }

    @Test
    void outputShapesFollowTheFeatureSettingsAndHeads() {
        try (NDManager m = NDManager.newBaseManager()) {
            AaecNetworks nets = AaecNetworks.create(ModelConfig.standard(T, F, HEADS), EnumSet.allOf(Network.class), m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(4, T, F));
            NDArray z = nets.encode(ps, x, false);
            assertEquals(new Shape(4, 128), z.getShape());
            assertEquals(new Shape(4, T, F), nets.decode(ps, z, false).getShape());
            assertEquals(new Shape(4), nets.discriminate(ps, z, false).getShape());
            NDList out = nets.classify(ps, x, false);
            assertEquals(3, out.size());
            assertEquals(new Shape(4), out.get(0).getShape());
            assertEquals(new Shape(4, 3), out.get(1).getShape());
            assertEquals(new Shape(4, 2), out.get(2).getShape());
            Shape[] declared = nets.block(Network.CLASSIFIER).getOutputShapes(new Shape[] {new Shape(4, T, F)});
            assertEquals(out.get(1).getShape(), declared[1]);
        }
    }

    /** The trainer classifies X and X' as one batch; that is only sound while rows stay independent. */
    @Test
    void classifierRowsAreIndependentOfTheirBatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            AaecNetworks nets = AaecNetworks.create(ModelConfig.standard(T, F, HEADS), EnumSet.allOf(Network.class), m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray a = m.randomNormal(new Shape(3, T, F));
            NDArray b = m.randomNormal(new Shape(2, T, F));
            NDList both = nets.classify(ps, a.concat(b, 0), true);
            NDList first = nets.classify(ps, a, true);
            NDList second = nets.classify(ps, b, true);
            for (int i = 0; i < both.size(); i++) {
                NDList halves = both.get(i).split(new long[] {3}, 0);
                assertArrayEquals(first.get(i).toFloatArray(), halves.get(0).toFloatArray(), 1e-5f);
                assertArrayEquals(second.get(i).toFloatArray(), halves.get(1).toFloatArray(), 1e-5f);
            }
        }
    }

    @Test
    void proposedGeneratorAveragesBothDecodingsAndTheOriginalUsesZAlone() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            AaecNetworks nets = AaecNetworks.create(ModelConfig.standard(T, F, HEADS),
                    EnumSet.of(Network.ENCODER, Network.DECODER), m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray z = nets.encode(ps, m.randomNormal(new Shape(2, T, F)), false);
            NDArray e = m.randomNormal(new Shape(2, 128));
            float[] fromZ = nets.decode(ps, z, false).toFloatArray();
            float[] fromE = nets.decode(ps, e, false).toFloatArray();
            NDArray recon = nets.decode(ps, z, false);
            float[] averaged = nets.generate(ps, recon, e, GeneratorKind.AVERAGED, false).toFloatArray();
            float[] original = nets.generate(ps, recon, e, GeneratorKind.ORIGINAL, false).toFloatArray();
            float[] expected = new float[fromZ.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (fromZ[i] + fromE[i]) / 2;
            }
            assertArrayEquals(expected, averaged, 1e-6f);
            assertArrayEquals(fromZ, original, 0f);
        }
    }

    @Test
    void missingNetworkAndBadWidthsAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            AaecNetworks nets = AaecNetworks.create(ModelConfig.standard(T, F, HEADS), EnumSet.of(Network.CLASSIFIER), m);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> nets.block(Network.DECODER));
            assertEquals(true, e.getMessage().contains("no decoder"));
        }
        assertThrows(IllegalArgumentException.class, () -> new ModelConfig(T, F, 128, 64, List.of(512), List.of(64),
                List.of(512), 0.2, List.of(512, 256), List.of(3, 2), 64, List.of(32), HEADS));
        assertThrows(IllegalArgumentException.class, () -> new HeadSpec("arousal", List.of("only")));
    }
}
