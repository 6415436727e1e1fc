package org.aaec.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioLoader;
import org.aaec.audio.Resampler;
import org.aaec.testutil.Shared;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timelines of a real recording: four EmoDB utterances (anger, sadness, neutral, happiness)
 * joined with pauses into one 44.1 kHz file, so that reading it streams through the resampler.
 * Every window's answer must be the model's answer for that slice of the whole file, decoded
 * whole; the summary must be the duration-weighted mean, computed here independently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineTest {

    private static final String[] CLIPS = {"03a01Wa.flac", "03a02Ta.flac", "03a01Nc.flac", "03a01Fa.flac"};

    private EmotionRecognizer model;
    private Path recording;
    private Path quietStart;
    private final AudioLoader loader = new AudioLoader();

    @BeforeAll
    void setUp(@TempDir Path dir) throws Exception {
        model = EmotionRecognizer.loadDefault();
        List<float[]> parts = new ArrayList<>();
        for (String c : CLIPS) {
            parts.add(loader.load(Shared.corpus("emodb").resolve(c)).samples());
            parts.add(new float[16_000]); // a second of silence
        }
        float[] joined = concat(parts);
        float[] at44 = Resampler.resample(new AudioClip(joined, 16_000), 44_100).samples();
        recording = TestAudio.writeWavRaw(dir.resolve("talk.wav"), at44, 44_100);
        // 6 s of faint noise, then one utterance, then 6 s of faint noise: for speech detection
        java.util.Random r = new java.util.Random(5);
        float[] noise = new float[6 * 16_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (1e-4 * r.nextGaussian());
        }
        quietStart = TestAudio.writeWavRaw(dir.resolve("quiet.wav"), concat(List.of(noise, parts.get(0), noise)),
                16_000);
    }

    @AfterAll
    void tearDown() {
        model.close();
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void everyWindowIsTheModelsAnswerForThatSliceOfTheWholeFile() throws Exception {
        float[] whole = loader.load(recording).samples();
        Timeline t = model.timeline(recording, 4, 2);

        assertEquals(whole.length / 16_000.0, t.seconds(), 1e-9);
        int full = (whole.length - 64_000) / 32_000 + 1;
        boolean tail = (long) (full - 1) * 32_000 + 64_000 < whole.length;
        assertEquals(full + (tail ? 1 : 0), t.segments().size(), "full windows every 2 s, then the tail");
        assertEquals(t.segments().size(), t.windows());
        assertEquals(t.windows(), t.predicted());
        for (TimelineSegment s : t.segments()) {
            int from = (int) Math.round(s.start() * 16_000);
            int to = (int) Math.round(s.end() * 16_000);
            assertEquals(s.index() * 2.0, s.start(), 1e-9);
            EmotionPrediction alone = model.predict(new AudioClip(Arrays.copyOfRange(whole, from, to), 16_000));
            for (int h = 0; h < alone.heads().size(); h++) {
                assertArrayEquals(alone.heads().get(h).probabilities(), s.prediction().heads().get(h).probabilities(),
                        1e-5f, "window " + s.index() + " head " + h);
            }
        }
        assertEquals(t.seconds(), t.segments().get(t.segments().size() - 1).end(), 1e-9, "the last window ends the file");

        EmotionPrediction start = model.predict(loader.loadStart(recording, 4));
        assertArrayEquals(start.heads().get(0).probabilities(),
                t.segments().get(0).prediction().heads().get(0).probabilities(), 1e-5f,
                "the first window is what predict answers for the file");
    }

    @Test
    void theSummaryIsTheDurationWeightedMeanAndTheMajorityByTime() throws Exception {
        Timeline t = model.timeline(recording, 3, 1.5);
        for (int h = 0; h < t.summary().size(); h++) {
            Timeline.Summary s = t.summary().get(h);
            int classes = s.classes().size();
            double[] mean = new double[classes];
            double[] time = new double[classes];
            double total = 0;
            for (TimelineSegment seg : t.segments()) {
                EmotionPrediction.Head p = seg.prediction().head(s.name());
                double w = seg.end() - seg.start();
                total += w;
                for (int c = 0; c < classes; c++) {
                    mean[c] += w * p.probabilities()[c];
                }
                time[p.index()] += w;
            }
            int best = 0;
            int most = 0;
            for (int c = 0; c < classes; c++) {
                mean[c] /= total;
                best = mean[c] > mean[best] ? c : best;
                most = time[c] > time[most] ? c : most;
                assertEquals(mean[c], s.meanProbabilities()[c], 1e-9);
                assertEquals(time[c], s.secondsPerClass()[c], 1e-9);
            }
            assertEquals(s.classes().get(best), s.label());
            assertEquals(s.classes().get(most), s.majority());
        }
    }

    @Test
    void speechDetectionSkipsTheSilenceAndPredictsTheSpeech() throws Exception {
        TimelineOptions o = TimelineOptions.defaults(model.info()).withWindow(2, 1).withVad(true);
        List<TimelineSegment> streamed = new ArrayList<>();
        Timeline t = model.timeline(quietStart, o, streamed::add);

        assertEquals(t.segments(), streamed, "the listener saw every window, in order");
        double speechStart = 6.0;
        double speechEnd = t.seconds() - 6.0;
        for (TimelineSegment s : t.segments()) {
            assertFalse(Double.isNaN(s.speechSeconds()));
            if (s.end() <= speechStart - 0.1 || s.start() >= speechEnd + 0.3) {
                assertNull(s.prediction(), "a window of noise alone is not predicted: " + s);
                assertTrue(s.speechSeconds() < o.minSpeechSeconds(), s.toString());
            }
            if (s.start() >= speechStart && s.end() <= speechEnd) {
                assertTrue(s.predicted(), "a window inside the utterance is predicted: " + s);
            }
        }
        assertTrue(t.predicted() > 0 && t.predicted() < t.windows(), t.predicted() + " of " + t.windows());
    }

    @Test
    void aFileUnderATenthOfASecondIsTooShortForATimelineAsForAWholeRead(@TempDir Path dir) throws Exception {
        Path tiny = TestAudio.writeWav16(dir.resolve("tiny.wav"), TestAudio.tone(300, 16_000, 0.05, 0.3), 16_000);
        var e = assertThrows(org.aaec.audio.AudioInputException.class, () -> model.timeline(tiny, 4, 2));
        assertEquals(org.aaec.audio.AudioInputException.Problem.TOO_SHORT, e.problem());
        assertEquals(assertThrows(org.aaec.audio.AudioInputException.class, () -> loader.load(tiny)).getMessage(),
                e.getMessage(), "the same words as a whole read");
    }

    @Test
    void aWindowLongerThanTheModelsInputIsRefused() {
        double input = model.info().features().maxSeconds();
        assertThrows(IllegalArgumentException.class, () -> model.timeline(recording, input + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> model.timeline(recording, 2, 3), "hop beyond the window");
    }
}
