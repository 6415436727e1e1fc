package org.aaec.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One clip of a corpus.
 *
 * @param id unique name of the clip, used as its feature file name
 * @param path the audio file
 * @param speaker who speaks; blank when unknown (the clip then forms its own speaker group)
 * @param labels label column to class name; a blank value means unlabelled
 * @param split the split, or null when not assigned yet
 * @param start segment start in seconds within the file, or null for the whole file
 * @param end segment end in seconds, or null for the whole file
 */
public record ManifestEntry(String id, Path path, String speaker, Map<String, String> labels, Split split,
        Double start, Double end) {

    /** Checks the invariants and freezes the labels. */
    public ManifestEntry {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("clip id must not be blank (file " + path + ")");
        }
        String unsafe = ClipIds.whyUnsafe(id);
        if (unsafe != null) {
            throw new IllegalArgumentException("clip id '" + ClipIds.printable(id) + "' " + unsafe
                    + ": an id names the clip's feature file and must not be a path");
        }
        if (path == null) {
            throw new IllegalArgumentException("clip " + id + " has no path");
        }
        speaker = speaker == null ? "" : speaker;
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        if ((start == null) != (end == null)) {
            throw new IllegalArgumentException("clip " + id + ": give both start and end, or neither");
        }
        if (start != null && !(end > start)) {
            throw new IllegalArgumentException("clip " + id + ": end " + end + " must be after start " + start);
        }
    }

    /** A whole-file clip without split. */
    public static ManifestEntry of(String id, Path path, String speaker, Map<String, String> labels) {
        return new ManifestEntry(id, path, speaker, labels, null, null, null);
    }

    /** The same clip in another split. */
    public ManifestEntry withSplit(Split newSplit) {
        return new ManifestEntry(id, path, speaker, labels, newSplit, start, end);
    }

    /** The key that groups clips of one speaker; a clip of unknown speaker is its own group. */
    public String speakerGroup() {
        return speaker.isBlank() ? "clip:" + id : speaker;
    }

    /** Whether this clip is a segment of a longer file. */
    public boolean isSegment() {
        return start != null;
    }
}
