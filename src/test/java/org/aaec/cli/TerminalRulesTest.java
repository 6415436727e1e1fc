package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aaec.jobs.Reporter;
import org.aaec.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal rules: with standard error not a terminal there is no progress bar and no library
 * log line, only one line per finished stage and one per skipped file; on a terminal a warning never
 * shares a line with a bar; stack traces only with {@code --debug}.
 */
class TerminalRulesTest {

    @Test
    void aNormalPredictInAFreshProcessPrintsNoBarAndNoLibraryLog(@TempDir Path dir) throws Exception {
        Path clip = Shared.corpus("emodb").resolve("03a01Fa.flac");
        Path bad = Files.writeString(dir.resolve("notes.wav"), "not audio");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "predict", clip.toString(),
                bad.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "predict finished");
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(3, p.exitValue(), "one of two files failed: exit code 3\n" + err);

        assertTrue(out.startsWith("file,arousal,arousal_p_low,arousal_p_medium,arousal_p_high,"), out);
        assertEquals(3, out.split("\n").length, "header and one row per file: " + out);
        assertFalse(err.contains("\r") || err.contains("%"), "no progress bar: " + err);
        for (String line : err.split("\n")) {
            assertTrue(line.startsWith("skipped: " + bad) || line.startsWith("predict: 2 of 2 done")
                    || line.startsWith("warning: 1 of 2 file(s)"), "unexpected line on stderr: '" + line + "'\n" + err);
        }
        assertFalse(err.contains("setFormat") || err.contains("FFmpegLogCallback"), err);
    }

    @Test
    void onATerminalAWarningGetsItsOwnLineBesideTheBar() throws Exception {
        StringWriter err = new StringWriter();
        Terminal t = new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(err, true), true);
        try (Reporter.Stage stage = t.stage("predict", 4)) {
            stage.step();
            Thread.sleep(600); // the bar draws at least once
            t.warn("skipped: x.wav: file does not exist");
            stage.step(3);
        }
        String s = err.toString();
        assertTrue(s.contains("predict"), "a bar was drawn: " + s);
        assertTrue(s.contains("\r\033[2Kskipped: x.wav: file does not exist\n"), "the bar's line is cleared first: "
                + s.replace("\r", "\\r").replace("\033", "ESC"));
    }

    @Test
    void stackTracesOnlyWithDebug(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("none.aaec");
        CliRun plain = CliRun.of("predict", "--model", missing.toString(), "x.wav");
        assertEquals(1, plain.code());
        assertTrue(plain.err().startsWith("error: " + missing + ": file not found"), plain.err());
        assertFalse(plain.err().contains("\tat "), plain.err());
        CliRun debug = CliRun.of("predict", "--debug", "--model", missing.toString(), "x.wav");
        assertEquals(1, debug.code());
        assertTrue(debug.err().contains("\tat org.aaec."), "--debug prints the stack trace: " + debug.err());
    }
}
