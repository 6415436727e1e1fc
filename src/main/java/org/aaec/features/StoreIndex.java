package org.aaec.features;

import java.util.List;

/**
 * The store's {@code index.json}: settings, their fingerprint and one entry per stored clip, so a
 * reader finds every clip without decoding audio or opening every feature file. Only facts about
 * the clips' audio are here; speakers, labels and splits belong to the manifests of the runs that
 * use the store.
 *
 * @param format always {@value FeatureStore#FORMAT}
 * @param version format version
 * @param features feature settings
 * @param fingerprint {@link FeatureConfig#fingerprint()} of the settings
 * @param audioSeconds total decoded audio (before cutting or padding) of the stored clips
 * @param clips stored clips
 */
public record StoreIndex(String format, int version, FeatureConfig features, String fingerprint,
        double audioSeconds, List<Entry> clips) {

    /**
     * One stored clip.
     *
     * @param id clip id
     * @param file feature file relative to the store
     * @param audio the audio it came from (file, and segment when it is one)
     * @param samples decoded samples before cutting or padding
     * @param frames T
     * @param bins F
     */
    public record Entry(String id, String file, String audio, int samples, int frames, int bins) {
    }
}
