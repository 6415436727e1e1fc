package org.aaec.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads corpora whose file names encode speaker and emotion (RAVDESS, EmoDB): a regular expression
 * picks the speaker and the emotion code out of each name, a code table names the emotion, and a
 * {@link LabelMap} derives arousal and valence. Files that do not match are skipped with a warning.
 */
public final class PatternCorpusReader implements CorpusReader {

    private static final Logger LOG = LoggerFactory.getLogger(PatternCorpusReader.class);

    private final String name;
    private final Pattern pattern;
    private final String speakerPrefix;
    private final Map<String, String> emotionCodes;
    private final LabelMap labelMap;

    /**
     * @param name corpus name for messages
     * @param pattern matched against the file stem; groups {@code speaker} and {@code emotion}
     * @param speakerPrefix prefixed to the speaker code (so speakers of two corpora never collide)
     * @param emotionCodes emotion code → emotion name
     * @param labelMap emotion name → derived labels
     */
    public PatternCorpusReader(String name, Pattern pattern, String speakerPrefix, Map<String, String> emotionCodes,
            LabelMap labelMap) {
        this.name = name;
        this.pattern = pattern;
        this.speakerPrefix = speakerPrefix;
        this.emotionCodes = Map.copyOf(emotionCodes);
        this.labelMap = labelMap;
    }

    /** RAVDESS speech: {@code MM-VV-EE-II-SS-RR-AA}, emotion in field 3, actor in field 7. */
    public static PatternCorpusReader ravdess(LabelMap map) {
        return new PatternCorpusReader("RAVDESS",
                Pattern.compile("\\d\\d-\\d\\d-(?<emotion>0[1-8])-\\d\\d-\\d\\d-\\d\\d-(?<speaker>\\d\\d)"),
                "ravdess_actor_",
                Map.of("01", "neutral", "02", "calm", "03", "happy", "04", "sad", "05", "angry", "06", "fearful",
                        "07", "disgust", "08", "surprised"), map);
    }

    /** EmoDB: {@code SSTTTEV}, speaker in the first two digits, emotion as a German initial. */
    public static PatternCorpusReader emodb(LabelMap map) {
        return new PatternCorpusReader("EmoDB",
                Pattern.compile("(?<speaker>\\d\\d)[a-z]\\d\\d(?<emotion>[WLEAFTN])[a-z]"), "emodb_speaker_",
                Map.of("W", "anger", "L", "boredom", "E", "disgust", "A", "fear", "F", "happiness", "T", "sadness",
                        "N", "neutral"), map);
    }

    @Override
    public Manifest read(Path root) throws IOException {
        List<Path> files = AudioFiles.list(root);
        Map<Path, String> ids = ClipIds.assign(files, root);
        List<ManifestEntry> entries = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        columns.add(labelMap.sourceColumn());
        columns.addAll(labelMap.targetColumns());
        int skipped = 0;
        for (Path f : files) {
            Matcher m = pattern.matcher(ClipIds.stem(f));
            if (!m.matches()) {
                LOG.warn("{}: skipped, name does not follow the {} naming scheme", f, name);
                skipped++;
                continue;
            }
            String emotion = emotionCodes.get(m.group("emotion"));
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put(labelMap.sourceColumn(), emotion);
            try {
                labels.putAll(labelMap.derive(emotion));
            } catch (IllegalArgumentException e) {
                throw new ManifestException(f, 0, e.getMessage());
            }
            entries.add(ManifestEntry.of(ids.get(f), f, speakerPrefix + m.group("speaker"), labels));
        }
        if (entries.isEmpty()) {
            throw new ManifestException(root, 0, "no " + name + " clips found (" + files.size()
                    + " audio files, " + skipped + " with other names)");
        }
        return new Manifest(columns, entries);
    }
}
