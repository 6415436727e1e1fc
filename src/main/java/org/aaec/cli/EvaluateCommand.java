package org.aaec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestEntry;
import org.aaec.data.Split;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;
import org.aaec.model.HeadSpec;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.EmotionRecognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aaec evaluate}: scores a model on labelled clips. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a model on labelled clips: F1, UAR, Combined, macro-F1, accuracy and confusion "
            + "per head.", "Bad files are reported on standard error and left out."})
final class EvaluateCommand implements Callable<Integer> {

    private static final int BATCH = 16;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--split", paramLabel = "S",
            description = "Score only this split (train, validation, test); default: every clip.")
    String split;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the scores as JSON.")
    Path json;

    @Override
    public Integer call() throws Exception {
        corpus.validate(spec.commandLine());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Manifest manifest = corpus.load();
        List<ManifestEntry> entries = split == null ? manifest.entries() : manifest.entries(Split.parse(split));
        try (EmotionRecognizer model = modelOption.open()) {
            List<HeadSpec> heads = model.info().model().heads();
            List<int[]> truth = new ArrayList<>();
            List<int[]> predicted = new ArrayList<>();
            AudioLoader loader = new AudioLoader(model.info().features().sampleRate());
            int failed = 0;
            try (ProgressBar bar = Progress.bar("evaluate", entries.size())) {
                for (int start = 0; start < entries.size(); start += BATCH) {
                    List<AudioClip> clips = new ArrayList<>();
                    List<int[]> labels = new ArrayList<>();
                    for (ManifestEntry e : entries.subList(start, Math.min(start + BATCH, entries.size()))) {
                        bar.step();
                        int[] t = truth(e, heads, err);
                        if (t == null) {
                            failed++;
                            continue;
                        }
                        try {
                            clips.add(e.isSegment() ? loader.load(e.path(), e.start(), e.end()) : loader.load(e.path()));
                            labels.add(t);
                        } catch (AudioInputException ex) {
                            err.println("skipped: " + ex.getMessage());
                            failed++;
                        }
                    }
                    if (clips.isEmpty()) {
                        continue;
                    }
                    List<EmotionPrediction> p = model.predict(clips);
                    for (int i = 0; i < clips.size(); i++) {
                        int[] row = new int[heads.size()];
                        for (int h = 0; h < heads.size(); h++) {
                            row[h] = p.get(i).heads().get(h).index();
                        }
                        predicted.add(row);
                        truth.add(labels.get(i));
                    }
                }
            }
            if (truth.isEmpty()) {
                err.println("error: no clip could be scored");
                return ExitCode.FAILURE.code();
            }
            List<HeadMetrics> scores = new ArrayList<>();
            for (int h = 0; h < heads.size(); h++) {
                final int head = h;
                scores.add(Metrics.compute(heads.get(h).name(), heads.get(h).classes(),
                        truth.stream().mapToInt(r -> r[head]).toArray(),
                        predicted.stream().mapToInt(r -> r[head]).toArray()));
            }
            out.printf(Locale.ROOT, "model: %s (%s, trained on %s)%n", modelOption.describe(), model.info().variant(),
                    model.info().trainedOn());
            MetricsTable.print(out, split == null ? "all clips" : split, scores);
            for (HeadMetrics h : scores) {
                out.printf("confusion %s (rows truth, columns predicted; %s)%n", h.head(), h.classes());
                for (int[] row : h.confusion()) {
                    out.printf("  %s%n", java.util.Arrays.toString(row));
                }
            }
            if (failed > 0) {
                err.printf("warning: %d clip(s) left out (see above)%n", failed);
            }
            if (json != null) {
                ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                ObjectNode root = mapper.createObjectNode();
                root.put("model", modelOption.describe());
                root.put("clips", truth.size());
                root.put("skipped", failed);
                root.put("combined", Metrics.overall(scores));
                root.set("heads", mapper.valueToTree(scores));
                Files.writeString(json, mapper.writeValueAsString(root));
            }
            return ExitCode.OK.code();
        }
    }

    private static int[] truth(ManifestEntry e, List<HeadSpec> heads, PrintWriter err) {
        int[] t = new int[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            String v = e.labels().get(heads.get(h).name());
            t[h] = v == null ? -1 : heads.get(h).classes().indexOf(v);
            if (t[h] < 0) {
                err.printf("skipped: %s: label %s='%s' is not a class the model knows %s%n", e.path(),
                        heads.get(h).name(), v == null ? "" : v, heads.get(h).classes());
                return null;
            }
        }
        return t;
    }
}
