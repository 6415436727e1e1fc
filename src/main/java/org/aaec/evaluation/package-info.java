/**
 * Scores of a classification head as the MuSe 2020 baseline computes them: micro-F1, macro-F1,
 * UAR, Combined = 0.66·F1 + 0.34·UAR, accuracy and the confusion matrix, as plain records.
 *
 * <p>No DJL, no training, no I/O: predictions in, numbers out.
 */
package org.aaec.evaluation;
