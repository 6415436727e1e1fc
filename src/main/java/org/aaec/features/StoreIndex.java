package org.aaec.features;

import java.util.List;
import java.util.Map;

/**
 * The store's {@code index.json}: settings, their fingerprint and one entry per stored clip, so
 * a later run finds everything without decoding audio or opening every feature file.
 *
 * @param format always {@value FeatureStore#FORMAT}
 * @param version format version
 * @param features feature settings
 * @param fingerprint {@link FeatureConfig#fingerprint()} of the settings
 * @param labelColumns label columns of the manifest
 * @param audioSeconds total decoded audio (before cutting or padding) of the stored clips
 * @param clips stored clips
 */
public record StoreIndex(String format, int version, FeatureConfig features, String fingerprint,
        List<String> labelColumns, double audioSeconds, List<Entry> clips) {

    /**
     * One stored clip.
     *
     * @param id clip id
     * @param file feature file relative to the store
     * @param audio the audio file it came from
     * @param speaker speaker, blank when unknown
     * @param split train / validation / test
     * @param labels label column to class
     * @param samples decoded samples before cutting or padding
     * @param frames T
     * @param bins F
     */
    public record Entry(String id, String file, String audio, String speaker, String split,
            Map<String, String> labels, int samples, int frames, int bins) {
    }
}
