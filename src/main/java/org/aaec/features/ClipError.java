package org.aaec.features;

/**
 * A clip that could not be turned into features, as listed in the store's {@code errors.csv}.
 *
 * @param id clip id
 * @param file the audio file
 * @param problem short kind of problem (e.g. CORRUPT, MISSING)
 * @param message the full message, naming the file
 */
public record ClipError(String id, String file, String problem, String message) {
}
