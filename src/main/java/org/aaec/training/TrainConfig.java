package org.aaec.training;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aaec.data.DataSource;
import org.aaec.features.Normalization;

/**
 * One experiment: data, features, variant, schedule, optimizers, seed. Read from a YAML or JSON
 * file by {@link ConfigLoader} over {@link #defaults()}, with command-line overrides; the resolved
 * form is written into the run folder and the model file.
 *
 * @param name experiment name, the first level of the run folder
 * @param variant which configuration of Table 1
 * @param seed fixes initialisation, shuffling, noise and (unless a source's {@code splitSeed}) the split
 * @param data the sources whose clips are pooled for training, validation and test (each split by
 *     speaker on its own)
 * @param evaluate further sources the finished model is scored on, every clip of each (cross-corpus tests)
 * @param labels label columns to train heads for; empty for arousal and valence when present, else
 *     every column
 * @param features input length and scaling
 * @param schedule phase lengths (a preset plus changes)
 * @param optimizer learning rates
 * @param classWeights weight the cross-entropy by inverse class frequency of the training split
 * @param saveGenerator also store the encoder and decoder in the model file (to generate samples later)
 * @param threads intra-op threads of the engine, 0 for all cores
 * @param out folder under which runs are written ({@code out/name/variant/seed-N})
 * @param model changes to the paper's network widths (keys of {@link org.aaec.model.ModelConfig})
 * @param augment classic augmentation of training clips ({@link Augment}; off when left out)
 * @param objective weights of the loss terms ({@link Objective}); {@link #defaults()} has the
 *     {@code balanced} preset, a config read back without the key (written before it existed) the
 *     {@code paper} one it was trained with
 */
public record TrainConfig(String name, Variant variant, long seed, List<DataSource> data,
        List<DataSource> evaluate, List<String> labels, Features features, Schedule schedule, Optimizer optimizer,
        boolean classWeights, boolean saveGenerator, int threads, String out, Map<String, Object> model,
        Augment augment, Objective objective) {

    /** Freezes the lists; {@code null} lists are empty. */
    public TrainConfig {
        data = data == null ? List.of() : List.copyOf(data);
        evaluate = evaluate == null ? List.of() : List.copyOf(evaluate);
        labels = labels == null ? List.of() : List.copyOf(labels);
        model = model == null ? Map.of() : model;
        augment = augment == null ? Augment.off() : augment;
        objective = objective == null ? Objective.preset("paper") : objective;
    }

    /**
     * @param maxSeconds every clip is cut or zero-padded to this length
     * @param scaling {@code log} (log power standardised per bin, the default) or {@code raw} power
     * @param level {@code utterance} (each clip's power divided by its own level before the
     *     logarithm, so that the recording's gain does not matter; the default), {@code spectral}
     *     (each bin divided by the clip's average power in that bin: gain and channel colouring
     *     removed) or {@code none} (the paper's plain standardisation); only with log scaling
     * @param silence {@code keep} (frames as they are; the paper and the default) or {@code trim}
     *     (silence before and after the sound cut off, padding neutral; see {@link Normalization});
     *     only with log scaling
     * @param mels 0 (SPEC.md: the 513 linear bins of the power spectrogram, the default) or the
     *     number of mel bands the bins are summed into first ({@link org.aaec.features.MelBands},
     *     0 Hz to Nyquist); only with log scaling
     */
    public record Features(double maxSeconds, String scaling, String level, String silence, int mels) {

        /**
         * A missing level (configs written before it existed) is the default, {@code utterance}; a
         * missing silence setting is {@code keep}; missing mels (read as 0) are the linear bins.
         */
        public Features {
            level = level == null ? Normalization.LEVEL_UTTERANCE : level;
            silence = silence == null ? Normalization.SILENCE_KEEP : silence;
        }

        /** The same settings without a mel filterbank, as before {@code mels} existed. */
        public Features(double maxSeconds, String scaling, String level, String silence) {
            this(maxSeconds, scaling, level, silence, 0);
        }

        /**
         * The filterbank these settings ask for on a power spectrogram of {@code fc}.
         *
         * @param fc the store's feature settings
         * @return the bands, or {@code null} for the linear bins
         * @throws IllegalArgumentException {@code key 'features.mels': …} when a band would be empty
         */
        public org.aaec.features.MelBands melBands(org.aaec.features.FeatureConfig fc) {
            if (mels == 0) {
                return null;
            }
            try {
                return org.aaec.features.MelBands.of(mels, fc);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key 'features.mels': " + e.getMessage(), e);
            }
        }

        /**
         * Frequency bins of the network input: the mel bands, or the power spectrogram's bins.
         *
         * @param fc the store's feature settings
         * @return F
         */
        public int inputBins(org.aaec.features.FeatureConfig fc) {
            return mels == 0 ? fc.bins() : mels;
        }

        /**
         * A named set of feature settings: {@code default} (64 mel bands, each clip's average
         * spectrum divided out: gain and channel removed; chosen by the cross-corpus measurements
         * of results/README.md), {@code utterance} (the default before 2026-11-26 evening: 513
         * linear bins, the clip's level divided out) or {@code paper} (SPEC.md's log power
         * standardised per bin, as recorded).
         *
         * @param name the preset
         * @param maxSeconds the clip length to keep
         * @return the settings
         * @throws IllegalArgumentException for another name
         */
        public static Features preset(String name, double maxSeconds) {
            return switch (name) {
                case "default" -> new Features(maxSeconds, "log", Normalization.LEVEL_SPECTRAL,
                        Normalization.SILENCE_KEEP, 64);
                case "utterance" -> new Features(maxSeconds, "log", Normalization.LEVEL_UTTERANCE,
                        Normalization.SILENCE_KEEP);
                case "paper" -> new Features(maxSeconds, "log", Normalization.LEVEL_NONE, Normalization.SILENCE_KEEP);
                default -> throw new IllegalArgumentException("unknown feature preset '" + name
                        + "'; use default, utterance or paper");
            };
        }
    }

    /**
     * @param adamLearningRate learning rate of every phase's Adam
     * @param adamBeta1 Adam's beta1
     * @param adamBeta2 Adam's beta2
     * @param sgdLearningRate learning rate of the final fine-tune
     */
    public record Optimizer(double adamLearningRate, double adamBeta1, double adamBeta2, double sgdLearningRate) {
    }

    /** SPEC.md's defaults with the {@code default} schedule preset, and no data yet. */
    public static TrainConfig defaults() {
        return new TrainConfig("aaec", Variant.AAEC, 42, List.of(), List.of(), List.of(), Features.preset("default", 15),
                Schedule.preset("default"), new Optimizer(2e-4, 0.5, 0.999, 5e-6), false, false, 0, "runs",
                Map.of(), Augment.off(), Objective.preset("balanced"));
    }

    /**
     * Checks what the types alone cannot, naming the key that is wrong.
     *
     * @throws IllegalArgumentException {@code key 'path': what is wrong}
     */
    public void validate() {
        if (!"log".equalsIgnoreCase(features.scaling()) && !"raw".equalsIgnoreCase(features.scaling())) {
            throw new IllegalArgumentException("key 'features.scaling': must be log or raw, not '"
                    + features.scaling() + "'");
        }
        try {
            Normalization.checkLevel(features.level());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key 'features.level': " + e.getMessage(), e);
        }
        if (!logScaling() && !Normalization.LEVEL_NONE.equals(features.level())) {
            throw new IllegalArgumentException("key 'features.level': level normalisation works on log power; with "
                    + "'features.scaling: raw' set 'features.level: none'");
        }
        try {
            Normalization.checkSilence(features.silence());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key 'features.silence': " + e.getMessage(), e);
        }
        if (!logScaling() && !Normalization.SILENCE_KEEP.equals(features.silence())) {
            throw new IllegalArgumentException("key 'features.silence': trimming works on log power; with "
                    + "'features.scaling: raw' set 'features.silence: keep'");
        }
        if (features.mels() < 0 || features.mels() > 1024) {
            throw new IllegalArgumentException("key 'features.mels': must be 0 (linear bins) or a number of mel bands "
                    + "up to 1024, not " + features.mels());
        }
        if (!logScaling() && features.mels() != 0) {
            throw new IllegalArgumentException("key 'features.mels': mel bands work on log power; with "
                    + "'features.scaling: raw' set 'features.mels: 0'");
        }
        if (!(features.maxSeconds() > 0) || features.maxSeconds() > 3600) {
            throw new IllegalArgumentException("key 'features.maxSeconds': must be above 0 and at most 3600, not "
                    + features.maxSeconds());
        }
        augment.validate();
        objective.validate();
        if (threads < 0) {
            throw new IllegalArgumentException("key 'threads': must be 0 (all cores) or more, not " + threads);
        }
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("key 'name': letters, digits, '.', '_' and '-' only, not '" + name
                    + "'");
        }
        Set<String> names = new HashSet<>();
        for (DataSource s : data) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("key 'data': two sources are named '" + s.name()
                        + "'; give each a distinct 'name'");
            }
        }
        Set<String> evalNames = new HashSet<>();
        for (DataSource s : evaluate) {
            if (!evalNames.add(s.name())) {
                throw new IllegalArgumentException("key 'evaluate': two sources are named '" + s.name()
                        + "'; give each a distinct 'name'");
            }
        }
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
        return new TrainConfig(name, variant, seed, data, evaluate, labels, features, schedule, optimizer,
                classWeights, saveGenerator, n, out, model, augment, objective);
    }

    /**
     * @param v variant
     * @param s seed
     * @return the config of one run of an experiment
     */
    public TrainConfig withRun(Variant v, long s) {
        return new TrainConfig(name, v, s, data, evaluate, labels, features, schedule, optimizer, classWeights,
                saveGenerator, threads, out, model, augment, objective);
    }

    /**
     * @param a augmentation
     * @return a copy that trains with it
     */
    public TrainConfig withAugment(Augment a) {
        return new TrainConfig(name, variant, seed, data, evaluate, labels, features, schedule, optimizer, classWeights,
                saveGenerator, threads, out, model, a, objective);
    }

    /**
     * @param o objective
     * @return a copy that trains with it
     */
    public TrainConfig withObjective(Objective o) {
        return new TrainConfig(name, variant, seed, data, evaluate, labels, features, schedule, optimizer, classWeights,
                saveGenerator, threads, out, model, augment, o);
    }

    /**
     * @param n experiment name (the first level of the run folder)
     * @return a copy with that name
     */
    public TrainConfig withName(String n) {
        return new TrainConfig(n, variant, seed, data, evaluate, labels, features, schedule, optimizer, classWeights,
                saveGenerator, threads, out, model, augment, objective);
    }

    /**
     * One fold of a K-fold speaker protocol: every training source split into K folds by speaker
     * with one partition (seeded by {@code partitionSeed}, so that every seed of an experiment
     * shares it), fold {@code i} tested; the run goes to {@code out/name-fold<i>/...}.
     *
     * @param k number of folds
     * @param i the fold tested
     * @param partitionSeed seed of the speaker partition
     * @return the config of that fold's run
     */
    public TrainConfig withFold(int k, int i, long partitionSeed) {
        List<DataSource> folded = data.stream().map(s -> s.withFold(k, i, partitionSeed)).toList();
        return new TrainConfig(name + "-fold" + i, variant, seed, folded, evaluate, labels, features, schedule, optimizer,
                classWeights, saveGenerator, threads, out, model, augment, objective);
    }

    /** Whether the network sees log-standardised power (else raw power). */
    public boolean logScaling() {
        return !"raw".equalsIgnoreCase(features.scaling());
    }
}
