package org.aaec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Finds audio and video files below a folder, in a stable (sorted) order. */
public final class AudioFiles {

    /** Extensions treated as audio (or video with an audio track). */
    public static final Set<String> EXTENSIONS = Set.of("wav", "wave", "flac", "mp3", "ogg", "oga", "opus", "m4a",
            "aac", "mp4", "m4v", "mkv", "webm", "mov", "avi", "wma", "aif", "aiff", "au", "caf");

    private AudioFiles() {
    }

    /** Whether the file name has an audio or video extension. */
    public static boolean isAudio(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * @param root a folder
     * @return every audio file below it, recursively, sorted by path
     * @throws IOException naming the folder when it cannot be listed
     */
    public static List<Path> list(Path root) throws IOException {
        return list(root, false);
    }

    /**
     * @param root a folder
     * @param others also return what has an audio file's name but is not a regular file (a folder
     *     named {@code x.wav}, a FIFO, a socket), so that a job reports it instead of passing over it
     * @return those paths below the root, recursively, sorted by path
     * @throws IOException naming the folder when it cannot be listed
     */
    public static List<Path> list(Path root, boolean others) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new ManifestException(root, 0, Files.exists(root) ? "is not a folder" : "folder does not exist");
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> !p.equals(root) && (others || Files.isRegularFile(p))).filter(AudioFiles::isAudio)
                    .sorted().toList();
        }
    }
}
