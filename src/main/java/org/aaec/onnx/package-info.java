/**
 * The classifier outside libtorch: {@link org.aaec.onnx.OnnxExporter} writes a loaded
 * {@link org.aaec.model.Classifier} as an ONNX graph (opset 17, dynamic batch, one softmax output
 * per label head) with ONNX's protobuf classes, and {@link org.aaec.onnx.OnnxClassifier} runs such
 * a graph with ONNX Runtime. Knows nothing of audio, model files or the CLI: the serving package
 * turns clips into the graph's input and puts the model's description into its metadata.
 */
package org.aaec.onnx;
