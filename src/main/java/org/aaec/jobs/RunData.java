package org.aaec.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.aaec.data.DataSource;
import org.aaec.data.Manifest;
import org.aaec.data.Split;
import org.aaec.features.FeatureConfig;
import org.aaec.features.FeatureStore;
import org.aaec.features.Normalization;
import org.aaec.model.HeadSpec;
import org.aaec.training.ClipSet;
import org.aaec.training.Heads;
import org.aaec.training.TrainConfig;

/**
 * The clips of one run, in memory as network input: every training source read and split by
 * speaker on its own, its features extracted into (or reused from) its store, the sources pooled
 * per split, the normalisation measured on the pooled training clips and applied to every set,
 * and the evaluation sources loaded the same way.
 *
 * @param manifest the pooled clips with their splits, as the run folder records them (ids and speakers
 *     prefixed by source when there are several)
 * @param heads label heads and classes (over all training sources)
 * @param train training clips
 * @param validation validation clips
 * @param test test clips
 * @param evaluation every clip of each evaluation source, by name
 * @param normalization statistics of the training clips
 * @param sources what was read
 */
record RunData(Manifest manifest, List<HeadSpec> heads, ClipSet train, ClipSet validation, ClipSet test,
        Map<String, ClipSet> evaluation, Normalization normalization, List<DataSource> sources) {

    /** One source read, split and extracted. */
    private record Part(DataSource source, Manifest manifest, FeatureStore store) {
    }

    static RunData load(TrainConfig config, FeatureConfig fc, int threads, Reporter reporter) throws IOException {
        List<Part> parts = new ArrayList<>();
        LinkedHashMap<String, Manifest> byName = new LinkedHashMap<>();
        for (DataSource s : config.data()) {
            Manifest m = s.load(config.seed());
            parts.add(extract(s, m, fc, threads, reporter));
            byName.put(s.name(), m);
        }
        Manifest pooled = Manifest.pool(byName);
        List<HeadSpec> heads = Heads.of(config.labels(), pooled);
        ClipSet train = pool(parts, Split.TRAIN, heads);
        ClipSet validation = pool(parts, Split.VALIDATION, heads);
        ClipSet test = pool(parts, Split.TEST, heads);
        String from = parts.stream().map(p -> p.source().name()).collect(Collectors.joining(", "));
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training clips (of " + from + ") could be read with labels for "
                    + "every head; check the split and the labels");
        }
        if (validation.size() == 0) {
            throw new IllegalArgumentException("the split leaves no validation clips (" + from + "); model "
                    + "selection needs them: set data.validationShare above 0, or give the manifest validation rows");
        }
        boolean testWanted = config.data().stream().anyMatch(s -> s.testShare() > 0 || s.folds() != null);
        if (test.size() == 0 && testWanted) {
            throw new IllegalArgumentException("the split leaves no test clips (" + from + "); give the manifest "
                    + "test rows, or set data.testShare: 0 to train without a test split");
        }
        Normalization norm = train.measureNormalization(config.features().level(), config.features().silence(),
                config.features().melBands(fc));
        Map<String, ClipSet> evaluation = new LinkedHashMap<>();
        for (DataSource s : config.evaluate()) {
            Part p = extract(s, s.read(), fc, threads, reporter);
            ClipSet set = ClipSet.load(p.store(), p.manifest().entries(), heads);
            if (set.size() == 0) {
                reporter.warn("warning: evaluation source " + s.name() + " has no clip with a class the heads know "
                        + heads.stream().map(h -> h.name() + " " + h.classes()).toList() + "; left out");
                continue;
            }
            evaluation.put(s.name(), set);
        }
        if (config.logScaling()) {
            for (ClipSet set : sets(train, validation, test, evaluation)) {
                set.standardise(norm);
            }
        }
        return new RunData(pooled, heads, train, validation, test, evaluation, norm, config.data());
    }

    private static List<ClipSet> sets(ClipSet train, ClipSet validation, ClipSet test, Map<String, ClipSet> more) {
        List<ClipSet> all = new ArrayList<>(List.of(train, validation, test));
        all.addAll(more.values());
        return all;
    }

    private static Part extract(DataSource s, Manifest m, FeatureConfig fc, int threads, Reporter reporter)
            throws IOException {
        Path dir = Extraction.storeDir(s, fc);
        reporter.info("features: " + s.name() + " (" + s.location() + ", " + m.size() + " clips) in " + dir
                + " (T=" + fc.frames() + " x F=" + fc.bins() + ")");
        Extraction.run(m, dir, fc, threads, "features " + s.name(), reporter);
        return new Part(s, m, FeatureStore.open(dir));
    }

    private static ClipSet pool(List<Part> parts, Split split, List<HeadSpec> heads) throws IOException {
        List<ClipSet> sets = new ArrayList<>();
        for (Part p : parts) {
            sets.add(ClipSet.load(p.store(), p.manifest().entries(split), heads));
        }
        return ClipSet.concat(sets);
    }

    /** What the model was trained on, for the model file. */
    String describe() {
        if (sources.size() == 1) {
            return sources.get(0).location();
        }
        return sources.stream().map(s -> s.name() + " (" + s.location() + ")").collect(Collectors.joining(" + "));
    }
}
