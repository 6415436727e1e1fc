package org.aaec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestEntry;
import org.aaec.data.Split;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.jobs.Evaluation;
import org.aaec.serving.EmotionRecognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aaec evaluate}: scores a model on labelled clips. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score a model on labelled clips: F1, UAR, Combined, macro-F1, accuracy and confusion "
            + "per head.", "Bad files are reported on standard error and left out."})
final class EvaluateCommand implements Callable<Integer> {

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
        Split only;
        try {
            only = split == null ? null : Split.parse(split);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--split: " + e.getMessage());
        }
        OutputFiles.checkWritable(spec.commandLine(), "--json", json);
        Manifest manifest = corpus.load(spec.commandLine());
        List<ManifestEntry> entries = only == null ? manifest.entries() : manifest.entries(only);
        Terminal t = Terminal.of(spec);
        try (EmotionRecognizer model = modelOption.open()) {
            Evaluation.Result r = Evaluation.run(model, entries, t);
            PrintWriter out = t.out();
            out.printf(Locale.ROOT, "model: %s (%s, trained on %s)%n", modelOption.describe(), model.info().variant(),
                    model.info().trainedOn());
            MetricsTable.print(out, split == null ? "all clips" : split, r.heads());
            for (HeadMetrics h : r.heads()) {
                out.printf("confusion %s (rows truth, columns predicted; %s)%n", h.head(), h.classes());
                for (int[] row : h.confusion()) {
                    out.printf("  %s%n", Arrays.toString(row));
                }
            }
            out.flush();
            if (!r.skipped().isEmpty()) {
                t.warn("warning: " + r.skipped().size() + " clip(s) left out (see above)");
            }
            if (json != null) {
                r.writeJson(json, modelOption.describe());
            }
            return ExitCode.ofBatch(entries.size(), r.skipped().size()).code();
        }
    }
}
