package org.aaec.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads clips from a manifest CSV or from a corpus folder of a known layout, and gives them
 * speaker-independent splits when they have none. Shared by the command line and experiment
 * configs.
 */
public final class CorpusSource {

    private CorpusSource() {
    }

    /**
     * @param manifest a manifest CSV, or {@code null} to read {@code input}
     * @param input a corpus folder
     * @param corpus layout of {@code input}: auto, ravdess, emodb, folder-per-class, plain, muse-topic
     * @param labelMap optional table replacing the corpus's built-in emotion mapping
     * @param labelName label column named by the folders of a folder-per-class corpus
     * @param audioDir MuSe-Topic audio folder, or {@code null}
     * @param segments MuSe-Topic segment table, or {@code null}
     * @return the clips
     * @throws IOException when reading fails
     */
    public static Manifest read(Path manifest, Path input, String corpus, Path labelMap, String labelName,
            Path audioDir, Path segments) throws IOException {
        if (manifest != null) {
            return ManifestCsv.read(manifest);
        }
        if (input == null) {
            throw new IllegalArgumentException("give a manifest or a corpus folder");
        }
        CorpusKind kind = corpus == null || corpus.equalsIgnoreCase("auto") ? CorpusKind.detect(input) : kind(corpus);
        LabelMap map = labelMap == null ? null : LabelMap.load(labelMap);
        return kind.reader(map, labelName, audioDir, segments, input).read(input);
    }

    /**
     * @param name a corpus layout name
     * @return the layout
     * @throws IllegalArgumentException listing the known names
     */
    public static CorpusKind kind(String name) {
        try {
            return CorpusKind.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown corpus layout '" + name
                    + "' (use auto, ravdess, emodb, folder-per-class, plain, muse-topic)");
        }
    }

    /**
     * Keeps existing splits unless {@code resplit}; otherwise assigns speaker-independent ones.
     *
     * @param m clips
     * @param validationShare share of speakers for validation
     * @param testShare share of speakers for test
     * @param folds K for a K-fold split, or {@code null}
     * @param fold which fold of K
     * @param seed split seed
     * @param resplit replace splits the manifest has
     * @return clips with splits
     */
    public static Manifest split(Manifest m, double validationShare, double testShare, Integer folds, int fold,
            long seed, boolean resplit) {
        if (m.hasSplits() && !resplit) {
            return m;
        }
        if (folds != null) {
            if (fold < 0 || fold >= folds) {
                throw new IllegalArgumentException("fold must be between 0 and " + (folds - 1));
            }
            return SpeakerSplitter.kFold(m, folds, seed).get(fold);
        }
        return SpeakerSplitter.split(m, validationShare, testShare, seed);
    }
}
