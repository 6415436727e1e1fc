package org.aaec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioLoader;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestEntry;
import org.aaec.data.Split;
import org.aaec.model.HeadSpec;
import org.aaec.training.ClipSet;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feature store: complete, resumable, tolerant of bad files, and strict about settings. */
class FeatureExtractorTest {

    private static final FeatureConfig CONFIG = FeatureConfig.defaults().withMaxSeconds(1.0);

    @TempDir
    Path dir;

    private Manifest manifest;

    @BeforeEach
    void corpus() throws Exception {
        List<ManifestEntry> entries = new ArrayList<>();
        double[] seconds = {0.5, 0.8, 1.5, 0.3, 0.7, 0.9};
        for (int i = 0; i < seconds.length; i++) {
            Path f = TestAudio.writeWav16(dir.resolve("c" + i + ".wav"),
                    TestAudio.tone(200 + 100 * i, 22_050, seconds[i], 0.3), 22_050);
            Split split = i < 3 ? Split.TRAIN : i == 3 ? Split.VALIDATION : Split.TEST;
            entries.add(new ManifestEntry("c" + i, f, "s" + i, Map.of("emotion", "e" + (i % 2)), split, null, null));
        }
        Files.writeString(dir.resolve("bad.wav"), "not audio at all");
        entries.add(new ManifestEntry("bad", dir.resolve("bad.wav"), "s0", Map.of("emotion", "e0"), Split.TRAIN,
                null, null));
        entries.add(new ManifestEntry("gone", dir.resolve("gone.wav"), "s1", Map.of("emotion", "e1"), Split.TRAIN,
                null, null));
        manifest = new Manifest(List.of("emotion"), entries);
    }

    private ExtractionSummary extract(Path out) throws Exception {
        return new FeatureExtractor(CONFIG, 2).run(manifest, FeatureStore.createOrOpen(out, CONFIG), id -> { });
    }

    @Test
    void storesEveryGoodClipAndListsTheBadOnes() throws Exception {
        Path out = dir.resolve("store");
        AtomicInteger calls = new AtomicInteger();
        ExtractionSummary s = new FeatureExtractor(CONFIG, 2).run(manifest, FeatureStore.createOrOpen(out, CONFIG),
                id -> calls.incrementAndGet());

        assertEquals(6, s.done());
        assertEquals(2, s.failed());
        assertEquals(8, calls.get(), "progress callback once per clip");
        assertEquals(0.5 + 0.8 + 1.5 + 0.3 + 0.7 + 0.9, s.audioSeconds(), 1e-3);
        List<String> errors = Files.readAllLines(out.resolve("errors.csv"));
        assertEquals(3, errors.size(), "header + 2 rows: " + errors);
        assertTrue(errors.get(1).startsWith("bad,") && errors.get(1).contains("NOT_AUDIO"), errors.get(1));
        assertTrue(errors.get(2).startsWith("gone,") && errors.get(2).contains("MISSING"), errors.get(2));

        FeatureStore store = FeatureStore.open(out);
        AudioClip c2 = new AudioLoader().load(dir.resolve("c2.wav"));
        Spectrogram expected = new PowerSpectrogram(CONFIG).compute(c2.fitTo(1.0).samples());
        Spectrogram stored = store.get("c2");
        assertEquals(32, stored.frames());
        assertEquals(513, stored.bins());
        assertArrayEquals(expected.data(), stored.data());

        StoreIndex index = store.index();
        assertEquals(CONFIG.fingerprint(), index.fingerprint());
        assertEquals(6, index.clips().size());
        assertEquals(16_000 * 3 / 2, index.clips().stream().filter(e -> e.id().equals("c2")).findFirst()
                .orElseThrow().samples(), "decoded length before the cut");
    }

    @Test
    void theStoreHoldsNoRunStateAndARunMeasuresItsOwnNormalisation() throws Exception {
        Path out = dir.resolve("store");
        extract(out);
        FeatureStore store = FeatureStore.open(out);
        for (String runFile : List.of("manifest.csv", "normalization.json")) {
            assertFalse(Files.exists(out.resolve(runFile)), "a store is a cache: no " + runFile);
        }
        assertFalse(Files.readString(out.resolve("index.json")).contains("\"split\""), "no split in the index");

        // independent expectation: mean of log(power + 1e-10) over the frames that cover real audio
        int[] realSamples = {8000, 12_800, 24_000};
        double sum = 0;
        long frames = 0;
        for (int i = 0; i < 3; i++) {
            Spectrogram sp = store.get("c" + i);
            int valid = Math.min(sp.frames(), (realSamples[i] + 511) / 512);
            for (int t = 0; t < valid; t++) {
                sum += Math.log(sp.get(t, 20) + 1e-10);
            }
            frames += valid;
        }
        List<HeadSpec> heads = List.of(new HeadSpec("emotion", List.of("e0", "e1")));
        Normalization n = ClipSet.load(store, manifest.entries(Split.TRAIN), heads).measureNormalization(Normalization.LEVEL_NONE,
                Normalization.SILENCE_KEEP, null);
        assertEquals(3, n.clips());
        assertEquals(frames, n.frames());
        assertEquals(sum / frames, n.mean()[20], 1e-9);
    }

    @Test
    void twoExtractionsIntoOneStoreAtOnceCooperate() throws Exception {
        Path out = dir.resolve("store");
        List<String> waited = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ExtractionSummary>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> new FeatureExtractor(CONFIG, 1).run(manifest,
                        FeatureStore.createOrOpen(out, CONFIG), id -> { }, waited::add)));
            }
            ExtractionSummary a = runs.get(0).get();
            ExtractionSummary b = runs.get(1).get();
            assertEquals(6, a.done() + b.done(), "each good clip extracted once");
            assertEquals(6, a.skipped() + b.skipped(), "the second reused what the first stored");
            assertEquals(1, waited.size(), "one waited, and was told who holds the store: " + waited);
            assertTrue(waited.get(0).contains("process " + ProcessHandle.current().pid()), waited.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, FeatureStore.open(out).index().clips().size());
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aClipWhoseAudioChangedIsExtractedAgainAndFixedFilesLeaveTheErrorList() throws Exception {
        Path out = dir.resolve("store");
        extract(out);
        // the same id now names other audio: a cache keyed by id alone would return stale features
        List<ManifestEntry> changed = new ArrayList<>();
        for (ManifestEntry e : manifest.entries()) {
            Path f = e.id().equals("c0") ? dir.resolve("c1.wav") : e.path();
            if (e.id().equals("bad")) {
                f = TestAudio.writeWav16(dir.resolve("fixed.wav"), TestAudio.tone(500, 16_000, 0.5, 0.3), 16_000);
            }
            changed.add(new ManifestEntry(e.id(), f, e.speaker(), e.labels(), e.split(), null, null));
        }
        ExtractionSummary s = new FeatureExtractor(CONFIG, 2).run(new Manifest(List.of("emotion"), changed),
                FeatureStore.createOrOpen(out, CONFIG), id -> { });
        assertEquals(2, s.done(), "c0 (new audio) and bad (now readable)");
        FeatureStore store = FeatureStore.open(out);
        assertArrayEquals(store.get("c1").data(), store.get("c0").data());
        assertEquals(List.of("gone"), List.copyOf(store.errors().keySet()));
    }

    @Test
    void rerunSkipsFinishedClipsAndResumesAfterAKill() throws Exception {
        Path out = dir.resolve("store");
        extract(out);
        ExtractionSummary again = extract(out);
        assertEquals(6, again.skipped(), Files.readString(out.resolve("journal.jsonl")));
        assertEquals(0, again.done());
        assertEquals(2, again.failed(), "bad files are retried and fail again");

        // simulate a kill: the journal lost its last two lines and the last one is cut mid-way
        Path journal = out.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        List<String> kept = new ArrayList<>(lines.subList(0, 4));
        Files.write(journal, kept);
        Files.writeString(journal, "{\"id\":\"c", java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(out.resolve("clips/c5.npy"));

        ExtractionSummary resumed = extract(out);

        assertEquals(4, resumed.skipped());
        assertEquals(2, resumed.done());
        assertEquals(6, FeatureStore.open(out).index().clips().size());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("clips/c5.npy")));
    }

    @Test
    void refusesToMixSettings() throws Exception {
        Path out = dir.resolve("store");
        extract(out);
        FeatureStoreException e = assertThrows(FeatureStoreException.class,
                () -> FeatureStore.createOrOpen(out, CONFIG.withMaxSeconds(2.0)));
        assertTrue(e.getMessage().contains("other settings") && e.getMessage().contains(out.toString()));
        Path notAStore = Files.createDirectories(dir.resolve("full"));
        Files.writeString(notAStore.resolve("other.txt"), "x");
        assertTrue(assertThrows(FeatureStoreException.class, () -> FeatureStore.createOrOpen(notAStore, CONFIG))
                .getMessage().contains("not a feature store"));
    }
}
