package org.aaec.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where one set of clips comes from, said once: a manifest CSV or a corpus folder of some layout,
 * with its label map and, when the clips have no split, how to assign a speaker-independent one.
 * The command line's corpus options and each entry of a training config's {@code data:} (and
 * {@code evaluate:}) build one, so both can say the same things.
 *
 * <p>Every field but one of {@code input} and {@code manifest} is optional; {@code null} means the
 * default given below. Contradictions are errors naming the key.
 *
 * @param name short name of the source, used to keep its speakers and clip ids apart when sources are
 *     pooled; default: the folder name of {@code input} or the file name of {@code manifest}
 * @param input a corpus folder, read according to {@code corpus}
 * @param manifest a manifest CSV instead of {@code input}
 * @param corpus layout of {@code input}: auto (default), ravdess, emodb, folder-per-class, plain,
 *     muse-topic
 * @param labelMap table replacing the corpus's built-in emotion → arousal/valence mapping (for
 *     ravdess, emodb and folder-per-class)
 * @param labelColumn the label column that the folders of a folder-per-class corpus name (default
 *     {@code emotion})
 * @param audioDir MuSe-Topic: folder with the audio (default {@code input/audio})
 * @param segments MuSe-Topic: segment table {@code id,segment_id,start,end} in milliseconds
 * @param validationShare share of speakers for validation when a split is assigned (default 0.15)
 * @param testShare share of speakers for test when a split is assigned (default 0.15)
 * @param splitSeed seed of the speaker split; default: the run's seed (or {@code --seed})
 * @param folds K of a K-fold speaker split instead of shares, or {@code null}
 * @param fold which fold of {@code folds} (0-based, default 0)
 * @param resplit assign new splits even when the manifest has them (default false)
 * @param store feature store folder; default {@code stores/<name>-<feature settings>}
 */
public record DataSource(String name, String input, String manifest, String corpus, String labelMap,
        String labelColumn, String audioDir, String segments, Double validationShare, Double testShare,
        Long splitSeed, Integer folds, Integer fold, Boolean resplit, String store) {

    /**
     * @param k number of folds
     * @param i this fold (0-based)
     * @param seed seed of the speaker partition (kept unless the source sets its own)
     * @return this source with a K-fold speaker split, assigned anew even where a manifest has splits
     */
    public DataSource withFold(int k, int i, long seed) {
        return new DataSource(name, input, manifest, corpus, labelMap, labelColumn, audioDir, segments, validationShare,
                testShare, splitSeed != null ? splitSeed : seed, k, i, true, store);
    }

    /** Default share of speakers for validation and for test. */
    public static final double DEFAULT_SHARE = 0.15;

    /** Fills in defaults and checks that the settings agree, naming the key that does not. */
    public DataSource {
        boolean hasInput = input != null && !input.isBlank();
        boolean hasManifest = manifest != null && !manifest.isBlank();
        if (hasInput && hasManifest) {
            throw new IllegalArgumentException("give either 'input' (a corpus folder) or 'manifest' (a CSV), not "
                    + "both: input=" + input + ", manifest=" + manifest);
        }
        if (!hasInput && !hasManifest) {
            throw new IllegalArgumentException("a data source needs 'input' (a corpus folder) or 'manifest' "
                    + "(a CSV)");
        }
        input = hasInput ? input : null;
        manifest = hasManifest ? manifest : null;
        corpus = corpus == null || corpus.isBlank() ? "auto" : corpus;
        if (!corpus.equalsIgnoreCase("auto")) {
            try {
                CorpusKind.parse(corpus);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'corpus': " + e.getMessage(), e);
            }
            if (hasManifest) {
                throw new IllegalArgumentException("'corpus' describes the layout of 'input'; a manifest has "
                        + "none (corpus=" + corpus + ")");
            }
        }
        labelColumn = labelColumn == null || labelColumn.isBlank() ? "emotion" : labelColumn;
        validationShare = validationShare == null ? DEFAULT_SHARE : validationShare;
        testShare = testShare == null ? DEFAULT_SHARE : testShare;
        if (validationShare < 0 || testShare < 0 || validationShare + testShare >= 1) {
            throw new IllegalArgumentException("'validationShare' and 'testShare' must be at least 0 and sum "
                    + "below 1: " + validationShare + ", " + testShare);
        }
        fold = fold == null ? 0 : fold;
        if (folds != null && (folds < 3 || fold < 0 || fold >= folds)) {
            throw new IllegalArgumentException("'folds' must be at least 3 and 'fold' between 0 and folds - 1: "
                    + "folds=" + folds + ", fold=" + fold);
        }
        if (folds == null && fold != 0) {
            throw new IllegalArgumentException("'fold' needs 'folds' (fold=" + fold + ")");
        }
        resplit = resplit != null && resplit;
        if (name == null || name.isBlank()) {
            name = defaultName(hasInput ? input : manifest, hasManifest);
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("'name' may use letters, digits, '.', '_' and '-' only: '" + name
                    + "'");
        }
        store = store == null || store.isBlank() ? null : store;
    }

    /**
     * @param folder a corpus folder
     * @return a source reading it with the defaults
     */
    public static DataSource folder(String folder) {
        return new DataSource(null, folder, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static String defaultName(String path, boolean isManifest) {
        Path p = Path.of(path).toAbsolutePath().normalize();
        String n = p.getFileName() == null ? "data" : p.getFileName().toString();
        if (isManifest) {
            n = n.replaceFirst("\\.[^.]*$", "");
        }
        n = n.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() ? "data" : n;
    }

    /** What the source reads, for messages and reports: the folder or manifest. */
    @JsonIgnore
    public String location() {
        return input != null ? input : manifest;
    }

    /**
     * Reads the clips and, where they have no split (or {@code resplit}), assigns a
     * speaker-independent one.
     *
     * @param defaultSeed split seed when {@code splitSeed} is not set
     * @return the clips with splits
     * @throws IOException when the manifest or folder cannot be read
     * @throws IllegalArgumentException when the content is wrong (naming the file)
     */
    public Manifest load(long defaultSeed) throws IOException {
        Manifest m = read();
        if (m.hasSplits() && !resplit) {
            return m;
        }
        long seed = splitSeed != null ? splitSeed : defaultSeed;
        if (folds != null) {
            return SpeakerSplitter.kFold(m, folds, seed).get(fold);
        }
        return SpeakerSplitter.split(m, validationShare, testShare, seed);
    }

    /**
     * Reads the clips as they are, without assigning splits.
     *
     * @return the clips
     * @throws IOException when reading fails
     */
    public Manifest read() throws IOException {
        if (manifest != null) {
            return ManifestCsv.read(Path.of(manifest));
        }
        Path root = Path.of(input);
        CorpusKind kind = corpus.equalsIgnoreCase("auto") ? CorpusKind.detect(root) : CorpusKind.parse(corpus);
        LabelMap map = labelMap == null ? null : LabelMap.load(Path.of(labelMap));
        return kind.reader(map, labelColumn, audioDir == null ? null : Path.of(audioDir),
                segments == null ? null : Path.of(segments), root).read(root);
    }
}
