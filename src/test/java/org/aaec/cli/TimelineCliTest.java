package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aaec.audio.AudioLoader;
import org.aaec.testutil.Shared;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --timeline} as a user runs it on a 20-second recording of four utterances. */
class TimelineCliTest {

    @TempDir
    Path dir;

    private Path recording() throws Exception {
        AudioLoader loader = new AudioLoader();
        float[][] parts = new float[4][];
        String[] clips = {"03a01Wa.flac", "03a02Ta.flac", "03a01Nc.flac", "03a01Fa.flac"};
        int n = 0;
        for (int i = 0; i < 4; i++) {
            parts[i] = loader.load(Shared.corpus("emodb").resolve(clips[i])).samples();
            n += parts[i].length + 16_000;
        }
        float[] x = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, x, at, p.length);
            at += p.length + 16_000;
        }
        return TestAudio.writeWav16(dir.resolve("talk.wav"), x, 16_000);
    }

    @Test
    void timelineRowsSummaryAndPlot() throws Exception {
        Path talk = recording();
        Path out = dir.resolve("rows.csv");
        Path png = dir.resolve("talk.png");

        CliRun r = CliRun.of("predict", talk.toString(), "--timeline", "--out", out.toString(), "--plot",
                png.toString());

        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out);
        assertTrue(rows.get(0).startsWith("file,row,start,end,speech_seconds,arousal,"), rows.get(0));
        List<String> windows = rows.stream().filter(l -> l.contains(",window,")).toList();
        double seconds = new AudioLoader().load(talk).durationSeconds();
        int expected = (int) Math.floor((seconds - 4) / 2) + 1 + ((Math.floor((seconds - 4) / 2) * 2 + 4 < seconds) ? 1 : 0);
        assertEquals(expected, windows.size(), rows.toString());
        assertTrue(windows.get(0).contains(",0.000,4.000,"), windows.get(0));
        String summary = rows.get(rows.size() - 1);
        assertTrue(summary.contains(",summary,0.000," + String.format(java.util.Locale.ROOT, "%.3f", seconds)),
                summary);
        byte[] image = Files.readAllBytes(png);
        assertTrue(image.length > 1000 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G', "a PNG");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(600, img.getHeight(), "two panels of 300 px: arousal and valence");
    }

    @Test
    void jsonTimelineWithSpeechDetection() throws Exception {
        Path talk = recording();
        Path out = dir.resolve("t.json");
        CliRun r = CliRun.of("predict", talk.toString(), "--vad", "--window", "2", "--hop", "1", "--format", "json",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode file = new ObjectMapper().readTree(out.toFile()).get(0);
        assertEquals(talk.toString(), file.get("file").asText());
        JsonNode segments = file.get("segments");
        assertEquals(file.get("windows").asInt(), segments.size());
        assertTrue(segments.get(0).has("speechSeconds"));
        assertTrue(file.get("summary").get("arousal").has("meanProbabilities"));
    }

    @Test
    void withoutTimelineALongFileIsPredictedFromItsStartAndTheUserIsTold() throws Exception {
        Path talk = recording();
        CliRun r = CliRun.of("predict", talk.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.out().lines().count(), "a header and one row");
        assertTrue(r.err().contains("1 file(s) are longer than the model's 4 s input"), r.err());
        assertTrue(r.err().contains("--timeline"), r.err());
    }

    @Test
    void aWindowLongerThanTheModelReadsIsAUsageError() throws Exception {
        Path talk = recording();
        CliRun r = CliRun.of("predict", talk.toString(), "--window", "10");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("at most the model's input length, 4 s"), r.err());
    }
}
