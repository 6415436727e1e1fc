package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corrupt-input suite of issue 14, through the command line as a user meets it: every case is
 * a file the test makes (malformed WAV headers, special files, impossible samples, garbage in an
 * audio container). Alone, each case exits 1 with one line naming the file and the problem; in a
 * folder beside a good clip, {@code predict} and {@code features} give every case its own row, the
 * good clip its result, and exit 3. No stack trace, and every test has a time limit: a hang is a
 * failure, not a stuck build (the limits guard against hangs; they do not measure speed).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CorruptInputSuiteTest {

    private Path dir;
    private Path folder;
    /** Case file name → words its error must contain. */
    private final Map<String, String> cases = new LinkedHashMap<>();

    @BeforeAll
    void makeTheCases(@TempDir Path tmp) throws Exception {
        dir = tmp;
        folder = Files.createDirectories(dir.resolve("in"));
        float[] tone = TestAudio.tone(300, 16_000, 1.0, 0.3);
        Path good = TestAudio.writeWav16(folder.resolve("a-good.wav"), tone, 16_000);
        byte[] wav = Files.readAllBytes(good);

        header(wav, "rate-0.wav", 24, 0, "sample rate");
        header(wav, "rate-1.wav", 24, 1, "sample rate 1 Hz");
        header(wav, "rate-max.wav", 24, Integer.MAX_VALUE, "sample rate 2147483647 Hz");
        channels(wav, "channels-0.wav", 0, "channel");
        header(wav, "data-beyond-file.wav", 40, wav.length * 4, "data chunk declares");
        Files.write(folder.resolve("riff-only.wav"), Arrays.copyOf(wav, 12));
        cases.put("riff-only.wav", "");
        Files.createFile(folder.resolve("empty.wav"));
        cases.put("empty.wav", "empty");
        byte[] noise = new byte[4096];
        new java.util.Random(14).nextBytes(noise);
        Files.write(folder.resolve("garbage.mp3"), noise);
        cases.put("garbage.mp3", "");
        Files.writeString(folder.resolve("text.flac"), "this is not audio\n");
        cases.put("text.flac", "");
        float[] nan = tone.clone();
        nan[500] = Float.NaN;
        TestAudio.writeWavRaw(folder.resolve("nan.wav"), nan, 16_000);
        cases.put("nan.wav", "NaN");
        float[] inf = tone.clone();
        inf[700] = Float.NEGATIVE_INFINITY;
        TestAudio.writeWavRaw(folder.resolve("inf.wav"), inf, 16_000);
        cases.put("inf.wav", "infinite");
        TestAudio.writeWav16(folder.resolve("one-sample.wav"), new float[] {0.3f}, 16_000);
        cases.put("one-sample.wav", "too short");
        Files.createDirectories(folder.resolve("folder.wav"));
        cases.put("folder.wav", ""); // alone: a folder without audio; in a folder: a directory
        assertEquals(0, new ProcessBuilder("mkfifo", folder.resolve("fifo.wav").toString()).start().waitFor());
        cases.put("fifo.wav", "not a regular file");
        Files.createSymbolicLink(folder.resolve("dangling.wav"), folder.resolve("gone.wav"));
        cases.put("dangling.wav", "symbolic link");
    }

    private void header(byte[] wav, String name, int offset, int value, String words) throws Exception {
        byte[] b = wav.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        Files.write(folder.resolve(name), b);
        cases.put(name, words);
    }

    private void channels(byte[] wav, String name, int channels, String words) throws Exception {
        byte[] b = wav.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) channels);
        Files.write(folder.resolve(name), b);
        cases.put(name, words);
    }

    List<String> caseNames() {
        return List.copyOf(cases.keySet());
    }

    private static void noStackTrace(CliRun r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), "no stack trace: " + r.err());
    }

    /** Alone, a case exits 1 with a single line that names the file and says what is wrong. */
    @ParameterizedTest
    @MethodSource("caseNames")
    void aloneEachCaseExitsOneWithALineNamingTheFile(String name) {
        Path file = folder.resolve(name);
        CliRun r = CliRun.of("predict", file.toString());
        assertEquals(1, r.code(), name + ": " + r.err());
        noStackTrace(r);
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains(file.toString()) && l.contains(cases.get(name))),
                name + " is named with '" + cases.get(name) + "': " + r.err());
        assertTrue(lines.stream().allMatch(l -> l.length() < 400), "short lines: " + r.err());
    }

    /** In a folder, every case is its own row, the good clip is predicted, and the code is 3. */
    @Test
    void predictInAFolderGivesEachCaseItsRowAndTheGoodClipItsPrediction() throws Exception {
        Path out = dir.resolve("rows.csv");
        CliRun r = CliRun.of("predict", folder.toString(), "--out", out.toString());
        assertEquals(3, r.code(), r.err());
        noStackTrace(r);
        List<String> rows = Files.readAllLines(out);
        assertEquals(cases.size() + 2, rows.size(), "a header and one row per file: " + rows);
        String goodRow = rows.stream().filter(l -> l.contains("a-good.wav")).findFirst().orElseThrow();
        assertTrue(goodRow.endsWith(","), "the good clip has no error: " + goodRow);
        for (String name : cases.keySet()) {
            String row = rows.stream().filter(l -> l.contains(name)).findFirst().orElseThrow(() -> new AssertionError(
                    name + " has no row: " + rows));
            assertFalse(row.endsWith(","), name + " carries its error: " + row);
            assertTrue(row.contains(cases.get(name)), name + " says '" + cases.get(name) + "': " + row);
        }
    }

    /** {@code features} stores the good clip, lists every case in errors.csv, and exits 3. */
    @Test
    void featuresInAFolderStoresTheGoodClipAndListsEveryCase() throws Exception {
        Path store = dir.resolve("store");
        CliRun r = CliRun.of("features", "--input", folder.toString(), "--out", store.toString(), "--max-seconds", "1");
        assertEquals(3, r.code(), r.err());
        noStackTrace(r);
        assertTrue(Files.exists(store.resolve("clips/a-good.npy")), r.out());
        String errors = Files.readString(store.resolve("errors.csv"));
        for (String name : cases.keySet()) {
            assertTrue(errors.contains(name), name + " in errors.csv:\n" + errors);
        }
    }
}
