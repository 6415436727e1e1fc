package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aaec.model.AaecNetworks;
import org.aaec.model.Network;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each phase changes exactly its own networks and leaves no gradient behind. */
class PhaseIsolationTest {

    private static Map<Network, List<float[]>> snapshot(AaecNetworks nets) {
        Map<Network, List<float[]>> s = new EnumMap<>(Network.class);
        for (Network n : nets.present()) {
            List<float[]> values = new ArrayList<>();
            for (Pair<String, Parameter> p : nets.block(n).getParameters()) {
                values.add(p.getValue().getArray().toFloatArray());
            }
            s.put(n, values);
        }
        return s;
    }

    private static Set<Network> expectedChange(Variant v, Phase phase) {
        return switch (phase) {
            case AUTOENCODER -> v.hasDiscriminator() ? EnumSet.of(Network.ENCODER, Network.DISCRIMINATOR)
                    : EnumSet.of(Network.ENCODER);
            case DECODER -> EnumSet.of(Network.DECODER);
            case CLASSIFIER, FINE_TUNE -> EnumSet.of(Network.CLASSIFIER);
        };
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyPhaseUpdatesOnlyItsOwnNetworksAndLeavesNoGradient(Variant variant) {
        ClipSet data = TinyData.clips(6, 5, 11, 1);
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer t = new AaecTrainer(TinyData.config(variant, Schedule.preset("smoke")),
                        TinyData.model(5, 11), data, data, root)) {
            AaecNetworks nets = t.networks();
            assertEquals(variant.networks(), nets.present());
            List<Phase> phases = variant.hasGenerator() ? List.of(Phase.AUTOENCODER, Phase.DECODER, Phase.CLASSIFIER,
                    Phase.FINE_TUNE, Phase.DECODER, Phase.AUTOENCODER) : List.of(Phase.CLASSIFIER, Phase.FINE_TUNE);
            int seed = 0;
            for (Phase phase : phases) {
                Map<Network, List<float[]>> before = snapshot(nets);
                Map<String, Double> losses = t.step(phase, new int[] {0, 1, 2, 3}, seed++);
                assertFalse(losses.isEmpty(), phase + " reports its losses");
                losses.values().forEach(l -> assertTrue(Double.isFinite(l), variant + " " + phase + " loss " + losses));
                Map<Network, List<float[]>> after = snapshot(nets);
                Set<Network> changes = expectedChange(variant, phase);
                for (Network n : nets.present()) {
                    List<float[]> a = before.get(n);
                    List<float[]> b = after.get(n);
                    if (changes.contains(n)) {
                        int changed = 0;
                        for (int i = 0; i < a.size(); i++) {
                            changed += java.util.Arrays.equals(a.get(i), b.get(i)) ? 0 : 1;
                        }
                        assertTrue(changed > a.size() / 2, phase + " should update " + n + ": " + changed + "/"
                                + a.size() + " tensors changed");
                    } else {
                        for (int i = 0; i < a.size(); i++) {
                            assertArrayEquals(a.get(i), b.get(i), 0f, phase + " must not touch " + n);
                        }
                    }
                    for (Pair<String, Parameter> p : nets.block(n).getParameters()) {
                        NDArray w = p.getValue().getArray();
                        if (w.hasGradient()) {
                            try (NDArray g = w.getGradient()) {
                                assertEquals(0f, g.abs().sum().getFloat(), 0f,
                                        "gradient left on " + n + "/" + p.getKey() + " after " + phase);
                            }
                        }
                    }
                }
            }
        }
    }
}
