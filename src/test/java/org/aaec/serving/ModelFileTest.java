package org.aaec.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aaec.io.ZipArchive;
import org.aaec.audio.AudioLoader;
import org.aaec.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @Test
    void shippedModelLoadsAloneAndPredictsRavdess() throws Exception {
        try (EmotionRecognizer r = EmotionRecognizer.loadDefault()) {
            ModelInfo info = r.info();
            assertEquals("aaec", info.variant());
            assertEquals(List.of("arousal", "valence"), info.model().heads().stream().map(h -> h.name()).toList());
            assertEquals(126, info.model().frames());
            assertEquals(4.0, info.features().maxSeconds());
            assertTrue(info.trainedOn().contains("ravdess"), info.trainedOn());
            assertEquals(2, info.test().size(), "test scores travel with the model");
            // a high-arousal clip of a test actor (08): "angry, strong intensity"
            Path clip = Shared.corpus("ravdess").resolve("Actor_08/03-01-05-02-01-01-08.flac");
            EmotionPrediction p = r.predict(new AudioLoader().load(clip));
            float sum = 0;
            for (float v : p.head("valence").probabilities()) {
                sum += v;
            }
            assertEquals(1f, sum, 1e-4f);
            assertEquals(List.of("high", "low", "medium"), p.head("arousal").classes());
        }
    }

    /**
     * The shipped model hears the voice, not the volume: the same clip at -20, -10 and +6 dB gets
     * the same classes (scaled as floats, so +6 dB does not clip).
     */
    @Test
    void shippedModelAnswersTheSameAtAnyGain() throws Exception {
        List<Path> clips = List.of(
                Shared.corpus("ravdess").resolve("Actor_08/03-01-05-02-01-01-08.flac"),
                Shared.corpus("ravdess").resolve("Actor_10/03-01-02-01-02-02-10.flac"),
                Shared.corpus("ravdess").resolve("Actor_14/03-01-04-01-01-01-14.flac"),
                Shared.corpus("emodb").resolve("03a01Fa.flac"),
                Shared.corpus("emodb").resolve("03a01Nc.flac"),
                Shared.corpus("emodb").resolve("03a01Wa.flac"));
        AudioLoader loader = new AudioLoader();
        try (EmotionRecognizer r = EmotionRecognizer.loadDefault()) {
            assertEquals("spectral", r.info().normalization().level());
            assertEquals(64, r.info().normalization().mel().bands(), "the shipped model reads 64 mel bands");
            for (Path f : clips) {
                org.aaec.audio.AudioClip clip = loader.load(f);
                List<String> asRecorded = labels(r.predict(clip));
                for (double db : new double[] {-20, -10, 6}) {
                    assertEquals(asRecorded, labels(r.predict(clip.withGainDb(db))), f.getFileName() + " at " + db
                            + " dB");
                }
            }
        }
    }

    private static List<String> labels(EmotionPrediction p) {
        return p.heads().stream().map(EmotionPrediction.Head::label).toList();
    }

    @Test
    void notAModelIsNamed(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("x.aaec"), "hello");
        IOException a = assertThrows(IOException.class, () -> ModelFile.read(text));
        assertTrue(a.getMessage().startsWith(text + ": not an aaec archive"), a.getMessage());
        Path zip = dir.resolve("y.aaec");
        ZipArchive.write(zip, Map.of("other.txt", new byte[] {1}));
        IOException b = assertThrows(IOException.class, () -> ModelFile.read(zip));
        assertTrue(b.getMessage().contains("no model.json"), b.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left by the atomic write");
        }
    }
}
