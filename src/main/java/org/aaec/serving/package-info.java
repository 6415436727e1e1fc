/**
 * Using a trained model: the {@link org.aaec.serving.ModelFile} format (everything needed to
 * predict in one file), and {@link org.aaec.serving.EmotionRecognizer}, which loads one and turns
 * audio into {@link org.aaec.serving.EmotionPrediction}s: the feature pipeline in front
 * ({@code ClipFeatures}), then the classifier on an {@link org.aaec.serving.Engine}, libtorch
 * through DJL ({@code DjlClassifier}) or ONNX Runtime ({@link org.aaec.serving.OnnxModels}, which
 * also exports a model file to ONNX). Timelines ({@link org.aaec.serving.TimelineRunner}) cut long
 * recordings into windows for either. Does not depend on training, data or the CLI.
 */
package org.aaec.serving;
