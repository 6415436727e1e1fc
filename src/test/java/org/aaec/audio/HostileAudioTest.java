package org.aaec.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.aaec.audio.AudioInputException.Problem;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users and attackers feed the loader that is not a short clean file: special files, NaN and
 * absurd samples, impossible sample rates, a single sample, files far longer than memory.
 */
@Timeout(value = 60, unit = java.util.concurrent.TimeUnit.SECONDS) // a hang fails the case instead of the build
class HostileAudioTest {

    @TempDir
    Path dir;

    private final AudioLoader loader = new AudioLoader();

    private AudioInputException fails(Problem expected, Path file, String... words) {
        AudioInputException e = assertThrows(AudioInputException.class, () -> loader.loadStart(file, 4));
        assertEquals(expected, e.problem(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ": "), "names the file: " + e.getMessage());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "says '" + w + "': " + e.getMessage());
        }
        return e;
    }

    /** A FIFO is refused by name at once: opening it would wait for a writer forever. */
    @Test
    void fifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("y.wav");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor(), "mkfifo is part of coreutils");
        // a guard against a hang, not a speed measurement: opening the FIFO would block forever
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> fails(Problem.NOT_REGULAR, fifo, "not a regular file"));
    }

    @Test
    void symbolicLinkToARegularFileIsFollowedAndOneToNothingIsMissing() throws Exception {
        float[] x = TestAudio.tone(300, 16_000, 0.5, 0.3);
        Path real = TestAudio.writeWav16(dir.resolve("real.wav"), x, 16_000);
        Path link = Files.createSymbolicLink(dir.resolve("link.wav"), real);
        assertEquals(x.length, loader.loadStart(link, 4).samples().length);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.wav"), dir.resolve("gone.wav"));
        fails(Problem.MISSING, dangling, "symbolic link");
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, 1e6f})
    void nonFiniteOrAbsurdSamplesAreAnErrorNamingTheFirstOne(float bad) throws Exception {
        float[] x = TestAudio.tone(300, 16_000, 0.5, 0.3);
        x[4000] = bad;
        Path file = TestAudio.writeWavRaw(dir.resolve("bad.wav"), x, 16_000);
        fails(Problem.INVALID_SAMPLES, file, "sample 4000", "0.250 s");
    }

    @Test
    void oneSampleIsTooShortToJudge() throws Exception {
        Path file = TestAudio.writeWav16(dir.resolve("one.wav"), new float[] {0.5f}, 16_000);
        fails(Problem.TOO_SHORT, file, "at least 0.1 s");
        float[] enough = TestAudio.tone(300, 16_000, AudioLoader.MIN_SECONDS, 0.3);
        assertEquals(1600, loader.loadStart(TestAudio.writeWav16(dir.resolve("enough.wav"), enough, 16_000), 4)
                .samples().length, "exactly the minimum is accepted");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 999, 768_001, Integer.MAX_VALUE})
    void impossibleSampleRatesAreRefusedNamingTheRate(int rate) throws Exception {
        Path file = TestAudio.writeWav16(dir.resolve("rate.wav"), TestAudio.tone(300, 16_000, 0.5, 0.3), 16_000);
        byte[] b = Files.readAllBytes(file);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(24, rate); // the fmt chunk's sample rate
        Files.write(file, b);
        fails(Problem.UNSUPPORTED, file, "sample rate " + rate + " Hz");
    }

    /** A header claiming 65 535 channels reads in bounded blocks: each frame is one mono sample. */
    @Test
    void sixtyFiveThousandChannelsAreReadInBoundedBlocks() throws Exception {
        int channels = 65_535;
        float[] interleaved = new float[channels * 20]; // 20 frames, 2.6 MB
        for (int f = 0; f < 20; f++) {
            interleaved[f * channels] = 0.5f; // channel 0 only: the mono mix is 0.5 / 65 535
        }
        Path file = TestAudio.writeWav(dir.resolve("many.wav"), interleaved, channels, 16_000, 1, 16, false);
        float[] mono = new WavDecoder().decode(file).samples();
        assertEquals(20, mono.length);
        assertEquals(Math.round(0.5 * 32767) / 32768.0 / channels, mono[10], 1e-9);
    }

    /**
     * Reading the start of a file gives exactly the start of reading all of it, resampling included
     * (the cut leaves the filter's reach as margin), for the rates recordings come in.
     */
    @ParameterizedTest
    @ValueSource(ints = {8_000, 16_000, 22_050, 44_100, 48_000})
    void theStartOfAFileIsTheStartOfTheWholeFile(int rate) throws Exception {
        java.util.Random r = new java.util.Random(rate);
        float[] x = new float[rate * 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.3 * Math.sin(i * 0.01) + 0.1 * r.nextGaussian());
        }
        Path file = TestAudio.writeWavRaw(dir.resolve("long.wav"), x, rate);
        float[] whole = loader.load(file).samples();
        for (double seconds : new double[] {1.0, 4.0, 5.9}) {
            float[] start = loader.loadStart(file, seconds).samples();
            assertEquals(Math.round(seconds * 16_000), start.length);
            assertArrayEquals(Arrays.copyOf(whole, start.length), start, "bit for bit at " + seconds + " s");
        }
        AudioLoader.Excerpt e = loader.excerpt(file, 1.0);
        assertEquals(whole.length, e.totalSamples(), "the excerpt measures the whole file");
        assertArrayEquals(Arrays.copyOf(whole, 16_000), e.start().samples());
    }

    /**
     * A 3 GB WAV (sparse: 26 hours of silence that take no disk) is read in part, never whole: its
     * first seconds load, a whole read is refused by name instead of exhausting memory.
     */
    @Test
    void aWavBeyondTwoGigabytesIsReadInParts() throws Exception {
        Path file = dir.resolve("huge.wav");
        Path head = TestAudio.writeWav16(dir.resolve("head.wav"), TestAudio.tone(300, 16_000, 1, 0.3), 16_000);
        byte[] h = Files.readAllBytes(head);
        ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1).putInt(40, -1); // sizes a streaming writer leaves
        Files.write(file, h);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        float[] start = loader.loadStart(file, 4).samples();
        assertEquals(64_000, start.length);
        float[] tone = loader.load(head).samples();
        assertArrayEquals(tone, Arrays.copyOf(start, tone.length), "the tone the file starts with");
        assertEquals(0f, start[20_000], "after the tone, the sparse zeros");
        AudioInputException whole = assertThrows(AudioInputException.class, () -> loader.load(file));
        assertEquals(Problem.TOO_LONG, whole.problem(), whole.getMessage());
        assertTrue(whole.getMessage().contains("30 minutes"), whole.getMessage());
    }
}
