package org.aaec.training;

import java.util.List;
import java.util.Map;

/**
 * One experiment: data, features, variant, schedule, optimizers, seed. Read from a YAML or JSON
 * file by {@link ConfigLoader} over {@link #defaults()}, with command-line overrides; the resolved
 * form is written into the run folder and the model file.
 *
 * @param name experiment name, the first level of the run folder
 * @param variant which configuration of Table 1
 * @param seed fixes initialisation, shuffling, noise and (unless {@code data.splitSeed}) the split
 * @param data where the clips come from and how they are split
 * @param features input length and scaling
 * @param schedule phase lengths (a preset plus changes)
 * @param optimizer learning rates
 * @param classWeights weight the cross-entropy by inverse class frequency of the training split
 * @param saveGenerator also store the encoder and decoder in the model file (to generate samples later)
 * @param threads intra-op threads of the engine, 0 for all cores
 * @param out folder under which runs are written ({@code out/name/variant/seed-N})
 * @param model changes to the paper's network widths (keys of {@link org.aaec.model.ModelConfig})
 */
public record TrainConfig(String name, Variant variant, long seed, Data data, Features features, Schedule schedule,
        Optimizer optimizer, boolean classWeights, boolean saveGenerator, int threads, String out,
        Map<String, Object> model) {

    /**
     * @param input corpus folder (its layout given by {@code corpus}), or
     * @param manifest a manifest CSV instead of {@code input}
     * @param corpus layout of {@code input}: auto, ravdess, emodb, folder-per-class, plain, muse-topic
     * @param labelMap optional table replacing the corpus's emotion → arousal/valence mapping
     * @param labels label columns to train heads for; empty for arousal and valence when present,
     *     else every column
     * @param validationShare share of speakers for validation when the split is assigned
     * @param testShare share of speakers for test when the split is assigned
     * @param splitSeed seed of the speaker split; {@code null} uses the run seed
     * @param store feature store folder; empty for {@code stores/<input folder name>-<settings>}
     */
    public record Data(String input, String manifest, String corpus, String labelMap, List<String> labels,
            double validationShare, double testShare, Long splitSeed, String store) {
    }

    /**
     * @param maxSeconds every clip is cut or zero-padded to this length
     * @param scaling {@code log} (log power standardised per bin, the default) or {@code raw} power
     */
    public record Features(double maxSeconds, String scaling) {
    }

    /**
     * @param adamLearningRate learning rate of every phase's Adam
     * @param adamBeta1 Adam's beta1
     * @param adamBeta2 Adam's beta2
     * @param sgdLearningRate learning rate of the final fine-tune
     */
    public record Optimizer(double adamLearningRate, double adamBeta1, double adamBeta2, double sgdLearningRate) {
    }

    /** SPEC.md's defaults with the {@code default} schedule preset. */
    public static TrainConfig defaults() {
        return new TrainConfig("aaec", Variant.AAEC, 42,
                new Data(null, null, "auto", null, List.of(), 0.15, 0.15, null, null),
                new Features(15, "log"), Schedule.preset("default"), new Optimizer(2e-4, 0.5, 0.999, 5e-6), false,
                false, 0, "runs", Map.of());
    }

    /**
     * Whether two configs describe the same run: equal in everything that changes the result
     * ({@code threads} only changes the speed).
     *
     * @param other another config
     * @return true when a run of one can be reused or resumed for the other
     */
    public boolean sameRun(TrainConfig other) {
        return withThreads(0).equals(other.withThreads(0));
    }

    /**
     * @param n intra-op threads
     * @return a copy with that thread count
     */
    public TrainConfig withThreads(int n) {
        return new TrainConfig(name, variant, seed, data, features, schedule, optimizer, classWeights, saveGenerator, n,
                out, model);
    }

    /** The effective split seed. */
    public long splitSeed() {
        return data.splitSeed() != null ? data.splitSeed() : seed;
    }

    /** Whether the network sees log-standardised power (else raw power). */
    public boolean logScaling() {
        return !"raw".equalsIgnoreCase(features.scaling());
    }
}
