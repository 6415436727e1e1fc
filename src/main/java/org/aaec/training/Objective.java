package org.aaec.training;

/**
 * The {@code objective:} section of a config: the weight of every term of Algorithm 1's losses
 * and how the reconstruction error is reduced. The cross-entropies and binary cross-entropies are
 * means over the batch's samples (per sample, weighted by class when class weights are on); the
 * reconstruction is either the mean over all B·T·F elements ({@code element}: SPEC.md and the
 * {@code paper} preset), or the sum over one sample's T·F elements averaged over the batch
 * ({@code sample}: T·F times larger, the scale of a per-sample log-likelihood, like the other terms).
 *
 * <p>Why weights: with element-mean reconstruction the decoder's classifier terms are per sample
 * and its reconstruction per element, so X' follows the current classifier rather than X (the
 * decoder's last-layer gradient is about 14× larger from the classifier terms than from the
 * reconstruction); these keys let a config balance them without changing the code.
 *
 * <p>The terms, per phase (w: the weights below; rec: the reduced reconstruction error):
 * <ul>
 *   <li>K1, encoder: {@code reconstruction·rec(Dec(E(X)), X) + adversarial·BCE(D(E(X)), real)};
 *       D itself is always trained on {@code BCE(D(prior), real) + BCE(D(E(X)), fake)}.</li>
 *   <li>K2, decoder (and the encoder when {@code encoderInDecoderPhase}):
 *       {@code reconstruction·rec(X', X) + realism·BCE(C_d(X'), real) + labels·CE(C(X'), y)}.</li>
 *   <li>K3, classifier: {@code CE(C(X), y) + BCE(C_d(X), real) + generated·(CE(C(X'), y) + BCE(C_d(X'), fake))}.</li>
 * </ul>
 *
 * @param reconstructionReduction {@value #ELEMENT} or {@value #SAMPLE}
 * @param reconstruction weight of the reconstruction error (K1 and K2)
 * @param adversarial weight of the encoder fooling D (K1)
 * @param realism weight of X' fooling C_d (K2)
 * @param labels weight of X' keeping X's labels on C (K2)
 * @param generated weight of C's loss on X' (K3)
 * @param reconstructionFrames {@value #ALL} (every frame, zero padding included: the paper) or
 *     {@value #AUDIO}: the reconstruction error counts only frames of real audio, and X′ keeps X's
 *     own padding frames, so that the generator spends nothing on reproducing the padding (at
 *     log(floor), far from every bin's mean, it dominates an error over all frames)
 * @param encoderInDecoderPhase whether the encoder is updated with the decoder in K2, so that it
 *     also learns to make X' fool C_d (the paper's text: "Encoder, Decoder is trained to maximally
 *     confuse D and C_d"); off in the paper preset, where only the decoder learns in K2
 */
public record Objective(String reconstructionReduction, double reconstruction, double adversarial, double realism,
        double labels, double generated, String reconstructionFrames, boolean encoderInDecoderPhase) {

    /** Reconstruction as the mean over all elements of the batch. */
    public static final String ELEMENT = "element";
    /** Reconstruction as the sum over each sample's elements, averaged over the batch. */
    public static final String SAMPLE = "sample";
    /** Reconstruction over every frame. */
    public static final String ALL = "all";
    /** Reconstruction over frames of real audio; X′ keeps X's padding. */
    public static final String AUDIO = "audio";

    /** Missing settings (configs written before they existed) are {@value #ELEMENT} and {@value #ALL}. */
    public Objective {
        reconstructionReduction = reconstructionReduction == null ? ELEMENT : reconstructionReduction;
        reconstructionFrames = reconstructionFrames == null ? ALL : reconstructionFrames;
    }

    /** Whether only frames of real audio count (and X′ keeps X's padding). */
    public boolean audioFramesOnly() {
        return AUDIO.equals(reconstructionFrames);
    }

    /**
     * A named objective: {@code paper} (every weight 1, element-mean reconstruction over every
     * frame, only the decoder learns in K2: SPEC.md, and what every run did before this section
     * existed) or {@code balanced} (the default since 2026-11-26: reconstruction over frames of real
     * audio, weighted 16; chosen by the sweep in results/README.md, where the paper's objective
     * collapsed X′ to one sample and this one kept X′ as diverse as the real clips).
     *
     * @param name the preset
     * @return its settings
     * @throws IllegalArgumentException for another name
     */
    public static Objective preset(String name) {
        return switch (name) {
            case "paper" -> new Objective(ELEMENT, 1, 1, 1, 1, 1, ALL, false);
            case "balanced" -> new Objective(ELEMENT, 16, 1, 1, 1, 1, AUDIO, false);
            default -> throw new IllegalArgumentException("unknown objective preset '" + name
                    + "'; use balanced or paper");
        };
    }

    /**
     * Checks the values, naming the key that is wrong.
     *
     * @throws IllegalArgumentException {@code key 'objective.x': ...}
     */
    public void validate() {
        if (!ELEMENT.equals(reconstructionReduction) && !SAMPLE.equals(reconstructionReduction)) {
            throw new IllegalArgumentException("key 'objective.reconstructionReduction': must be " + ELEMENT + " or "
                    + SAMPLE + ", not '" + reconstructionReduction + "'");
        }
        if (!ALL.equals(reconstructionFrames) && !AUDIO.equals(reconstructionFrames)) {
            throw new IllegalArgumentException("key 'objective.reconstructionFrames': must be " + ALL + " or " + AUDIO
                    + ", not '" + reconstructionFrames + "'");
        }
        double[] w = {reconstruction, adversarial, realism, labels, generated};
        String[] keys = {"reconstruction", "adversarial", "realism", "labels", "generated"};
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("key 'objective." + keys[i] + "': a weight must be finite and "
                        + "not negative, not " + w[i]);
            }
        }
        if (reconstruction == 0) {
            throw new IllegalArgumentException("key 'objective.reconstruction': 0 leaves the autoencoder nothing to "
                    + "learn; use a positive weight");
        }
    }
}
