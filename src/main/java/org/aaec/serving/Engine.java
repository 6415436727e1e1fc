package org.aaec.serving;

import java.util.Locale;

/** What runs the classifier: libtorch through DJL (the engine it was trained with) or ONNX Runtime. */
public enum Engine {
    /** DJL's PyTorch engine (libtorch); reads {@code .aaec} model files. */
    PYTORCH("pytorch"),
    /** ONNX Runtime; reads {@code .onnx} files written by {@code aaec export}, or exports a {@code .aaec} in memory. */
    ONNXRUNTIME("onnxruntime");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    /** The name users type ({@code --engine}). */
    public String id() {
        return id;
    }

    /**
     * @param text {@code pytorch} or {@code onnxruntime} (any case)
     * @return the engine
     * @throws IllegalArgumentException naming the choices otherwise
     */
    public static Engine parse(String text) {
        for (Engine e : values()) {
            if (e.id.equals(text.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("engine must be pytorch or onnxruntime, not '" + text + "'");
    }
}
