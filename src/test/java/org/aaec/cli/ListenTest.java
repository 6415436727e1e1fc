package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aaec.audio.AudioLoader;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Timeline;
import org.aaec.testutil.Shared;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aaec listen --stdin} as {@code ffmpeg ... -f s16le - | aaec listen --stdin} runs it, in a
 * process of its own: the first window's row comes out while the rest of the audio has not been
 * sent yet (rows as audio arrives, not at the end), and the rows are the timeline of the same
 * samples.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ListenTest {

    @TempDir
    Path dir;

    @Test
    void rowsComeOutAsTheAudioArrivesAndMatchTheTimeline() throws Exception {
        AudioLoader loader = new AudioLoader();
        float[] a = loader.load(Shared.corpus("emodb").resolve("03a01Wa.flac")).samples();
        float[] b = loader.load(Shared.corpus("emodb").resolve("03a01Fa.flac")).samples();
        float[] c = loader.load(Shared.corpus("emodb").resolve("03a01Nc.flac")).samples();
        float[] x = new float[a.length + b.length + c.length + 32_000];
        System.arraycopy(a, 0, x, 0, a.length);
        System.arraycopy(b, 0, x, a.length + 16_000, b.length);
        System.arraycopy(c, 0, x, a.length + b.length + 32_000, c.length);
        byte[] pcm = s16le(x);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                "org.aaec.cli.Main", "listen", "--stdin", "--rate", "16000").redirectError(
                        ProcessBuilder.Redirect.DISCARD).start();
        List<String> rows = new ArrayList<>();
        try (OutputStream stdin = p.getOutputStream();
                BufferedReader stdout = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
            int firstPart = 5 * 16_000 * 2; // 5 s: the first 4-s window is complete, the second not
            stdin.write(pcm, 0, firstPart);
            stdin.flush();
            String header = stdout.readLine();
            assertNotNull(header);
            assertTrue(header.startsWith("file,row,start,end"), header);
            String first = stdout.readLine();
            assertNotNull(first, "a row before the rest of the audio was sent");
            assertTrue(first.startsWith("-,window,0.000,4.000,"), first);
            rows.add(first);
            stdin.write(pcm, firstPart, pcm.length - firstPart);
            stdin.close();
            String line;
            while ((line = stdout.readLine()) != null) {
                rows.add(line);
            }
        }
        assertEquals(0, p.waitFor());

        try (EmotionRecognizer model = EmotionRecognizer.loadDefault()) {
            Path wav = TestAudio.writeWav16(dir.resolve("same.wav"), x, 16_000);
            Timeline t = model.timeline(wav, 4, 2);
            List<String> windows = rows.stream().filter(r -> r.startsWith("-,window,")).toList();
            assertEquals(t.windows(), windows.size(), rows.toString());
            for (int k = 0; k < windows.size(); k++) {
                String[] cells = windows.get(k).split(",");
                assertEquals(t.segments().get(k).prediction().head("arousal").label(), cells[5], "window " + k);
                float pHigh = Float.parseFloat(cells[8]);
                var arousal = t.segments().get(k).prediction().head("arousal");
                assertEquals(arousal.probabilities()[arousal.classes().indexOf("high")], pHigh, 1e-4);
            }
            assertTrue(rows.get(rows.size() - 1).startsWith("-,summary,0.000,"), rows.get(rows.size() - 1));
        }
    }

    /** The samples as the WAV writer quantises them, so that both paths see the same values. */
    private static byte[] s16le(float[] x) {
        ByteBuffer b = ByteBuffer.allocate(x.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : x) {
            b.putShort((short) Math.max(-32768, Math.min(32767, Math.round(v * 32767))));
        }
        return b.array();
    }
}
