package org.aaec.model;

import java.util.List;

/**
 * Every width of the four networks (SPEC.md "Networks") and the input shape they are built for.
 * The defaults of {@link #standard} are the paper's; any of them can be changed in an experiment
 * config file.
 *
 * @param frames T, time frames of the input spectrogram
 * @param bins F, frequency bins of the input spectrogram
 * @param latent size of Z and of the prior sample E (128)
 * @param encoderGru units per direction of the encoder's bidirectional GRU (64)
 * @param encoderDense hidden dense widths of the encoder after the GRU (512, 256)
 * @param decoderDense hidden dense widths of the decoder before its T·F output (64, 64)
 * @param discriminatorDense hidden dense widths of the discriminator (512, 256)
 * @param leakySlope negative slope of the discriminator's LeakyReLU (0.2)
 * @param convFilters filters of the classifier's Conv1D layers (512, 256, 128)
 * @param convKernels kernel sizes of those layers (3, 1, 3), odd, "same" padding
 * @param classifierGru units per direction of the classifier's bidirectional GRU (64)
 * @param headDense hidden dense widths of every classifier head (512, 32)
 * @param heads the classification heads, one per label column (the real/fake head is implicit)
 */
public record ModelConfig(int frames, int bins, int latent, int encoderGru, List<Integer> encoderDense,
        List<Integer> decoderDense, List<Integer> discriminatorDense, double leakySlope, List<Integer> convFilters,
        List<Integer> convKernels, int classifierGru, List<Integer> headDense, List<HeadSpec> heads) {

    /** Checks the invariants. */
    public ModelConfig {
        positive("frames", frames);
        positive("bins", bins);
        positive("latent", latent);
        positive("encoderGru", encoderGru);
        positive("classifierGru", classifierGru);
        encoderDense = widths("encoderDense", encoderDense);
        decoderDense = widths("decoderDense", decoderDense);
        discriminatorDense = widths("discriminatorDense", discriminatorDense);
        convFilters = widths("convFilters", convFilters);
        convKernels = widths("convKernels", convKernels);
        headDense = widths("headDense", headDense);
        if (convFilters.isEmpty() || convFilters.size() != convKernels.size()) {
            throw new IllegalArgumentException("convFilters " + convFilters + " and convKernels " + convKernels
                    + " must be non-empty and of equal length");
        }
        for (int k : convKernels) {
            if (k % 2 == 0) {
                throw new IllegalArgumentException("conv kernels must be odd for 'same' padding, got " + k);
            }
        }
        if (heads == null || heads.isEmpty()) {
            throw new IllegalArgumentException("the classifier needs at least one label head");
        }
        heads = List.copyOf(heads);
    }

    /**
     * The paper's widths for an input of {@code frames × bins} and the given label heads.
     *
     * @param frames T
     * @param bins F
     * @param heads label heads
     * @return the configuration
     */
    public static ModelConfig standard(int frames, int bins, List<HeadSpec> heads) {
        return new ModelConfig(frames, bins, 128, 64, List.of(512, 256), List.of(64, 64), List.of(512, 256), 0.2,
                List.of(512, 256, 128), List.of(3, 1, 3), 64, List.of(512, 32), heads);
    }

    /**
     * The same widths for another input shape (e.g. a shorter clip length).
     *
     * @param newFrames T
     * @param newBins F
     * @return the configuration
     */
    public ModelConfig withInput(int newFrames, int newBins) {
        return new ModelConfig(newFrames, newBins, latent, encoderGru, encoderDense, decoderDense,
                discriminatorDense, leakySlope, convFilters, convKernels, classifierGru, headDense, heads);
    }

    /**
     * The same widths with other label heads.
     *
     * @param newHeads label heads
     * @return the configuration
     */
    public ModelConfig withHeads(List<HeadSpec> newHeads) {
        return new ModelConfig(frames, bins, latent, encoderGru, encoderDense, decoderDense, discriminatorDense,
                leakySlope, convFilters, convKernels, classifierGru, headDense, newHeads);
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    private static List<Integer> widths(String name, List<Integer> w) {
        if (w == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        for (Integer v : w) {
            if (v == null || v <= 0) {
                throw new IllegalArgumentException(name + " must hold positive widths, got " + w);
            }
        }
        return List.copyOf(w);
    }
}
