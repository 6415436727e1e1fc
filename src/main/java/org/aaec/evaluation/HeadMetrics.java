package org.aaec.evaluation;

import java.util.List;

/**
 * The scores of one label head, in percent.
 *
 * @param head label column, e.g. {@code arousal}
 * @param classes class names, indexing the confusion matrix
 * @param microF1 scikit-learn {@code f1_score(average='micro')}: equals accuracy for one label per clip
 * @param macroF1 unweighted mean of per-class F1
 * @param uar unweighted average recall, {@code recall_score(average='macro')}
 * @param combined {@code 0.66 * microF1 + 0.34 * uar}, the MuSe-Topic score
 * @param accuracy share of clips predicted right
 * @param confusion {@code confusion[truth][predicted]} counts
 * @param support number of clips scored
 */
public record HeadMetrics(String head, List<String> classes, double microF1, double macroF1, double uar,
        double combined, double accuracy, int[][] confusion, int support) {

    /**
     * The same scores with the classes in another order (the scores themselves do not depend on it).
     *
     * @param order old class indices in their new order
     * @return classes and confusion matrix permuted
     */
    public HeadMetrics reordered(int[] order) {
        if (order.length != classes.size()) {
            throw new IllegalArgumentException(head + ": order has " + order.length + " classes, not " + classes.size());
        }
        java.util.List<String> c = new java.util.ArrayList<>();
        int[][] m = new int[order.length][order.length];
        for (int i = 0; i < order.length; i++) {
            c.add(classes.get(order[i]));
            for (int j = 0; j < order.length; j++) {
                m[i][j] = confusion[order[i]][order[j]];
            }
        }
        return new HeadMetrics(head, List.copyOf(c), microF1, macroF1, uar, combined, accuracy, m, support);
    }
}
