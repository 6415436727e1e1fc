package org.aaec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The corpus layouts aaec can read without a manifest, and detection of the known ones. */
public enum CorpusKind {
    /** RAVDESS speech file names (label map: built-in ravdess). */
    RAVDESS,
    /** EmoDB file names (label map: built-in emodb). */
    EMODB,
    /** root/&lt;class&gt;/file. */
    FOLDER_PER_CLASS,
    /** any audio files, unlabelled. */
    PLAIN,
    /** MuSe-Topic label_segments/aggregated files. */
    MUSE_TOPIC;

    private static final Pattern RAVDESS_NAME = Pattern.compile("\\d\\d(-\\d\\d){6}");
    private static final Pattern EMODB_NAME = Pattern.compile("\\d\\d[a-z]\\d\\d[WLEAFTN][a-z]");

    /**
     * Recognises RAVDESS and EmoDB by their file names and MuSe-Topic by its label folder;
     * anything else is a plain folder.
     *
     * @param root corpus folder
     * @return the detected kind
     * @throws IOException when the folder cannot be listed
     */
    public static CorpusKind detect(Path root) throws IOException {
        if (Files.isDirectory(root.resolve("label_segments").resolve("aggregated"))) {
            return MUSE_TOPIC;
        }
        List<String> stems = AudioFiles.list(root).stream().map(ClipIds::stem).toList();
        if (!stems.isEmpty() && stems.stream().allMatch(s -> RAVDESS_NAME.matcher(s).matches())) {
            return RAVDESS;
        }
        if (!stems.isEmpty() && stems.stream().allMatch(s -> EMODB_NAME.matcher(s).matches())) {
            return EMODB;
        }
        return PLAIN;
    }

    /**
     * @param labelMap a label map to use instead of the built-in one, or null
     * @param labelName the label column of {@link #FOLDER_PER_CLASS}
     * @param audioDir the audio folder of {@link #MUSE_TOPIC}, or null for {@code root/audio}
     * @param segments the segment table of {@link #MUSE_TOPIC}, or null
     * @param root the corpus folder
     * @return a reader for this layout
     */
    public CorpusReader reader(LabelMap labelMap, String labelName, Path audioDir, Path segments, Path root) {
        return switch (this) {
            case RAVDESS -> PatternCorpusReader.ravdess(labelMap != null ? labelMap : LabelMap.builtin("ravdess"));
            case EMODB -> PatternCorpusReader.emodb(labelMap != null ? labelMap : LabelMap.builtin("emodb"));
            case FOLDER_PER_CLASS -> new FolderPerClassReader(labelName);
            case PLAIN -> new PlainFolderReader();
            case MUSE_TOPIC -> new MuseTopicReader(audioDir != null ? audioDir : root.resolve("audio"), segments);
        };
    }
}
