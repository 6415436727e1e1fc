package org.aaec.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import org.aaec.testutil.Shared;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data source: defaults, contradictions named by key, auto-detection that names a stray file, pooling. */
class DataSourceTest {

    @Test
    void contradictionsNameTheKey() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> new DataSource(null, "a",
                "b.csv", null, null, null, null, null, null, null, null, null, null, null, null));
        assertTrue(both.getMessage().contains("'input'") && both.getMessage().contains("'manifest'"),
                both.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DataSource(null, "a", null, "timit", null,
                null, null, null, null, null, null, null, null, null, null)).getMessage().contains("'corpus'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DataSource(null, "a", null, null, null,
                null, null, null, 0.5, 0.5, null, null, null, null, null)).getMessage().contains("'testShare'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DataSource(null, "a", null, null, null,
                null, null, null, null, null, null, 5, 5, null, null)).getMessage().contains("'fold'"));
        DataSource d = DataSource.folder("../shared/data/emodb/");
        assertEquals("emodb", d.name(), "named after its folder");
        assertEquals(0.15, d.validationShare());
        assertEquals("auto", d.corpus());
    }

    @Test
    void autoDetectionNamesTheStrayFileInsteadOfReadingTheCorpusUnlabelled(@TempDir Path dir) throws Exception {
        Path emodb = Shared.corpus("emodb");
        for (String name : List.of("03a01Fa", "03a01Nc", "08a01Ab", "08a01Lc")) {
            Files.copy(emodb.resolve(name + ".flac"), dir.resolve(name + ".flac"));
        }
        TestAudio.writeWav16(dir.resolve("my-note.wav"), TestAudio.tone(300, 16_000, 0.2, 0.3), 16_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSource.folder(dir.toString()).read());
        assertTrue(e.getMessage().contains("looks like emodb") && e.getMessage().contains("my-note.wav"),
                e.getMessage());
        // told the layout, the stray file is skipped and the labels are kept
        DataSource explicit = new DataSource(null, dir.toString(), null, "emodb", null, null, null, null, null, null,
                null, null, null, null, null);
        assertEquals(4, explicit.read().size());
        assertEquals(List.of("emotion", "arousal", "valence"), explicit.read().labelColumns());
    }

    @Test
    void pooledSourcesKeepTheirSpeakersApart() throws Exception {
        Manifest ravdess = DataSource.folder(Shared.corpus("ravdess").toString()).read();
        Manifest emodb = DataSource.folder(Shared.corpus("emodb").toString()).read();
        LinkedHashMap<String, Manifest> both = new LinkedHashMap<>();
        both.put("ravdess", ravdess);
        both.put("emodb", emodb);
        Manifest pooled = Manifest.pool(both);
        assertEquals(1440 + 535, pooled.size());
        assertEquals(24 + 10, pooled.speakers(null).size());
        assertTrue(pooled.entries().get(0).id().startsWith("ravdess:"));
        assertEquals(List.of("emotion", "arousal", "valence"), pooled.labelColumns());

        // two sources whose manifests name speakers alike ("s1") are still different people
        List<ManifestEntry> a = emodb.entries().subList(0, 4).stream().map(e -> new ManifestEntry(e.id(), e.path(),
                "s1", e.labels(), null, null, null)).toList();
        LinkedHashMap<String, Manifest> alike = new LinkedHashMap<>();
        alike.put("lab1", new Manifest(emodb.labelColumns(), a));
        alike.put("lab2", new Manifest(emodb.labelColumns(), a));
        Manifest p = Manifest.pool(alike);
        assertEquals(java.util.Set.of("lab1:s1", "lab2:s1"), p.speakers(null));
        assertEquals(8, p.size(), "the same ids from two sources stay distinct clips");
    }
}
