package org.aaec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.data.AudioFiles;
import org.aaec.data.ClipIds;
import org.aaec.model.HeadSpec;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.EmotionRecognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code aaec predict}: one row per audio file with the predicted class and probabilities per head. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict arousal/valence (or the model's heads) for audio files and folders.",
            "One row per file: file, then per head the class and the probability of every class. A file that "
                + "cannot be read gets a row with its error; it does not stop the others."})
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

    @Option(names = "--out", paramLabel = "FILE", description = "Write the rows here instead of standard output.")
    Path out;

    @Option(names = "--muse", paramLabel = "FILE", description = "Also write the MuSe submission format "
            + "(id, segment_id, prediction_arousal, prediction_valence); files are named AUDIO/<id>/<segment>.wav.")
    Path muse;

    /** One file's outcome. */
    private record Row(Path file, EmotionPrediction prediction, String error) {
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be csv or json");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                files.addAll(AudioFiles.list(p));
            } else {
                files.add(p); // a missing or bad file gets an error row below
            }
        }
        List<Row> rows = new ArrayList<>();
        int failed = 0;
        try (EmotionRecognizer model = modelOption.open()) {
            AudioLoader loader = new AudioLoader(model.info().features().sampleRate());
            try (ProgressBar bar = Progress.bar("predict", files.size())) {
                for (Path f : files) {
                    bar.step();
                    try {
                        rows.add(new Row(f, model.predict(loader.load(f)), null));
                    } catch (AudioInputException e) {
                        rows.add(new Row(f, null, e.getMessage()));
                        err.println("skipped: " + e.getMessage());
                        failed++;
                    }
                }
            }
            List<HeadSpec> heads = model.info().model().heads();
            if (out == null) {
                PrintWriter w = spec.commandLine().getOut();
                write(w, rows, heads);
                w.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(out)) {
                    write(w, rows, heads);
                }
            }
            if (muse != null) {
                writeMuse(muse, rows);
            }
        }
        if (failed > 0) {
            err.printf("warning: %d of %d file(s) could not be read%n", failed, files.size());
        }
        return failed == files.size() ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }

    private void write(Writer w, List<Row> rows, List<HeadSpec> heads) throws IOException {
        if (format.equalsIgnoreCase("json")) {
            ObjectMapper json = new ObjectMapper();
            ArrayNode array = json.createArrayNode();
            for (Row r : rows) {
                ObjectNode o = array.addObject();
                o.put("file", r.file().toString());
                if (r.error() != null) {
                    o.put("error", r.error());
                    continue;
                }
                for (EmotionPrediction.Head h : r.prediction().heads()) {
                    ObjectNode head = o.putObject(h.name());
                    head.put("label", h.label());
                    ObjectNode p = head.putObject("probabilities");
                    for (int i = 0; i < h.classes().size(); i++) {
                        p.put(h.classes().get(i), h.probabilities()[i]);
                    }
                }
            }
            json.writerWithDefaultPrettyPrinter().writeValue(w, array);
            return;
        }
        List<String> header = new ArrayList<>(List.of("file"));
        for (HeadSpec h : heads) {
            header.add(h.name());
            h.classes().forEach(c -> header.add(h.name() + "_p_" + c));
        }
        header.add("error");
        try (SequenceWriter seq = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema())
                .writeValues(w)) {
            seq.write(header.toArray(String[]::new));
            for (Row r : rows) {
                List<String> cells = new ArrayList<>(List.of(r.file().toString()));
                for (int h = 0; h < heads.size(); h++) {
                    EmotionPrediction.Head p = r.prediction() == null ? null : r.prediction().heads().get(h);
                    cells.add(p == null ? "" : p.label());
                    for (int i = 0; i < heads.get(h).size(); i++) {
                        cells.add(p == null ? "" : String.format(Locale.ROOT, "%.4f", p.probabilities()[i]));
                    }
                }
                cells.add(r.error() == null ? "" : r.error());
                seq.write(cells.toArray(String[]::new));
            }
        }
    }

    /** MuSe-CaR/Topic submission rows: the video id is the file's folder, the segment id its name. */
    private static void writeMuse(Path file, List<Row> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file);
                SequenceWriter seq = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema())
                        .writeValues(w)) {
            seq.write(new String[] {"id", "segment_id", "prediction_arousal", "prediction_valence"});
            for (Row r : rows) {
                if (r.prediction() == null) {
                    continue;
                }
                Path parent = r.file().toAbsolutePath().getParent();
                String id = parent == null ? "" : parent.getFileName().toString();
                seq.write(new String[] {id, ClipIds.stem(r.file()), label(r, "arousal"), label(r, "valence")});
            }
        }
    }

    private static String label(Row r, String head) {
        try {
            return r.prediction().head(head).label();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
