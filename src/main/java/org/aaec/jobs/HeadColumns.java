package org.aaec.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aaec.model.HeadSpec;
import org.aaec.serving.EmotionPrediction;

/**
 * The per-head columns of the CSV outputs, one place for the rows of {@code predict} and of
 * timelines: each head's class, then the probability of each of its classes in display order
 * (low, medium, high; negative, neutral, positive) to 4 decimals; empty cells where there is no
 * answer.
 */
public final class HeadColumns {

    /** One answer to put in the columns, by head index and class index in the model's order. */
    interface Answer {
        /** The head's class, or {@code null} to leave the head's cells empty. */
        String label(int head);

        /** The probability of a class (formatted as the number it is). */
        Number probability(int head, int cls);
    }

    private final List<HeadSpec> heads;
    private final List<int[]> order = new ArrayList<>();

    /**
     * @param heads the model's heads
     */
    public HeadColumns(List<HeadSpec> heads) {
        this.heads = List.copyOf(heads);
        heads.forEach(h -> order.add(h.displayOrder()));
    }

    /** Per head: its name, then {@code <head>_p_<class>} per class. */
    public List<String> header() {
        List<String> names = new ArrayList<>();
        for (int h = 0; h < heads.size(); h++) {
            names.add(heads.get(h).name());
            for (int c : order.get(h)) {
                names.add(heads.get(h).name() + "_p_" + heads.get(h).classes().get(c));
            }
        }
        return names;
    }

    /** Appends the cells of {@code answer}, or empty cells for every head when it is {@code null}. */
    void add(List<String> cells, Answer answer) {
        for (int h = 0; h < heads.size(); h++) {
            String label = answer == null ? null : answer.label(h);
            cells.add(label == null ? "" : label);
            for (int c : order.get(h)) {
                cells.add(label == null ? "" : String.format(Locale.ROOT, "%.4f", answer.probability(h, c)));
            }
        }
    }

    /** A prediction as an answer, or {@code null} for none. */
    static Answer of(EmotionPrediction p) {
        return p == null ? null : new Answer() {
            @Override
            public String label(int head) {
                return p.heads().get(head).label();
            }

            @Override
            public Number probability(int head, int cls) {
                return p.heads().get(head).probabilities()[cls];
            }
        };
    }
}
