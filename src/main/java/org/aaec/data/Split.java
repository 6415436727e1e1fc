package org.aaec.data;

import java.util.Locale;

/** The three speaker-disjoint parts of a corpus. */
public enum Split {
    /** Fits the model and the normalisation statistics. */
    TRAIN("train"),
    /** Chooses the checkpoint to keep. */
    VALIDATION("validation"),
    /** Touched once, at the end. */
    TEST("test");

    private final String label;

    Split(String label) {
        this.label = label;
    }

    /** The name written in manifests. */
    public String label() {
        return label;
    }

    /**
     * Parses a split name, accepting the usual aliases (MuSe's {@code devel}, {@code dev}, {@code val}).
     *
     * @param text the name
     * @return the split
     * @throws IllegalArgumentException for an unknown name
     */
    public static Split parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "train":
            case "training":
                return TRAIN;
            case "validation":
            case "valid":
            case "val":
            case "dev":
            case "devel":
                return VALIDATION;
            case "test":
                return TEST;
            default:
                throw new IllegalArgumentException(
                        "unknown split '" + text + "' (use train, validation/devel or test)");
        }
    }
}
