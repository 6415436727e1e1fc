package org.aaec.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.data.AudioFiles;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.EmotionRecognizer;

/**
 * The model's answer for each of a list of audio files (folders are searched for audio): one
 * {@link Row} per file, handed to a {@link Sink} as soon as the file is done, so output is written
 * as the job goes. A file that cannot be read becomes a row with its error and a warning; it never
 * stops the others.
 */
public final class Prediction {

    /**
     * One file's outcome.
     *
     * @param file the file
     * @param prediction the model's answer, or {@code null} when it failed
     * @param error why it failed, naming the file, or {@code null}
     */
    public record Row(Path file, EmotionPrediction prediction, String error) {
    }

    /** Receives rows in order. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param row one file's outcome
         * @throws IOException when writing it fails
         */
        void accept(Row row) throws IOException;
    }

    /**
     * @param files files predicted
     * @param failed files that could not be read
     * @param cut files longer than the model's input, of which only the start was predicted
     */
    public record Summary(int files, int failed, int cut) {

        /** A summary without cut files. */
        public Summary(int files, int failed) {
            this(files, failed, 0);
        }
    }

    private Prediction() {
    }

    /**
     * Files and folders to the audio files to predict: a folder gives the audio files below it, a
     * file is kept as it is (a missing or bad one gets an error row).
     *
     * @param inputs what the user named
     * @return the files, in order
     * @throws IOException when a folder cannot be listed
     */
    public static List<Path> files(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                List<Path> found = AudioFiles.list(p, true);
                if (found.isEmpty()) {
                    throw new org.aaec.data.ManifestException(p, 0, "is a folder with no audio files in it ("
                            + String.join(", ", new java.util.TreeSet<>(AudioFiles.EXTENSIONS)) + ")");
                }
                files.addAll(found);
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /**
     * One file as {@code predict} sees it, on its own: the start of it (the model's input length)
     * predicted, or the reason it could not be, naming the file. For jobs that spread files over
     * workers (Spark), where {@link #run}'s sequence and counts do not apply.
     *
     * @param model the model
     * @param loader decodes at the model's rate
     * @param file the audio
     * @return its row
     */
    public static Row one(EmotionRecognizer model, AudioLoader loader, Path file) {
        try {
            return new Row(file, model.predict(loader.startOf(file, model.info().features().maxSeconds()).start()),
                    null);
        } catch (AudioInputException | RuntimeException | OutOfMemoryError e) {
            return new Row(file, null, Failures.of(file, e)); // whatever it is, it is this file's row
        }
    }

    /**
     * @param model the model
     * @param files audio files
     * @param sink receives one row per file, in order
     * @param reporter progress and one warning per failed file
     * @return how many files were predicted and how many failed
     * @throws IOException when the sink fails
     */
    public static Summary run(EmotionRecognizer model, List<Path> files, Sink sink, Reporter reporter)
            throws IOException {
        return run(model, files, 0, sink, reporter);
    }

    /**
     * Predicts with the audio scaled first: a robustness check (a level-invariant model should
     * answer the same at any gain). Samples are scaled as floats, without clipping; each file that
     * goes beyond full scale (where a fixed-point recording would have clipped) gets a warning.
     *
     * @param model the model
     * @param files audio files
     * @param gainDb gain applied to every file's audio, in dB
     * @param sink receives one row per file, in order
     * @param reporter progress and warnings
     * @return how many files were predicted and how many failed
     * @throws IOException when the sink fails
     */
    public static Summary run(EmotionRecognizer model, List<Path> files, double gainDb, Sink sink, Reporter reporter)
            throws IOException {
        AudioLoader loader = new AudioLoader(model.info().features().sampleRate());
        int failed = 0;
        int cut = 0;
        try (Reporter.Stage stage = reporter.stage("predict", files.size())) {
            for (Path f : files) {
                Row row;
                try {
                    AudioLoader.Excerpt start = loader.startOf(f, model.info().features().maxSeconds());
                    cut += start.totalSamples() < 0 ? 1 : 0;
                    AudioClip clip = start.start();
                    if (gainDb != 0) {
                        clip = clip.withGainDb(gainDb);
                        if (clip.beyondFullScale()) {
                            reporter.warn(String.format(java.util.Locale.ROOT, "%s: beyond full scale at %+.1f dB "
                                    + "(scaled as floats, not clipped)", f, gainDb));
                        }
                    }
                    row = new Row(f, model.predict(clip), null);
                } catch (AudioInputException | RuntimeException | OutOfMemoryError e) {
                    // one file's failure, whatever it is, is that file's row: the others still get theirs
                    String why = Failures.of(f, e);
                    row = new Row(f, null, why);
                    reporter.warn("skipped: " + why);
                    failed++;
                }
                sink.accept(row);
                stage.step();
            }
        }
        return new Summary(files.size(), failed, cut);
    }
}
