package org.aaec.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import java.util.List;
import org.aaec.evaluation.HeadMetrics;
import org.aaec.evaluation.Metrics;

/** Scores the classifier on a split: predicted class per head per clip, then the metrics. */
public final class Scorer {

    private Scorer() {
    }

    /**
     * @param classifier the classifier block
     * @param set clips to score
     * @param batchSize clips per forward pass
     * @param parent manager under which the temporary arrays live
     * @return predicted class index {@code [head][clip]}
     */
    public static int[][] predict(Block classifier, ClipSet set, int batchSize, NDManager parent) {
        int heads = set.heads().size();
        int[][] predicted = new int[heads][set.size()];
        for (int start = 0; start < set.size(); start += batchSize) {
            int[] rows = new int[Math.min(batchSize, set.size() - start)];
            final int first = start;
            Arrays.setAll(rows, i -> first + i);
            try (NDManager m = parent.newSubManager()) {
                Batch b = Batch.of(m, set, rows, null);
                NDList out = classifier.forward(new ParameterStore(m, false), new NDList(b.x()), false);
                for (int h = 0; h < heads; h++) {
                    long[] arg = out.get(h + 1).argMax(1).toLongArray();
                    for (int i = 0; i < rows.length; i++) {
                        predicted[h][start + i] = (int) arg[i];
                    }
                }
            }
        }
        return predicted;
    }

    /**
     * @param classifier the classifier block
     * @param set clips with their labels
     * @param batchSize clips per forward pass
     * @param parent manager for temporary arrays
     * @return metrics per head (classes in display order)
     */
    public static List<HeadMetrics> score(Block classifier, ClipSet set, int batchSize, NDManager parent) {
        int[][] predicted = predict(classifier, set, batchSize, parent);
        int[][] truth = new int[set.heads().size()][];
        for (int h = 0; h < truth.length; h++) {
            truth[h] = set.labels(h);
        }
        return Metrics.perHead(set.heads(), truth, predicted);
    }
}
