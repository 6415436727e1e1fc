package org.aaec.serving;

import java.util.List;

/**
 * What the model says about one clip: per label head, the most probable class and the probability
 * of every class, and how much sound the answer rests on.
 *
 * @param heads one entry per label head, in the model's order
 * @param seconds seconds of audio the model was given (the clip, cut at the model's length)
 * @param activeSeconds seconds of it that are sound above the noise floor ({@code features.Level})
 * @param reliable false when there was too little sound ({@code activeSeconds} under
 *     {@value org.aaec.features.Level#MIN_ACTIVE_SECONDS} s): the classes are then a guess, whatever
 *     their probabilities say
 */
public record EmotionPrediction(List<Head> heads, double seconds, double activeSeconds, boolean reliable) {

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
