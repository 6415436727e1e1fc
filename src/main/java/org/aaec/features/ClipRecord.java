package org.aaec.features;

/**
 * What the store knows about one finished clip: one line of the store's journal.
 *
 * @param id clip id (the feature file is {@code clips/<id>.npy})
 * @param samples decoded samples before cutting or padding, at the store's sample rate
 * @param frames T of the stored spectrogram
 * @param bins F of the stored spectrogram
 */
public record ClipRecord(String id, int samples, int frames, int bins) {
}
