package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aaec.data.ManifestCsv;
import org.aaec.data.Split;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: help everywhere, exit codes 0 / 1 / 2, one-line errors, never a stack trace. */
class CliTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void everySubcommandHasHelp() {
        for (String cmd : new String[] {"features", "manifest", "train", "evaluate", "predict"}) {
            CliRun r = run(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: aaec " + cmd), r.out());
        }
        assertEquals(0, run("--help").code());
    }

    @Test
    void usageErrorsExitWithTwo() {
        CliRun r = run("features", "--input", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Missing required option: '--out=DIR'"), r.err());
        assertEquals(2, run("features", "--input", "a", "--manifest", "b", "--out", "c").code(), "exclusive sources");
        assertEquals(2, run("nonsense").code());
        assertEquals(2, run("features", "--input", dir.toString(), "--out", "x", "--corpus", "timit").code());
    }

    @Test
    void failuresExitWithOneAndAClearLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("m.csv"), "file,emotion\nx.wav,happy\n");
        CliRun r = run("features", "--manifest", bad.toString(), "--out", dir.resolve("s").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: " + bad + ":1: no 'path' column"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void featuresFromAPlainFolderWithOneBadFile() throws Exception {
        Path audio = Files.createDirectories(dir.resolve("audio"));
        for (int i = 0; i < 4; i++) {
            TestAudio.writeWav16(audio.resolve("clip" + i + ".wav"), TestAudio.tone(300 + 50 * i, 16_000, 0.6, 0.3),
                    16_000);
        }
        Files.writeString(audio.resolve("broken.wav"), "RIFF....WAVEjunk");
        Path store = dir.resolve("store");

        CliRun r = run("features", "--input", audio.toString(), "--out", store.toString(), "--max-seconds", "1");

        assertEquals(3, r.code(), "some files failed: exit code 3\n" + r.err());
        assertTrue(r.out().contains("clips: 4 done, 0 skipped (already stored), 1 failed"), r.out());
        assertTrue(r.out().contains("audio-seconds/second"), r.out());
        assertTrue(r.err().contains("broken.wav"), r.err());
        assertTrue(Files.exists(store.resolve("clips/clip0.npy")));
        assertEquals(4, org.aaec.features.FeatureStore.open(store).index().clips().size());
        assertTrue(Files.readString(store.resolve("errors.csv")).contains("broken.wav"));

        CliRun again = run("features", "--input", audio.toString(), "--out", store.toString(), "--max-seconds", "1");
        assertTrue(again.out().contains("clips: 0 done, 4 skipped"), again.out());
    }

    @Test
    void manifestCommandWritesSpeakerSplits() throws Exception {
        Path out = dir.resolve("emodb.csv");
        CliRun r = run("manifest", "--input", org.aaec.testutil.Shared.corpus("emodb").toString(), "--out",
                out.toString(), "--seed", "3");
        assertEquals(0, r.code(), r.err());
        var m = ManifestCsv.read(out);
        assertEquals(535, m.size());
        assertEquals(6, m.speakers(Split.TRAIN).size());
        assertEquals(2, m.speakers(Split.TEST).size());
    }

    /**
     * One good clip among a folder named like audio, a FIFO, NaN samples and a file too short to
     * judge: every one gets its row, the good one its prediction, and the exit code says "some
     * failed" (3); with none good it is 1. Nothing hangs on the FIFO.
     */
    @Test
    void predictGivesEveryBadFileItsOwnRowAndExitCodeThree() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        TestAudio.writeWav16(in.resolve("a-good.wav"), TestAudio.tone(300, 16_000, 1.0, 0.3), 16_000);
        Files.createDirectories(in.resolve("b-folder.wav"));
        assertEquals(0, new ProcessBuilder("mkfifo", in.resolve("c-fifo.wav").toString()).start().waitFor());
        float[] nan = TestAudio.tone(300, 16_000, 1.0, 0.3);
        nan[100] = Float.NaN;
        TestAudio.writeWavRaw(in.resolve("d-nan.wav"), nan, 16_000);
        TestAudio.writeWav16(in.resolve("e-one.wav"), new float[] {0.2f}, 16_000);
        Path out = dir.resolve("rows.csv");

        CliRun r = run("predict", in.toString(), "--out", out.toString());

        assertEquals(3, r.code(), r.err());
        java.util.List<String> rows = Files.readAllLines(out);
        assertEquals(6, rows.size(), "a header and one row per path: " + rows);
        assertTrue(rows.get(1).contains("a-good.wav") && rows.get(1).endsWith(","), "no error: " + rows.get(1));
        assertTrue(rows.get(2).contains("is a directory"), rows.get(2));
        assertTrue(rows.get(3).contains("is not a regular file"), rows.get(3));
        assertTrue(rows.get(4).contains("NaN"), rows.get(4));
        assertTrue(rows.get(5).contains("too short"), rows.get(5));
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());

        CliRun none = run("predict", in.resolve("d-nan.wav").toString(), in.resolve("c-fifo.wav").toString());
        assertEquals(1, none.code(), none.err());
    }

    @Test
    void anOutputIntoAMissingFolderFailsBeforeAnyWork() {
        for (String[] args : new String[][] {
            {"predict", "x.wav", "--out", dir.resolve("no/such/rows.csv").toString()},
            {"evaluate", "--input", dir.toString(), "--json", dir.resolve("no/such/scores.json").toString()},
            {"manifest", "--input", dir.toString(), "--out", dir.resolve("no/such/m.csv").toString()}}) {
            CliRun r = run(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().contains("does not exist"), r.err());
        }
    }
}
