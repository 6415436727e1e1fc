package org.aaec.features;

/**
 * What the store knows about one finished clip: one line of the store's journal.
 *
 * @param id clip id (the feature file is {@code clips/<id>.npy})
 * @param samples decoded samples before cutting or padding, at the store's sample rate
 * @param frames T of the stored spectrogram
 * @param bins F of the stored spectrogram
 * @param audio the audio it was made from ({@link #audioKey}); {@code null} in stores written before
 *     this was recorded
 */
public record ClipRecord(String id, int samples, int frames, int bins, String audio) {

    /**
     * The identity of a clip's audio: the absolute file, and the segment when it is one.
     *
     * @param file audio file
     * @param start segment start in seconds, or {@code null}
     * @param end segment end in seconds, or {@code null}
     * @return e.g. {@code /data/a.wav} or {@code /data/a.wav#1.5-3.0}
     */
    public static String audioKey(java.nio.file.Path file, Double start, Double end) {
        String f = file.toAbsolutePath().normalize().toString();
        return start == null ? f : f + "#" + start + "-" + end;
    }

    /**
     * @param key the audio key of the clip wanted
     * @return whether this record was made from that audio (records without a key are trusted)
     */
    public boolean madeFrom(String key) {
        return audio == null || audio.equals(key);
    }
}
