package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestCsv;
import org.aaec.data.Split;
import org.aaec.features.FeatureConfig;
import org.aaec.features.Normalization;
import org.aaec.features.FeatureExtractor;
import org.aaec.features.FeatureStore;
import org.aaec.model.HeadSpec;
import org.aaec.model.ModelConfig;
import org.aaec.testutil.TinyCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real architecture (paper widths, F = 513) on real EmoDB features: every phase's loss falls. */
class LossFallsTest {

    @Test
    void everyPhaseLossFallsOnRealFeatures(@TempDir Path dir) throws Exception {
        Manifest manifest = ManifestCsv.read(TinyCorpus.emodb(dir, 8));
        FeatureConfig fc = FeatureConfig.defaults().withMaxSeconds(0.5);
        FeatureStore store = FeatureStore.createOrOpen(dir.resolve("store"), fc);
        new FeatureExtractor(fc, 2).run(manifest, store, id -> { });
        TrainConfig cfg = TinyData.config(Variant.AAEC, Schedule.preset("smoke"));
        List<HeadSpec> heads = Heads.of(cfg.labels(), manifest);
        ClipSet train = ClipSet.load(store, manifest.entries(Split.TRAIN), heads);
        train.standardise(train.measureNormalization(Normalization.LEVEL_NONE, Normalization.SILENCE_KEEP, null));
        ModelConfig model = ModelConfig.standard(fc.frames(), fc.bins(), heads);
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer t = new AaecTrainer(cfg, model, train, train, root)) {
            int[] rows = {0, 1, 2, 3, 4, 5, 6, 7};
            // Each phase on its own, on one batch with one prior sample E: its objective must fall. In the
            // autoencoder phase D and the encoder play against each other and both move at the same rate, so
            // only the encoder's objective (reconstruction + fooling D) is watched: whether D's own term
            // falls over the first steps depends on which of the two starts ahead (with the
            // per-network initial streams (2026-11-26) the encoder does, and D's term rises from step 1), and
            // PhaseIsolationTest checks that D's parameters are the ones this phase updates.
            Map<Phase, String[]> watched = new java.util.EnumMap<>(Phase.class);
            watched.put(Phase.AUTOENCODER, new String[] {"encoder"});
            watched.put(Phase.DECODER, new String[] {"decoder"});
            watched.put(Phase.CLASSIFIER, new String[] {"classifier"});
            watched.put(Phase.FINE_TUNE, new String[] {"classifier"});
            StringBuilder seen = new StringBuilder();
            for (Map.Entry<Phase, String[]> w : watched.entrySet()) {
                List<Map<String, Double>> history = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    history.add(t.step(w.getKey(), rows, 99));
                }
                seen.append(w.getKey()).append(history).append('\n');
                for (String term : w.getValue()) {
                    double first = history.get(0).get(term);
                    double last = history.get(history.size() - 1).get(term);
                    assertTrue(last < first, w.getKey() + " " + term + " did not fall: " + first + " -> " + last
                            + "\n" + seen);
                }
            }
        }
    }
}
