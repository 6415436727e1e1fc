package org.aaec.model;

import java.util.Locale;

/** The four networks of AAEC; each is trained by its own optimizer. */
public enum Network {
    /** X to Z. */
    ENCODER,
    /** Z or E to X'. */
    DECODER,
    /** Z against E. */
    DISCRIMINATOR,
    /** X and X' to real/fake and label heads. */
    CLASSIFIER;

    /** Lower-case name used in files and logs. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
