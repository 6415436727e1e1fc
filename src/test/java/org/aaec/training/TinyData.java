package org.aaec.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aaec.model.HeadSpec;
import org.aaec.model.ModelConfig;

/** Small synthetic clip sets and configs for trainer tests. */
final class TinyData {

    static final List<HeadSpec> HEADS = List.of(new HeadSpec("arousal", List.of("high", "low", "medium")),
            new HeadSpec("valence", List.of("negative", "neutral", "positive")));

    private TinyData() {
    }

    /** Clips whose mean level depends on the arousal class, so there is something to learn. */
    static ClipSet clips(int n, int frames, int bins, long seed) {
        Random r = new Random(seed);
        List<String> ids = new ArrayList<>();
        float[][] features = new float[n][frames * bins];
        int[][] labels = new int[2][n];
        for (int i = 0; i < n; i++) {
            ids.add("clip" + i);
            labels[0][i] = i % 3;
            labels[1][i] = (i / 3) % 3;
            for (int j = 0; j < frames * bins; j++) {
                features[i][j] = (float) (r.nextGaussian() * 0.5 + (labels[0][i] - 1));
            }
        }
        return new ClipSet(ids, features, labels, HEADS, frames, bins);
    }

    static ModelConfig model(int frames, int bins) {
        return ModelConfig.standard(frames, bins, HEADS);
    }

    static TrainConfig config(Variant variant, Schedule schedule) {
        TrainConfig d = TrainConfig.defaults();
        return new TrainConfig("test", variant, 7, List.of(), List.of(), List.of(), d.features(), schedule,
                new TrainConfig.Optimizer(2e-4, 0.5, 0.999, 1e-3), false, false, 0, "runs", Map.of(), null, null);
    }
}
