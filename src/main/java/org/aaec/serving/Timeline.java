package org.aaec.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emotion over time in one recording: its windows and a summary of them.
 *
 * @param seconds length of the recording
 * @param segments every window, in order (empty when the options did not keep them)
 * @param summary per head, over the predicted windows: the duration-weighted mean probabilities
 *     and the class that holds the most time; empty when no window was predicted
 * @param windows how many windows there were
 * @param predicted how many of them were predicted (the others had too little speech)
 */
public record Timeline(double seconds, List<TimelineSegment> segments, List<Summary> summary, int windows,
        int predicted) {

    /**
     * One head over the whole recording.
     *
     * @param name the head
     * @param classes its classes
     * @param meanProbabilities per class, the mean over predicted windows weighted by their length
     * @param label the class of the largest mean probability
     * @param majority the class predicted for the most seconds
     * @param secondsPerClass seconds of windows predicted as each class
     */
    public record Summary(String name, List<String> classes, double[] meanProbabilities, String label,
            String majority, double[] secondsPerClass) {
    }

    /** Gathers segments as they come and the sums for the summary. */
    static final class Builder {
        private final boolean keep;
        private final List<TimelineSegment> segments = new ArrayList<>();
        private final Map<String, double[]> probability = new LinkedHashMap<>();
        private final Map<String, double[]> time = new LinkedHashMap<>();
        private final Map<String, List<String>> classes = new LinkedHashMap<>();
        private double weight;
        private int windows;
        private int predicted;

        Builder(boolean keep) {
            this.keep = keep;
        }

        void add(TimelineSegment s) {
            windows++;
            if (keep) {
                segments.add(s);
            }
            if (!s.predicted()) {
                return;
            }
            predicted++;
            double w = s.seconds();
            weight += w;
            for (EmotionPrediction.Head h : s.prediction().heads()) {
                classes.putIfAbsent(h.name(), h.classes());
                double[] p = probability.computeIfAbsent(h.name(), k -> new double[h.classes().size()]);
                for (int c = 0; c < p.length; c++) {
                    p[c] += w * h.probabilities()[c];
                }
                time.computeIfAbsent(h.name(), k -> new double[h.classes().size()])[h.index()] += w;
            }
        }

        Timeline build(double seconds) {
            List<Summary> summary = new ArrayList<>();
            for (var e : probability.entrySet()) {
                double[] mean = e.getValue().clone();
                for (int c = 0; c < mean.length; c++) {
                    mean[c] /= weight;
                }
                List<String> names = classes.get(e.getKey());
                double[] perClass = time.get(e.getKey());
                summary.add(new Summary(e.getKey(), names, mean, names.get(argmax(mean)), names.get(argmax(perClass)),
                        perClass));
            }
            return new Timeline(seconds, List.copyOf(segments), List.copyOf(summary), windows, predicted);
        }

        private static int argmax(double[] v) {
            int best = 0;
            for (int i = 1; i < v.length; i++) {
                if (v[i] > v[best]) {
                    best = i;
                }
            }
            return best;
        }
    }
}
