package org.aaec.jobs;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.aaec.model.HeadSpec;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.Timeline;
import org.aaec.serving.TimelineSegment;

/**
 * The JSON shape of predictions, one place for the CLI's {@code --format json} and the HTTP
 * service alike: per head its label and the probability of each class (in display order: low,
 * medium, high; negative, neutral, positive), windows with start and end, timelines with their
 * summary.
 */
public final class PredictionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final List<HeadSpec> heads;

    /**
     * @param heads the model's heads
     */
    public PredictionJson(List<HeadSpec> heads) {
        this.heads = List.copyOf(heads);
    }

    /** Per head label and probabilities, added to {@code into}. */
    public ObjectNode heads(ObjectNode into, EmotionPrediction p) {
        for (HeadSpec spec : heads) {
            EmotionPrediction.Head h = p.head(spec.name());
            ObjectNode head = into.putObject(h.name());
            head.put("label", h.label());
            ObjectNode probabilities = head.putObject("probabilities");
            for (int c : spec.displayOrder()) {
                probabilities.put(h.classes().get(c), h.probabilities()[c]);
            }
        }
        return into;
    }

    /** One clip's answer: its heads, the seconds it rests on and whether that is enough. */
    public ObjectNode prediction(EmotionPrediction p) {
        ObjectNode o = heads(NODES.objectNode(), p);
        o.put("seconds", round3(p.seconds()));
        o.put("activeSeconds", round3(p.activeSeconds()));
        o.put("reliable", p.reliable());
        return o;
    }

    /** One window: start, end, speech seconds (with speech detection) and, when predicted, its heads. */
    public ObjectNode segment(TimelineSegment s) {
        ObjectNode w = NODES.objectNode();
        w.put("start", round3(s.start()));
        w.put("end", round3(s.end()));
        if (!Double.isNaN(s.speechSeconds())) {
            w.put("speechSeconds", round3(s.speechSeconds()));
        }
        if (s.predicted()) {
            heads(w, s.prediction());
        }
        return w;
    }

    /** A timeline's length, window counts and per-head summary (segments are added by the caller). */
    public ObjectNode timeline(Timeline t) {
        ObjectNode o = NODES.objectNode();
        o.put("seconds", round3(t.seconds()));
        o.put("windows", t.windows());
        o.put("predicted", t.predicted());
        ObjectNode summary = o.putObject("summary");
        for (Timeline.Summary s : t.summary()) {
            ObjectNode head = summary.putObject(s.name());
            head.put("label", s.label());
            head.put("majority", s.majority());
            ObjectNode mean = head.putObject("meanProbabilities");
            ObjectNode seconds = head.putObject("secondsPerClass");
            for (int c : order(s)) {
                mean.put(s.classes().get(c), s.meanProbabilities()[c]);
                seconds.put(s.classes().get(c), round3(s.secondsPerClass()[c]));
            }
        }
        return o;
    }

    private int[] order(Timeline.Summary s) {
        return heads.stream().filter(h -> h.name().equals(s.name())).findFirst().map(HeadSpec::displayOrder)
                .orElseGet(() -> java.util.stream.IntStream.range(0, s.classes().size()).toArray());
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
