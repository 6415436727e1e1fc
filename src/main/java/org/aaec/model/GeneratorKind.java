package org.aaec.model;

/** How the generator G forms a synthetic sample X' (Equation 1 and its ablation). */
public enum GeneratorKind {
    /** The proposed G: {@code X' = (Decoder(E) + Decoder(Z)) / 2}. */
    AVERAGED,
    /** The original AAE generator G_ori: {@code X' = Decoder(Z)}. */
    ORIGINAL
}
