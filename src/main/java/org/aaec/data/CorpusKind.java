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
     * Recognises RAVDESS and EmoDB by their file names and MuSe-Topic by its label folder; a folder
     * where no file follows a known naming scheme is a plain (unlabelled) folder. A folder where most
     * files follow one scheme but some do not is an error naming the first stray file: reading it as
     * plain would silently drop every label.
     *
     * @param root corpus folder
     * @return the detected kind
     * @throws IOException when the folder cannot be listed
     * @throws IllegalArgumentException naming a stray file in an otherwise recognised corpus
     */
    public static CorpusKind detect(Path root) throws IOException {
        if (Files.isDirectory(root.resolve("label_segments").resolve("aggregated"))) {
            return MUSE_TOPIC;
        }
        List<Path> files = AudioFiles.list(root);
        for (CorpusKind kind : List.of(RAVDESS, EMODB)) {
            Pattern p = kind == RAVDESS ? RAVDESS_NAME : EMODB_NAME;
            List<Path> stray = files.stream().filter(f -> !p.matcher(ClipIds.stem(f)).matches()).toList();
            int matching = files.size() - stray.size();
            if (matching == 0) {
                continue;
            }
            if (stray.isEmpty()) {
                return kind;
            }
            if (matching > stray.size()) {
                throw new IllegalArgumentException(root + ": looks like " + kind.id() + " (" + matching + " of "
                        + files.size() + " files follow its naming) but " + stray.get(0) + (stray.size() > 1
                        ? " and " + (stray.size() - 1) + " other file(s) do" : " does") + " not; move "
                        + (stray.size() > 1 ? "them" : "it") + " away, pass --corpus " + kind.id()
                        + " (config: corpus: " + kind.id() + ") to skip such files, or --corpus plain to read the folder "
                        + "unlabelled");
            }
        }
        return PLAIN;
    }

    /**
     * @param name a corpus layout name ({@code folder-per-class} or {@code folder_per_class})
     * @return the layout
     * @throws IllegalArgumentException listing the known names
     */
    public static CorpusKind parse(String name) {
        try {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown corpus layout '" + name
                    + "' (use auto, ravdess, emodb, folder-per-class, plain, muse-topic)");
        }
    }

    /** The layout's name as options and configs spell it, e.g. {@code folder-per-class}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
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
            case FOLDER_PER_CLASS -> new FolderPerClassReader(labelName, labelMap);
            case PLAIN -> new PlainFolderReader();
            case MUSE_TOPIC -> new MuseTopicReader(audioDir != null ? audioDir : root.resolve("audio"), segments);
        };
    }
}
