package org.aaec.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.aaec.audio.AudioInputException.Problem;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input becomes a typed exception whose message names the file and the problem. */
@Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS) // a hang fails the case instead of the build
class BadAudioInputTest {

    @TempDir
    Path dir;

    private final AudioLoader loader = new AudioLoader();

    private AudioInputException failOn(Path file, Problem expected) {
        AudioInputException e = assertThrows(AudioInputException.class, () -> loader.load(file));
        assertEquals(expected, e.problem(), e.getMessage());
        assertEquals(file, e.file());
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        for (String hint : new String[] {"setFormat", "FFmpegLogCallback", "avformat_open_input"}) {
            assertFalse(e.getMessage().contains(hint), "a native library's hint reached the user: " + e.getMessage());
        }
        return e;
    }

    @Test
    void missingFile() {
        failOn(dir.resolve("nope.wav"), Problem.MISSING);
    }

    @Test
    void directory() {
        failOn(dir, Problem.DIRECTORY);
    }

    @Test
    void emptyFile() throws Exception {
        failOn(Files.createFile(dir.resolve("empty.wav")), Problem.EMPTY_FILE);
    }

    @Test
    void zeroLengthWav() throws Exception {
        failOn(TestAudio.writeWav16(dir.resolve("zero.wav"), new float[0], 16_000), Problem.NO_AUDIO);
    }

    @Test
    void truncatedWav() throws Exception {
        Path full = TestAudio.writeWav16(dir.resolve("full.wav"), TestAudio.tone(440, 16_000, 1, 0.5), 16_000);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(failOn(cut, Problem.CORRUPT).getMessage().contains("data chunk declares"));
    }

    @Test
    void truncatedFlac() throws Exception {
        Path full = TestAudio.encode(dir.resolve("full.flac"), TestAudio.tone(440, 16_000, 3, 0.5), 1, 16_000,
                org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_FLAC);
        byte[] bytes = Files.readAllBytes(full);
        failOn(Files.write(dir.resolve("cut.flac"), Arrays.copyOf(bytes, bytes.length / 2)), Problem.CORRUPT);
    }

    @Test
    void textFileRenamedWav() throws Exception {
        failOn(Files.writeString(dir.resolve("notes.wav"), "these are my notes, not audio\n".repeat(20)),
                Problem.NOT_AUDIO);
    }

    @Test
    void garbageBytesWithAudioExtension() throws Exception {
        byte[] junk = new byte[5000];
        new java.util.Random(1).nextBytes(junk);
        AudioInputException e = failOn(Files.write(dir.resolve("junk.mp3"), junk), Problem.NOT_AUDIO);
        // FFmpeg's own words for AVERROR_INVALIDDATA, from av_strerror
        assertTrue(e.getMessage().endsWith("(FFmpeg: Invalid data found when processing input)"), e.getMessage());
    }

    @Test
    void unsupportedWavEncoding() throws Exception {
        Path alaw = TestAudio.writeWav(dir.resolve("alaw.wav"), new float[100], 1, 8000, 6, 8, false);
        failOn(alaw, Problem.UNSUPPORTED);
    }
}
