package org.aaec.evaluation;

import java.util.List;
import org.aaec.model.HeadSpec;

/**
 * Computes {@link HeadMetrics} with scikit-learn's definitions as used by the MuSe 2020 baseline:
 * per-class scores are averaged over the classes that occur in the truth or the predictions
 * (scikit-learn's default label set), and a score whose denominator is zero counts as 0
 * (scikit-learn's {@code zero_division} default).
 */
public final class Metrics {

    /** Weight of F1 in the Combined score (MuSe 2020). */
    public static final double F1_WEIGHT = 0.66;
    /** Weight of UAR in the Combined score (MuSe 2020). */
    public static final double UAR_WEIGHT = 0.34;

    private Metrics() {
    }

    /**
     * @param head label column name
     * @param classes class names; indices in {@code truth} and {@code predicted} refer to them
     * @param truth true class per clip
     * @param predicted predicted class per clip
     * @return the scores in percent
     */
    public static HeadMetrics compute(String head, List<String> classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(head + ": " + truth.length + " true labels but " + predicted.length
                    + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException(head + ": nothing to score");
        }
        int k = classes.size();
        int[][] confusion = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException(head + ": class index out of range at clip " + i);
            }
            confusion[truth[i]][predicted[i]]++;
        }
        int correct = 0;
        double f1Sum = 0;
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int actual = 0;
            int predictedAs = 0;
            for (int j = 0; j < k; j++) {
                actual += confusion[c][j];
                predictedAs += confusion[j][c];
            }
            correct += tp;
            if (actual == 0 && predictedAs == 0) {
                continue; // scikit-learn leaves out labels absent from both truth and predictions
            }
            present++;
            recallSum += actual == 0 ? 0 : tp / (double) actual;
            int fp = predictedAs - tp;
            int fn = actual - tp;
            f1Sum += 2.0 * tp / (2.0 * tp + fp + fn); // denominator > 0 here
        }
        double accuracy = 100.0 * correct / truth.length;
        double uar = 100.0 * recallSum / present;
        double macroF1 = 100.0 * f1Sum / present;
        double microF1 = accuracy; // micro-averaged F1 of single-label multiclass equals accuracy
        return new HeadMetrics(head, List.copyOf(classes), microF1, macroF1, uar,
                F1_WEIGHT * microF1 + UAR_WEIGHT * uar, accuracy, confusion, truth.length);
    }

    /**
     * The baseline a score must beat: what always answering the most frequent true class of the
     * same clips scores (its UAR is chance, 100 / classes present). Read off the confusion
     * matrix's row sums; ties go to the first class.
     *
     * @param scored a head's scores
     * @return the majority-class predictor's scores on the same clips
     */
    public static HeadMetrics majorityBaseline(HeadMetrics scored) {
        int k = scored.classes().size();
        int[] counts = trueCounts(scored);
        int majority = firstLargest(counts);
        int[] truth = new int[scored.support()];
        int at = 0;
        for (int c = 0; c < k; c++) {
            java.util.Arrays.fill(truth, at, at + counts[c], c);
            at += counts[c];
        }
        int[] predicted = new int[truth.length];
        java.util.Arrays.fill(predicted, majority);
        return compute(scored.head(), scored.classes(), truth, predicted);
    }

    /**
     * @param scored a head's scores
     * @return the most frequent true class of the scored clips (the first of a tie)
     */
    public static int majorityClass(HeadMetrics scored) {
        return firstLargest(trueCounts(scored));
    }

    private static int firstLargest(int[] counts) {
        int best = 0;
        for (int c = 1; c < counts.length; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Clips per true class: the confusion matrix's row sums. */
    private static int[] trueCounts(HeadMetrics scored) {
        int[] counts = new int[scored.classes().size()];
        for (int c = 0; c < counts.length; c++) {
            for (int v : scored.confusion()[c]) {
                counts[c] += v;
            }
        }
        return counts;
    }

    /**
     * @param heads scores of every head
     * @return each head's {@link #majorityBaseline}
     */
    public static List<HeadMetrics> majorityBaselines(List<HeadMetrics> heads) {
        return heads.stream().map(Metrics::majorityBaseline).toList();
    }

    /**
     * Scores every head, with classes and confusion matrices in each head's display order
     * ({@link HeadSpec#displayOrder()}: low, medium, high rather than alphabetical).
     *
     * @param heads the heads, classes in the model's order
     * @param truth true class index {@code [head][clip]} in the model's order
     * @param predicted predicted class index {@code [head][clip]} in the model's order
     * @return one entry per head
     */
    public static List<HeadMetrics> perHead(List<HeadSpec> heads, int[][] truth, int[][] predicted) {
        List<HeadMetrics> out = new java.util.ArrayList<>();
        for (int h = 0; h < heads.size(); h++) {
            HeadSpec spec = heads.get(h);
            out.add(compute(spec.name(), spec.classes(), truth[h], predicted[h]).reordered(spec.displayOrder()));
        }
        return out;
    }

    /**
     * @param heads scores of every head
     * @return the overall score: mean of the heads' Combined
     */
    public static double overall(List<HeadMetrics> heads) {
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("no heads to average");
        }
        return heads.stream().mapToDouble(HeadMetrics::combined).average().orElseThrow();
    }
}
