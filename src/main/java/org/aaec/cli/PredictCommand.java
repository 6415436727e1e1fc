package org.aaec.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.data.MuseSubmission;
import org.aaec.io.PartialFile;
import org.aaec.jobs.Prediction;
import org.aaec.jobs.PredictionWriter;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.EmotionRecognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aaec predict}: one row per audio file with the predicted class and probabilities per head. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict arousal/valence (or the model's heads) for audio files and folders.",
            "One row per file: file, then per head the class and the probability of every class (low, medium, "
                + "high; negative, neutral, positive). A file that cannot be read gets a row with its error; it "
                + "does not stop the others."})
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Parameters(paramLabel = "FILE_OR_DIR", arity = "1..*", description = "Audio files, or folders searched "
            + "recursively for audio.")
    List<Path> inputs;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the rows here instead of standard output "
            + "(as FILE.partial while running, renamed when done).")
    Path out;

    @Option(names = "--gain-db", paramLabel = "DB", defaultValue = "0", description = "Scale the audio by DB "
            + "decibels first, as floats without clipping (a robustness check; default: ${DEFAULT-VALUE}).")
    double gainDb;

    @Option(names = "--muse", paramLabel = "FILE", description = "Also write the MuSe submission format "
            + "(id, segment_id, prediction_arousal, prediction_valence); files are named AUDIO/<id>/<segment>.wav.")
    Path muse;

    @Override
    public Integer call() throws Exception {
        PredictionWriter.Format fmt;
        try {
            fmt = PredictionWriter.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (!(Math.abs(gainDb) <= 60)) {
            throw new ParameterException(spec.commandLine(), "--gain-db: must be within ±60 dB, not " + gainDb);
        }
        OutputFiles.checkWritable(spec.commandLine(), "--out", out);
        OutputFiles.checkWritable(spec.commandLine(), "--muse", muse);
        Terminal t = Terminal.of(spec);
        List<Path> files = Prediction.files(inputs);
        Prediction.Summary s;
        try (EmotionRecognizer model = modelOption.open();
                PartialFile outFile = out == null ? null : new PartialFile(out);
                PartialFile museFile = muse == null ? null : new PartialFile(muse);
                PredictionWriter rows = new PredictionWriter(outFile != null ? outFile.writer()
                        : new KeepOpen(t.out()), fmt, model.info().model().heads());
                MuseSubmission museRows = museFile == null ? null : new MuseSubmission(museFile.writer())) {
            s = Prediction.run(model, files, gainDb, row -> {
                rows.accept(row);
                if (museRows != null && row.prediction() != null) {
                    museRows.add(row.file(), label(row.prediction(), "arousal"), label(row.prediction(), "valence"));
                }
            }, t);
            rows.close();
            if (outFile != null) {
                outFile.commit();
                t.info(String.format(Locale.ROOT, "wrote %s: %d row(s), %d predicted, %d with an error", out,
                        rows.rows(), s.files() - s.failed(), s.failed()));
            }
            if (museFile != null) {
                museRows.close();
                museFile.commit();
                t.info("wrote " + muse + ": MuSe submission rows for " + (s.files() - s.failed()) + " file(s)");
            }
        }
        if (s.failed() > 0) {
            t.warn(String.format(Locale.ROOT, "warning: %d of %d file(s) could not be read", s.failed(), s.files()));
        }
        return ExitCode.ofBatch(s.files(), s.failed()).code();
    }

    private static String label(EmotionPrediction p, String head) {
        return p.heads().stream().filter(h -> h.name().equals(head)).map(EmotionPrediction.Head::label).findFirst()
                .orElse("");
    }

    /** Standard output stays open when the rows' writer is closed. */
    private static final class KeepOpen extends FilterWriter {
        KeepOpen(Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
