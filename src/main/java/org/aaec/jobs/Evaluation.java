package org.aaec.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.data.ManifestEntry;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;
import org.aaec.io.AtomicFiles;
import org.aaec.model.HeadSpec;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.EmotionRecognizer;

/**
 * Scores a model on labelled clips straight from their audio (decode, features, the model's own
 * normalisation, prediction), in batches: the path a user's audio takes, so its scores check the
 * whole chain. Clips that cannot be decoded, or whose label is not a class the model knows, are
 * left out, each with a warning.
 */
public final class Evaluation {

    private static final int BATCH = 16;

    /**
     * What the model scored.
     *
     * @param clips clips scored
     * @param skipped one message per clip left out
     * @param heads scores per head (classes in display order)
     */
    public record Result(int clips, List<String> skipped, List<HeadMetrics> heads) {

        /** Mean Combined over the heads. */
        public double combined() {
            return Metrics.overall(heads);
        }

        /**
         * Writes the scores as JSON (atomically).
         *
         * @param file target
         * @param model how to name the model in the file
         * @throws IOException when writing fails
         */
        public void writeJson(Path file, String model) throws IOException {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("model", model);
            root.put("clips", clips);
            root.put("skipped", skipped.size());
            root.setAll(TrainingRun.scores(heads));
            AtomicFiles.write(file, mapper.writeValueAsBytes(root));
        }
    }

    private Evaluation() {
    }

    /**
     * @param model the model
     * @param entries the clips with their labels
     * @param reporter progress and one warning per clip left out
     * @return the scores
     * @throws IllegalArgumentException when no clip could be scored
     */
    public static Result run(EmotionRecognizer model, List<ManifestEntry> entries, Reporter reporter) {
        List<HeadSpec> heads = model.info().model().heads();
        AudioLoader loader = new AudioLoader(model.info().features().sampleRate());
        List<int[]> truth = new ArrayList<>();
        List<int[]> predicted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Reporter.Stage stage = reporter.stage("evaluate", entries.size())) {
            for (int start = 0; start < entries.size(); start += BATCH) {
                List<AudioClip> clips = new ArrayList<>();
                List<int[]> labels = new ArrayList<>();
                for (ManifestEntry e : entries.subList(start, Math.min(start + BATCH, entries.size()))) {
                    stage.step();
                    int[] t = HeadSpec.classIndices(heads, e.labels());
                    String why = unknownLabel(e, heads, t);
                    if (why == null) {
                        try {
                            clips.add(e.isSegment() ? loader.load(e.path(), e.start(), e.end())
                                    : loader.loadStart(e.path(), model.info().features().maxSeconds()));
                            labels.add(t);
                        } catch (AudioInputException | RuntimeException | OutOfMemoryError ex) {
                            why = Failures.of(e.path(), ex);
                        }
                    }
                    if (why != null) {
                        skipped.add(why);
                        reporter.warn("skipped: " + why);
                    }
                }
                if (!clips.isEmpty()) {
                    List<EmotionPrediction> p = model.predict(clips);
                    for (int i = 0; i < clips.size(); i++) {
                        predicted.add(p.get(i).heads().stream().mapToInt(EmotionPrediction.Head::index).toArray());
                        truth.add(labels.get(i));
                    }
                }
            }
        }
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("no clip could be scored (" + entries.size() + " given, "
                    + skipped.size() + " left out)");
        }
        return new Result(truth.size(), List.copyOf(skipped), Metrics.perHead(heads, byHead(truth, heads.size()),
                byHead(predicted, heads.size())));
    }

    private static String unknownLabel(ManifestEntry e, List<HeadSpec> heads, int[] t) {
        for (int h = 0; h < heads.size(); h++) {
            if (t[h] < 0) {
                String v = e.labels().get(heads.get(h).name());
                return e.path() + ": label " + heads.get(h).name() + "='" + (v == null ? "" : v)
                        + "' is not a class the model knows " + heads.get(h).classes();
            }
        }
        return null;
    }

    private static int[][] byHead(List<int[]> rows, int heads) {
        int[][] out = new int[heads][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int h = 0; h < heads; h++) {
                out[h][i] = rows.get(i)[h];
            }
        }
        return out;
    }
}
