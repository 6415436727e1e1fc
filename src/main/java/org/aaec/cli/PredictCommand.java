package org.aaec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.audio.AudioLoader;
import org.aaec.data.MuseSubmission;
import org.aaec.io.PartialFile;
import org.aaec.jobs.Prediction;
import org.aaec.jobs.PredictionWriter;
import org.aaec.jobs.TimelinePrediction;
import org.aaec.jobs.TimelineWriter;
import org.aaec.report.TimelinePlot;
import org.aaec.serving.Timeline;
import org.aaec.serving.TimelineOptions;
import org.aaec.serving.TimelineSegment;
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

    @Option(names = "--timeline", description = "Emotion over time: one row per window (start, end, classes, "
            + "probabilities) and a summary row per file (duration-weighted mean probabilities), streaming the "
            + "whole file. Without it, only the model's input length from each file's start is predicted.")
    boolean timeline;

    @Option(names = "--window", paramLabel = "SECONDS", description = "Timeline window (default: the model's "
            + "input length). Implies --timeline.")
    Double window;

    @Option(names = "--hop", paramLabel = "SECONDS", description = "Time between window starts (default: half "
            + "the window). Implies --timeline.")
    Double hop;

    @Option(names = "--vad", description = "Detect speech (energy with hysteresis) and predict only windows with "
            + "at least --min-speech seconds of it; the others are listed without classes. Implies --timeline.")
    boolean vad;

    @Option(names = "--min-speech", paramLabel = "SECONDS", defaultValue = "0.5", description = "With --vad, "
            + "the speech a window needs (default: ${DEFAULT-VALUE}).")
    double minSpeech;

    @Option(names = "--plot", paramLabel = "PNG_OR_DIR", description = "Draw arousal and valence over time: a "
            + "PNG file for one input file, else a folder (made if missing) with NAME.png per file. Implies "
            + "--timeline.")
    Path plot;

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
        boolean timelines = timeline || window != null || hop != null || vad || plot != null;
        if (timelines) {
            if (gainDb != 0 || muse != null) {
                throw new ParameterException(spec.commandLine(), "--gain-db and --muse predict whole clips; they do "
                        + "not combine with --timeline");
            }
            return timelines(files, fmt, t);
        }
        Prediction.Summary s;
        double modelSeconds;
        try (EmotionRecognizer model = modelOption.open();
                PartialFile outFile = out == null ? null : new PartialFile(out);
                PartialFile museFile = muse == null ? null : new PartialFile(muse);
                PredictionWriter rows = new PredictionWriter(outFile != null ? outFile.writer()
                        : new KeepOpen(t.out()), fmt, model.info().model().heads());
                MuseSubmission museRows = museFile == null ? null : new MuseSubmission(museFile.writer())) {
            modelSeconds = model.info().features().maxSeconds();
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
        if (s.cut() > 0) {
            t.warn(String.format(Locale.ROOT, "note: %d file(s) are longer than the model's %s s input; only their "
                    + "start was predicted (--timeline predicts all of each)", s.cut(), AudioLoader.seconds(modelSeconds)));
        }
        return finish(t, s);
    }

    private int finish(Terminal t, Prediction.Summary s) {
        if (s.failed() > 0) {
            t.warn(String.format(Locale.ROOT, "warning: %d of %d file(s) could not be read", s.failed(), s.files()));
        }
        return ExitCode.ofBatch(s.files(), s.failed()).code();
    }

    /** {@code --timeline}: every file streamed window by window; rows as windows finish. */
    private int timelines(List<Path> files, PredictionWriter.Format fmt, Terminal t) throws Exception {
        Prediction.Summary s;
        try (EmotionRecognizer model = modelOption.open()) {
            TimelineOptions options = timelineOptions(model);
            Path plots = plot == null ? null : plotTarget(files);
            try (PartialFile outFile = out == null ? null : new PartialFile(out);
                    TimelineWriter rows = new TimelineWriter(outFile != null ? outFile.writer() : new KeepOpen(t.out()),
                            fmt, model.info().model().heads())) {
                s = TimelinePrediction.run(model, files, options, new TimelinePrediction.Sink() {
                    @Override
                    public void window(Path file, TimelineSegment segment) throws IOException {
                        rows.window(file, segment);
                    }

                    @Override
                    public void file(Path file, Timeline timeline, String error) throws IOException {
                        rows.file(file, timeline, error);
                        if (plots != null && timeline != null) {
                            Path png = Files.isDirectory(plots) ? plots.resolve(file.getFileName() + ".png") : plots;
                            TimelinePlot.write(png, file.getFileName().toString(), model.info().model().heads(),
                                    timeline);
                            t.info("wrote " + png);
                        }
                    }
                }, t);
                rows.close();
                if (outFile != null) {
                    outFile.commit();
                    t.info(String.format(Locale.ROOT, "wrote %s: %d row(s), %d file(s) predicted, %d with an error",
                            out, rows.rows(), s.files() - s.failed(), s.failed()));
                }
            }
        }
        return finish(t, s);
    }

    private TimelineOptions timelineOptions(EmotionRecognizer model) {
        try {
            return TimelineOptions.of(model.info(), window, hop, vad).withMinSpeech(minSpeech).keeping(plot != null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--window/--hop/--min-speech: " + e.getMessage());
        }
    }

    /** One input file: the PNG itself; several: a folder for one PNG each. */
    private Path plotTarget(List<Path> files) throws IOException {
        boolean one = files.size() == 1 && !Files.isDirectory(inputs.get(0));
        if (one && !Files.isDirectory(plot)) {
            OutputFiles.checkWritable(spec.commandLine(), "--plot", plot);
            return plot;
        }
        return Files.createDirectories(plot);
    }

    private static String label(EmotionPrediction p, String head) {
        return p.heads().stream().filter(h -> h.name().equals(head)).map(EmotionPrediction.Head::label).findFirst()
                .orElse("");
    }
}
