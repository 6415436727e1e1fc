package org.aaec.model;

import java.util.List;

/**
 * One classification head of the classifier: a label column and its classes, in the order of the
 * head's logits.
 *
 * @param name label column, e.g. {@code arousal}
 * @param classes class names; logit {@code i} scores {@code classes.get(i)}
 */
public record HeadSpec(String name, List<String> classes) {

    /** Checks the invariants. */
    public HeadSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a head needs a name");
        }
        if (classes == null || classes.size() < 2) {
            throw new IllegalArgumentException("head '" + name + "' needs at least two classes, has " + classes);
        }
        classes = List.copyOf(classes);
    }

    /** Number of classes (width of the head's output). */
    public int size() {
        return classes.size();
    }
}
