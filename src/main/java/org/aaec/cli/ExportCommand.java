package org.aaec.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.io.AtomicFiles;
import org.aaec.serving.OnnxModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aaec export}: a model's classifier as an ONNX file, for runtimes without libtorch. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a model's classifier as ONNX (opset 17, dynamic batch): input 'features' "
            + "[batch, frames, bins], one output per head with its class probabilities. The feature settings, "
            + "normalisation and class names are in the file's metadata (aaec.features, aaec.normalization, "
            + "aaec.heads, aaec.input), and the file runs in aaec itself with --engine onnxruntime."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "FILE", description = "Model file (model.aaec). Default: the shipped "
            + "model.")
    Path model;

    @Option(names = "--format", defaultValue = "onnx", description = "Format to write; onnx is the one there is "
            + "(default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (e.g. "
            + "classifier.onnx).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!"onnx".equals(format.toLowerCase(Locale.ROOT))) {
            throw new ParameterException(spec.commandLine(), "--format: onnx is the format aaec exports, not '"
                    + format + "'");
        }
        OutputFiles.checkWritable(spec.commandLine(), "--out", out);
        byte[] onnx = model == null ? OnnxModels.exportDefault() : OnnxModels.export(model);
        AtomicFiles.write(out, onnx);
        Terminal.of(spec).info(String.format(Locale.ROOT, "wrote %s (%.1f MB): %s as ONNX opset 17; run it with "
                + "'aaec predict --engine onnxruntime --model %s' or any ONNX runtime", out, onnx.length / 1e6,
                model == null ? "the shipped model" : model, out));
        return ExitCode.OK.code();
    }
}
