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
}
