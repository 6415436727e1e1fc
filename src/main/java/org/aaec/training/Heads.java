package org.aaec.training;

import java.util.ArrayList;
import java.util.List;
import org.aaec.data.Manifest;
import org.aaec.model.HeadSpec;

/** Which classification heads a run trains: one per label column, with the classes the data has. */
public final class Heads {

    private Heads() {
    }

    /**
     * @param wanted label columns asked for; empty for arousal and valence when the data has both,
     *     else every label column
     * @param manifest the clips
     * @return one head per column, classes sorted
     * @throws IllegalArgumentException naming a column that is missing or has fewer than two classes
     */
    public static List<HeadSpec> of(List<String> wanted, Manifest manifest) {
        List<String> names = wanted;
        if (names == null || names.isEmpty()) {
            names = manifest.labelColumns().containsAll(List.of("arousal", "valence")) ? List.of("arousal", "valence")
                    : manifest.labelColumns();
        }
        List<HeadSpec> heads = new ArrayList<>();
        for (String n : names) {
            if (!manifest.labelColumns().contains(n)) {
                throw new IllegalArgumentException("label column '" + n + "' is not in the data (it has "
                        + manifest.labelColumns() + ")");
            }
            List<String> classes = manifest.classes(n);
            if (classes.size() < 2) {
                throw new IllegalArgumentException("label column '" + n + "' has " + classes.size()
                        + " class(es); a head needs at least two");
            }
            heads.add(new HeadSpec(n, classes));
        }
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("the data has no label columns to train on");
        }
        return heads;
    }
}
