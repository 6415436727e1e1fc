/**
 * Using a trained model: the {@link org.aaec.serving.ModelFile} format (everything needed to
 * predict in one file), and {@link org.aaec.serving.EmotionRecognizer}, which loads one and turns
 * audio into {@link org.aaec.serving.EmotionPrediction}s through a DJL {@code Predictor} and
 * {@link org.aaec.serving.EmotionTranslator}. Does not depend on training, data or the CLI.
 */
package org.aaec.serving;
