package org.aaec.training;

import java.util.Locale;

/** The phases of Algorithm 1; each updates only its own networks with its own optimizer. */
public enum Phase {
    /** K1 epochs: the encoder (reconstruction, fooling D) and the discriminator D. */
    AUTOENCODER,
    /** K2 epochs: the decoder (reconstruction; with C in the loop also fooling C_d and classifying X'). */
    DECODER,
    /** K3 epochs: the classifier on X (and X' when there is a generator). */
    CLASSIFIER,
    /** After the iterations: the classifier alone on the original data, SGD. */
    FINE_TUNE;

    /** Lower-case name used in logs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
