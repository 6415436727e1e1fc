package org.aaec.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest CSV format: what is documented is what is read, and written back unchanged. */
class ManifestCsvTest {

    @TempDir
    Path dir;

    @Test
    void readsDocumentedColumnsAndResolvesRelativePaths() throws Exception {
        Path csv = Files.writeString(dir.resolve("m.csv"), """
                path,speaker,emotion,arousal,split
                audio/a.wav,spk1,happy,high,train
                /abs/b.flac,spk2,sad,low,devel
                c.mp3,,neutral,medium,
                """);
        Manifest m = ManifestCsv.read(csv);
        assertEquals(List.of("emotion", "arousal"), m.labelColumns());
        ManifestEntry a = m.entries().get(0);
        assertEquals("a", a.id());
        assertEquals(dir.resolve("audio/a.wav"), a.path());
        assertEquals(Map.of("emotion", "happy", "arousal", "high"), a.labels());
        assertEquals(Split.TRAIN, a.split());
        assertEquals(Split.VALIDATION, m.entries().get(1).split());
        assertEquals(Path.of("/abs/b.flac"), m.entries().get(1).path());
        assertEquals(null, m.entries().get(2).split());
        assertEquals("clip:c", m.entries().get(2).speakerGroup());
    }

    @Test
    void writeThenReadIsIdentity() throws Exception {
        Manifest m = new Manifest(List.of("valence"), List.of(
                new ManifestEntry("x1", dir.resolve("x.wav"), "s", Map.of("valence", "positive"), Split.TEST, null, null),
                new ManifestEntry("y", dir.resolve("sub/y.mp4"), "t", Map.of("valence", "negative"), Split.TRAIN,
                        1.25, 3.5)));
        Path csv = dir.resolve("out/m.csv");
        ManifestCsv.write(m, csv);
        assertEquals(m, ManifestCsv.read(csv));
    }

    @Test
    void errorsNameFileAndLine() throws Exception {
        Path noPath = Files.writeString(dir.resolve("a.csv"), "file,emotion\nx.wav,happy\n");
        assertTrue(assertThrows(ManifestException.class, () -> ManifestCsv.read(noPath)).getMessage()
                .startsWith(noPath + ":1: no 'path' column"));
        Path badSplit = Files.writeString(dir.resolve("b.csv"), "path,split\nx.wav,train\ny.wav,holdout\n");
        assertTrue(assertThrows(ManifestException.class, () -> ManifestCsv.read(badSplit)).getMessage()
                .startsWith(badSplit + ":3: unknown split 'holdout'"));
        Path dup = Files.writeString(dir.resolve("c.csv"), "id,path\nq,x.wav\nq,y.wav\n");
        assertTrue(assertThrows(ManifestException.class, () -> ManifestCsv.read(dup)).getMessage()
                .contains("duplicate clip id 'q'"));
        assertTrue(assertThrows(ManifestException.class, () -> ManifestCsv.read(dir.resolve("none.csv")))
                .getMessage().contains("does not exist"));
    }
}
