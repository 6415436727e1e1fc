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

    /** Ordinal scales shown in their natural order rather than the model's (alphabetical) one. */
    private static final List<List<String>> SCALES = List.of(List.of("low", "medium", "high"),
            List.of("negative", "neutral", "positive"));

    /**
     * The order in which people read this head's classes: a known ordinal scale (low, medium, high;
     * negative, neutral, positive) in its natural order, anything else in the model's order. Output
     * columns and confusion matrices use it; the logits keep the model's order.
     *
     * @return model class indices in display order
     */
    public int[] displayOrder() {
        for (List<String> scale : SCALES) {
            if (classes.size() == scale.size() && classes.containsAll(scale)) {
                return scale.stream().mapToInt(classes::indexOf).toArray();
            }
        }
        return java.util.stream.IntStream.range(0, classes.size()).toArray();
    }

    /**
     * The class index of one clip per head, the mapping every scorer uses.
     *
     * @param heads the heads
     * @param labels a clip's label column to class
     * @return class index per head; -1 where the clip has no label or one the head does not know
     */
    public static int[] classIndices(List<HeadSpec> heads, java.util.Map<String, String> labels) {
        int[] out = new int[heads.size()];
        for (int h = 0; h < out.length; h++) {
            String v = labels.get(heads.get(h).name());
            out[h] = v == null ? -1 : heads.get(h).classes().indexOf(v);
        }
        return out;
    }
}
