package org.aaec.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.Map;
import org.aaec.data.ManifestEntry;
import org.aaec.features.ClipRecord;
import org.aaec.features.FeatureStore;
import org.aaec.features.Normalization;
import org.aaec.features.Spectrogram;
import org.aaec.model.HeadSpec;

/**
 * The clips of one split held in memory as network input (T×F, row-major) with their class index
 * per head. Loaded from a feature store as raw power; a run measures its normalisation statistics on
 * its training set ({@link #measureNormalization}) and applies them to every set
 * ({@link #standardise}) in place. Small corpora fit easily: RAVDESS at 4 s is 370 MB.
 */
public final class ClipSet {

    private final List<String> ids;
    private final float[][] features;
    private final int[][] labels;
    private final List<HeadSpec> heads;
    private final int frames;
    private int bins; // changes once, when standardise sums bins into mel bands
    private final int[] validFrames;

    ClipSet(List<String> ids, float[][] features, int[][] labels, List<HeadSpec> heads, int frames, int bins) {
        this(ids, features, labels, heads, frames, bins, null);
    }

    private ClipSet(List<String> ids, float[][] features, int[][] labels, List<HeadSpec> heads, int frames, int bins,
            int[] validFrames) {
        this.ids = List.copyOf(ids);
        this.features = features;
        this.labels = labels;
        this.heads = List.copyOf(heads);
        this.frames = frames;
        this.bins = bins;
        this.validFrames = validFrames;
    }

    /**
     * Loads clips' raw power spectrograms from a feature store. Clips that are not in the store
     * (failed extraction) or whose label for some head is missing or not one of the head's classes
     * are left out.
     *
     * @param store the feature store
     * @param entries the clips wanted (e.g. one split of a manifest)
     * @param heads label heads and their classes
     * @return the clips, raw power
     * @throws IOException when a feature file cannot be read
     */
    public static ClipSet load(FeatureStore store, List<ManifestEntry> entries, List<HeadSpec> heads)
            throws IOException {
        Map<String, ClipRecord> stored = store.finished();
        List<String> ids = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (ManifestEntry e : entries) {
            ClipRecord r = stored.get(e.id());
            if (r == null) {
                continue;
            }
            int[] row = HeadSpec.classIndices(heads, e.labels());
            if (java.util.Arrays.stream(row).allMatch(c -> c >= 0)) {
                ids.add(e.id());
                rows.add(row);
                valid.add(Normalization.validFrames(r.samples(), store.config()));
            }
        }
        float[][] features = new float[ids.size()][];
        try {
            IntStream.range(0, ids.size()).parallel().forEach(i -> {
                try {
                    features[i] = store.get(ids.get(i)).data();
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        int[][] labels = new int[heads.size()][ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            for (int h = 0; h < heads.size(); h++) {
                labels[h][i] = rows.get(i)[h];
            }
        }
        return new ClipSet(ids, features, labels, heads, store.config().frames(), store.config().bins(),
                valid.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Per-bin statistics of log power over this set's frames of real audio (frames that cover only
     * zero-padding are left out). Call on raw power, before {@link #standardise}.
     *
     * @param level {@link Normalization#LEVEL_NONE}, {@link Normalization#LEVEL_UTTERANCE} or
     *     {@link Normalization#LEVEL_SPECTRAL}
     * @param silence {@link Normalization#SILENCE_KEEP} or {@link Normalization#SILENCE_TRIM}
     * @param mel the mel filterbank applied first, or {@code null} for the linear bins
     * @return the statistics
     * @throws IllegalStateException when the set is empty or was not loaded from a store
     */
    public Normalization measureNormalization(String level, String silence, org.aaec.features.MelBands mel) {
        if (validFrames == null) {
            throw new IllegalStateException("normalisation is measured on clips loaded from a store");
        }
        Normalization.Accumulator acc = new Normalization.Accumulator(bins, Normalization.DEFAULT_FLOOR, level, silence,
                mel);
        for (int i = 0; i < size(); i++) {
            try {
                acc.add(new Spectrogram(features[i], frames, bins), validFrames[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("clip '" + ids.get(i) + "': " + e.getMessage(), e);
            }
        }
        return acc.result();
    }

    /**
     * Replaces every clip's raw power by its log-standardised form, in place; with a mel
     * filterbank the set has {@link Normalization#bins()} bands afterwards.
     *
     * @param n statistics (of the training set)
     */
    public void standardise(Normalization n) {
        int in = bins;
        IntStream.range(0, size()).parallel().forEach(i ->
                features[i] = n.apply(new Spectrogram(features[i], frames, in)).data());
        bins = n.bins();
    }

    /**
     * Several sets as one (pooled sources), in order.
     *
     * @param parts sets with the same heads and shape
     * @return the union
     */
    public static ClipSet concat(List<ClipSet> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ClipSet first = parts.get(0);
        List<String> ids = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        int n = parts.stream().mapToInt(ClipSet::size).sum();
        int[][] labels = new int[first.heads.size()][n];
        int at = 0;
        for (ClipSet p : parts) {
            if (!p.heads.equals(first.heads) || p.frames != first.frames || p.bins != first.bins) {
                throw new IllegalArgumentException("clip sets to pool differ in heads or shape");
            }
            ids.addAll(p.ids);
            for (int i = 0; i < p.size(); i++) {
                features.add(p.features[i]);
                valid.add(p.validFrames == null ? p.frames : p.validFrames[i]);
                for (int h = 0; h < labels.length; h++) {
                    labels[h][at] = p.labels[h][i];
                }
                at++;
            }
        }
        return new ClipSet(ids, features.toArray(float[][]::new), labels, first.heads, first.frames, first.bins,
                valid.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Clips given directly (synthetic data for benchmarks, or features computed elsewhere).
     *
     * @param ids clip ids
     * @param features per clip T×F row-major network input
     * @param labels class index {@code [head][clip]}
     * @param heads label heads
     * @param frames T
     * @param bins F
     * @return the set
     */
    public static ClipSet of(List<String> ids, float[][] features, int[][] labels, List<HeadSpec> heads, int frames,
            int bins) {
        for (float[] f : features) {
            if (f.length != frames * bins) {
                throw new IllegalArgumentException("a clip has " + f.length + " values, expected " + frames + " x "
                        + bins);
            }
        }
        return new ClipSet(ids, features, labels, heads, frames, bins);
    }

    /** Number of clips. */
    public int size() {
        return ids.size();
    }

    /** Clip ids in order. */
    public List<String> ids() {
        return ids;
    }

    /** Label heads. */
    public List<HeadSpec> heads() {
        return heads;
    }

    /** T. */
    public int frames() {
        return frames;
    }

    /** F. */
    public int bins() {
        return bins;
    }

    /**
     * @param i clip index
     * @return how many leading frames of clip {@code i} cover real audio (all T for sets not
     *     loaded from a store)
     */
    public int validFrames(int i) {
        return validFrames == null ? frames : validFrames[i];
    }

    /** Features of clip {@code i}, T×F row-major (not copied: do not modify). */
    float[] features(int i) {
        return features[i];
    }

    /**
     * @param head head index
     * @return true class index per clip for that head (a copy)
     */
    public int[] labels(int head) {
        return labels[head].clone();
    }

    int label(int head, int clip) {
        return labels[head][clip];
    }

    /**
     * Every clip's spectrum averaged over time (the summary Figure 5 projects).
     *
     * @return {@code size × bins}, row-major
     */
    public float[] meanSpectra() {
        float[] out = new float[size() * bins];
        for (int i = 0; i < size(); i++) {
            float[] x = features[i];
            for (int t = 0; t < frames; t++) {
                for (int f = 0; f < bins; f++) {
                    out[i * bins + f] += x[t * bins + f] / frames;
                }
            }
        }
        return out;
    }

    /**
     * Class weights for balanced training: {@code n / (K · n_c)} per class (scikit-learn's
     * "balanced"), 1 for a class with no clips.
     *
     * @param head head index
     * @return weight per class
     */
    public float[] balancedWeights(int head) {
        int k = heads.get(head).size();
        int[] counts = new int[k];
        for (int c : labels[head]) {
            counts[c]++;
        }
        float[] w = new float[k];
        for (int c = 0; c < k; c++) {
            w[c] = counts[c] == 0 ? 1f : (float) size() / (k * (float) counts[c]);
        }
        return w;
    }
}
