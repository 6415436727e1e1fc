/**
 * Algorithm 1 of the paper: {@link org.aaec.training.AaecTrainer} runs the alternating phases of one
 * {@link org.aaec.training.Variant} (all five configurations of Table 1 are switches of the same
 * trainer) from a {@link org.aaec.training.TrainConfig}, with one optimizer per network, model
 * selection on the validation split, atomic checkpoints, a JSONL log and a run folder.
 */
package org.aaec.training;
