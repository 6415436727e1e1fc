package org.aaec.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.aaec.serving.EmotionRecognizer;
import picocli.CommandLine.Option;

/** {@code --model}, defaulting to the model shipped with aaec. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "FILE",
            description = "Model file (model.aaec of a run). Default: the shipped model (aaec on RAVDESS).")
    Path model;

    EmotionRecognizer open() throws IOException {
        return model == null ? EmotionRecognizer.loadDefault() : EmotionRecognizer.load(model);
    }

    String describe() {
        return model == null ? "shipped default model" : model.toString();
    }
}
