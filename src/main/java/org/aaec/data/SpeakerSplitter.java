package org.aaec.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Assigns splits by speaker, so that no speaker is in two of train, validation and test (SPEC.md:
 * evaluation is speaker-independent). The same seed gives the same splits.
 */
public final class SpeakerSplitter {

    private SpeakerSplitter() {
    }

    /**
     * Splits speakers in the given proportions: validation and test get
     * {@code round(share * speakers)} speakers each (at least one when their share is positive and
     * there are at least three speakers), train gets the rest.
     *
     * @param manifest clips; existing splits are replaced
     * @param validationShare share of speakers for validation
     * @param testShare share of speakers for test
     * @param seed fixes the assignment
     * @return the manifest with every clip's split set
     */
    public static Manifest split(Manifest manifest, double validationShare, double testShare, long seed) {
        if (validationShare < 0 || testShare < 0 || validationShare + testShare >= 1) {
            throw new IllegalArgumentException("validation and test shares must be >= 0 and sum below 1: "
                    + validationShare + ", " + testShare);
        }
        List<String> speakers = shuffledSpeakers(manifest, seed);
        int n = speakers.size();
        int nVal = count(validationShare, n);
        int nTest = count(testShare, n);
        if (nVal + nTest >= n) {
            throw new IllegalArgumentException("only " + n + " speakers: too few for a train, validation and test split");
        }
        Map<String, Split> bySpeaker = new HashMap<>();
        for (int i = 0; i < n; i++) {
            bySpeaker.put(speakers.get(i), i < nTest ? Split.TEST : i < nTest + nVal ? Split.VALIDATION : Split.TRAIN);
        }
        return manifest.map(e -> e.withSplit(bySpeaker.get(e.speakerGroup())));
    }

    /**
     * K-fold cross-validation by speaker: speakers are dealt into k folds; in fold {@code i}, fold i's
     * speakers are the test set, fold {@code (i + 1) mod k}'s the validation set, the rest train.
     *
     * @param manifest clips
     * @param k number of folds, at least 3
     * @param seed fixes the assignment
     * @return k manifests, one per fold
     */
    public static List<Manifest> kFold(Manifest manifest, int k, long seed) {
        List<String> speakers = shuffledSpeakers(manifest, seed);
        if (k < 3 || k > speakers.size()) {
            throw new IllegalArgumentException("k must be between 3 and the number of speakers ("
                    + speakers.size() + "): " + k);
        }
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < speakers.size(); i++) {
            fold.put(speakers.get(i), i % k);
        }
        List<Manifest> folds = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int test = i;
            int val = (i + 1) % k;
            folds.add(manifest.map(e -> {
                int f = fold.get(e.speakerGroup());
                return e.withSplit(f == test ? Split.TEST : f == val ? Split.VALIDATION : Split.TRAIN);
            }));
        }
        return folds;
    }

    private static List<String> shuffledSpeakers(Manifest manifest, long seed) {
        List<String> speakers = new ArrayList<>(new TreeSet<>(manifest.speakers(null))); // sorted: order-independent
        java.util.Collections.shuffle(speakers, new Random(seed));
        return speakers;
    }

    private static int count(double share, int n) {
        if (share <= 0) {
            return 0;
        }
        return n >= 3 ? Math.max(1, (int) Math.round(share * n)) : (int) Math.round(share * n);
    }
}
