package org.aaec.serving;

import java.util.List;

/**
 * What the model says about one clip: per label head, the most probable class and the probability
 * of every class.
 *
 * @param heads one entry per label head, in the model's order
 */
public record EmotionPrediction(List<Head> heads) {

    /**
     * @param name label column, e.g. {@code arousal}
     * @param label most probable class
     * @param classes class names
     * @param probabilities softmax probability per class, in the order of {@code classes}
     */
    public record Head(String name, String label, List<String> classes, float[] probabilities) {

        /** Index of {@link #label()} in {@link #classes()}. */
        public int index() {
            return classes.indexOf(label);
        }
    }

    /**
     * @param name a head name
     * @return that head
     * @throws IllegalArgumentException when there is none
     */
    public Head head(String name) {
        return heads.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no head '" + name + "'"));
    }
}
