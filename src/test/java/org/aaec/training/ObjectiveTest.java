package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.aaec.model.AaecNetworks;
import org.aaec.model.Network;
import org.junit.jupiter.api.Test;

/** The objective's weights and reduction enter the losses as their formulas say, and the config names bad values. */
class ObjectiveTest {

    private static final int FRAMES = 5;
    private static final int BINS = 11;

    private static Map<String, Double> decoderStep(Objective objective) {
        ClipSet data = TinyData.clips(6, FRAMES, BINS, 1);
        TrainConfig cfg = TinyData.config(Variant.AAEC, Schedule.preset("smoke")).withObjective(objective);
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer t = new AaecTrainer(cfg, TinyData.model(FRAMES, BINS), data, data, root)) {
            return t.step(Phase.DECODER, new int[] {0, 1, 2, 3}, 3);
        }
    }

    @Test
    void theDecoderLossIsTheWeightedReconstructionWhenTheClassifierTermsWeighNothing() {
        Map<String, Double> element = decoderStep(new Objective(Objective.ELEMENT, 3, 1, 0, 0, 1, Objective.ALL, false));
        assertEquals(3 * element.get("reconstruction"), element.get("decoder"), 1e-6 * element.get("decoder"));

        // per sample: the element mean times T·F = 55 elements per clip, times the weight
        Map<String, Double> sample = decoderStep(new Objective(Objective.SAMPLE, 2, 1, 0, 0, 1, Objective.ALL, false));
        assertEquals(2 * FRAMES * BINS * sample.get("reconstruction"), sample.get("decoder"),
                1e-6 * sample.get("decoder"));
    }

    @Test
    void theClassifierTermsAddTheirWeightedShare() {
        // the same first step (same seed, same initial weights) with and without the classifier terms:
        // the difference is realism·BCE + labels·CE, so doubling both weights doubles it
        double alone = decoderStep(new Objective(Objective.ELEMENT, 1, 1, 0, 0, 1, Objective.ALL, false)).get("decoder");
        double once = decoderStep(new Objective(Objective.ELEMENT, 1, 1, 1, 1, 1, Objective.ALL, false)).get("decoder");
        double twice = decoderStep(new Objective(Objective.ELEMENT, 1, 1, 2, 2, 1, Objective.ALL, false)).get("decoder");
        assertTrue(once - alone > 0.1, "the classifier terms add something: " + (once - alone));
        assertEquals(2 * (once - alone), twice - alone, 1e-5);
    }

    private static List<float[]> parameters(AaecNetworks nets, Network n) {
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : nets.block(n).getParameters()) {
            values.add(p.getValue().getArray().toFloatArray());
        }
        return values;
    }

    private static boolean encoderChangesInTheDecoderPhase(boolean encoderInDecoderPhase) {
        ClipSet data = TinyData.clips(6, FRAMES, BINS, 1);
        Objective o = new Objective(Objective.ELEMENT, 1, 1, 1, 1, 1, Objective.ALL, encoderInDecoderPhase);
        TrainConfig cfg = TinyData.config(Variant.AAEC, Schedule.preset("smoke")).withObjective(o);
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer t = new AaecTrainer(cfg, TinyData.model(FRAMES, BINS), data, data, root)) {
            List<float[]> before = parameters(t.networks(), Network.ENCODER);
            List<float[]> decoderBefore = parameters(t.networks(), Network.DECODER);
            t.step(Phase.DECODER, new int[] {0, 1, 2, 3}, 3);
            List<float[]> after = parameters(t.networks(), Network.ENCODER);
            List<float[]> decoderAfter = parameters(t.networks(), Network.DECODER);
            assertFalse(Arrays.equals(decoderBefore.get(0), decoderAfter.get(0)), "the decoder always learns in K2");
            int changed = 0;
            for (int i = 0; i < before.size(); i++) {
                changed += Arrays.equals(before.get(i), after.get(i)) ? 0 : 1;
            }
            return changed > before.size() / 2;
        }
    }

    @Test
    void theEncoderLearnsInTheDecoderPhaseOnlyWhenAskedTo() {
        assertFalse(encoderChangesInTheDecoderPhase(false));
        assertTrue(encoderChangesInTheDecoderPhase(true));
    }

    @Test
    void configReadsThePresetAndItsChangesAndNamesABadKey() throws Exception {
        TrainConfig c = ConfigLoader.load(null, List.of("objective.preset=paper", "objective.reconstruction=10",
                "objective.reconstructionReduction=sample", "objective.reconstructionFrames=audio"));
        assertEquals(new Objective(Objective.SAMPLE, 10, 1, 1, 1, 1, Objective.AUDIO, false), c.objective());
        IllegalArgumentException frames = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, List.of("objective.reconstructionFrames=some")));
        assertTrue(frames.getMessage().contains("objective.reconstructionFrames"), frames.getMessage());
        assertEquals(new Objective(Objective.ELEMENT, 16, 1, 1, 1, 1, Objective.AUDIO, false),
                ConfigLoader.load(null, List.of()).objective(), "the default is the balanced preset");
        TrainConfig old = ConfigLoader.fromTree(((com.fasterxml.jackson.databind.node.ObjectNode)
                ConfigLoader.toTree(TrainConfig.defaults())).without("objective"));
        assertEquals(Objective.preset("paper"), old.objective(), "a config written before the key: the paper's");

        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, List.of("objective.realism=-1")));
        assertTrue(negative.getMessage().contains("objective.realism"), negative.getMessage());
        IllegalArgumentException reduction = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, List.of("objective.reconstructionReduction=frame")));
        assertTrue(reduction.getMessage().contains("objective.reconstructionReduction"), reduction.getMessage());
        IllegalArgumentException preset = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, List.of("objective.preset=loud")));
        assertTrue(preset.getMessage().contains("objective.preset"), preset.getMessage());
    }
}
