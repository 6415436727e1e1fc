package org.aaec.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aaec.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers reproduce the clip, speaker and class counts that the corpus READMEs publish. */
class CorpusReadersTest {

    @TempDir
    Path dir;

    private static Map<String, Long> counts(Manifest m, String column) {
        return m.entries().stream().collect(Collectors.groupingBy(e -> e.labels().get(column), Collectors.counting()));
    }

    @Test
    void ravdessMatchesItsReadme() throws Exception {
        Manifest m = PatternCorpusReader.ravdess(LabelMap.builtin("ravdess")).read(Shared.corpus("ravdess"));
        assertEquals(1440, m.size());
        assertEquals(24, m.speakers(null).size());
        assertEquals(List.of("emotion", "arousal", "valence"), m.labelColumns());
        assertEquals(Map.of("low", 384L, "medium", 288L, "high", 768L), counts(m, "arousal"));
        assertEquals(Map.of("negative", 768L, "neutral", 288L, "positive", 384L), counts(m, "valence"));
        assertEquals(96L, counts(m, "emotion").get("neutral"));
        ManifestEntry e = m.entries().stream().filter(x -> x.id().equals("03-01-05-01-02-01-12")).findFirst()
                .orElseThrow();
        assertEquals("ravdess_actor_12", e.speaker());
        assertEquals(Map.of("emotion", "angry", "arousal", "high", "valence", "negative"), e.labels());
    }

    @Test
    void emodbMatchesItsReadme() throws Exception {
        Manifest m = PatternCorpusReader.emodb(LabelMap.builtin("emodb")).read(Shared.corpus("emodb"));
        assertEquals(535, m.size());
        assertEquals(10, m.speakers(null).size());
        assertEquals(Map.of("high", 267L, "medium", 125L, "low", 143L), counts(m, "arousal"));
        assertEquals(Map.of("negative", 385L, "neutral", 79L, "positive", 71L), counts(m, "valence"));
        assertEquals(Map.of("anger", 127L, "fear", 69L, "happiness", 71L, "neutral", 79L, "disgust", 46L,
                "boredom", 81L, "sadness", 62L), counts(m, "emotion"));
    }

    @Test
    void folderPerClassTakesTheClassFromTheFirstFolder() throws Exception {
        for (String f : List.of("happy/a.wav", "happy/x/b.flac", "sad/a.wav", "stray.wav", "sad/readme.txt")) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }
        Manifest m = new FolderPerClassReader("emotion", null).read(dir);
        Map<String, String> byId = m.entries().stream()
                .collect(Collectors.toMap(ManifestEntry::id, e -> e.labels().get("emotion")));
        assertEquals(Map.of("happy__a", "happy", "b", "happy", "sad__a", "sad"), byId, "colliding stems get paths");
        assertEquals(3, m.speakers(null).size(), "unknown speakers: one group per clip");
    }

    @Test
    void museTopicLabelFilesOfTheMuseShape() throws Exception {
        Path agg = Files.createDirectories(dir.resolve("label_segments/aggregated"));
        Files.writeString(agg.resolve("train.csv"), """
                id,segment_id,label_arousal,label_valence,label_topic
                5,1,0,2,3
                5,2,1,1,3
                7,1,2,0,9
                """);
        Files.writeString(agg.resolve("devel.csv"), """
                id,segment_id,label_arousal,label_valence,label_topic
                11,1,1,2,4
                """);
        Files.writeString(agg.resolve("test.csv"), "id,segment_id,label_arousal,label_valence,label_topic\n12,3,,,\n");
        Path audio = Files.createDirectories(dir.resolve("audio/5"));
        Files.writeString(audio.resolve("1.wav"), "x");
        Files.writeString(dir.resolve("audio/7.mp4"), "x");
        Path times = Files.writeString(dir.resolve("segments.csv"), "id,segment_id,start,end\n7,1,1500,4250\n");

        Manifest m = new MuseTopicReader(dir.resolve("audio"), times).read(dir);

        assertEquals(List.of("arousal", "valence", "topic"), m.labelColumns());
        Map<String, ManifestEntry> byId = m.entries().stream()
                .collect(Collectors.toMap(ManifestEntry::id, Function.identity()));
        assertEquals(5, m.size());
        assertEquals(Split.TRAIN, byId.get("5_1").split());
        assertEquals(Split.VALIDATION, byId.get("11_1").split());
        assertEquals(Split.TEST, byId.get("12_3").split());
        assertEquals("", byId.get("12_3").labels().get("arousal"));
        assertEquals(dir.resolve("audio/5/1.wav"), byId.get("5_1").path());
        assertEquals(Map.of("arousal", "0", "valence", "2", "topic", "3"), byId.get("5_1").labels());
        assertEquals(dir.resolve("audio/7.mp4"), byId.get("7_1").path());
        assertEquals(1.5, byId.get("7_1").start());
        assertEquals(4.25, byId.get("7_1").end());
        assertTrue(Files.notExists(byId.get("5_2").path()), "missing audio keeps a path the extractor reports");
    }

    @Test
    void labelMapDerivesAndRejectsUnknownClasses() throws Exception {
        Path csv = Files.writeString(dir.resolve("map.csv"), "emotion,arousal,valence\njoy,high,positive\n");
        LabelMap map = LabelMap.load(csv);
        assertEquals(Map.of("arousal", "high", "valence", "positive"), map.derive("joy"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> map.derive("rage"));
        assertTrue(e.getMessage().contains("rage") && e.getMessage().contains(csv.toString()), e.getMessage());
        Path bad = Files.writeString(dir.resolve("bad.csv"), "emotion,arousal\njoy,high,extra\n");
        ManifestException m = assertThrows(ManifestException.class, () -> LabelMap.load(bad));
        assertTrue(m.getMessage().startsWith(bad + ":2:"), m.getMessage());
    }
}
