package org.aaec.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.aaec.audio.AudioInputException;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Timeline;
import org.aaec.serving.TimelineOptions;
import org.aaec.serving.TimelineSegment;

/**
 * Emotion over time for each of a list of files: every file is streamed window by window
 * ({@link EmotionRecognizer#timeline}), each window handed to the sink as soon as it is predicted
 * and the file's summary after its last window. A file that cannot be read becomes an error row; it
 * never stops the others.
 */
public final class TimelinePrediction {

    /** Receives windows and file outcomes in order. */
    public interface Sink {
        /**
         * @param file the file
         * @param segment one of its windows
         * @throws IOException when writing fails
         */
        void window(Path file, TimelineSegment segment) throws IOException;

        /**
         * @param file the file
         * @param timeline its windows and summary, or {@code null} when it failed
         * @param error why it failed, naming the file, or {@code null}
         * @throws IOException when writing fails
         */
        void file(Path file, Timeline timeline, String error) throws IOException;
    }

    private TimelinePrediction() {
    }

    /**
     * @param model the model
     * @param files audio files
     * @param options windows, speech detection, batch
     * @param sink receives every window and every file's outcome, in order
     * @param reporter progress and one warning per failed file
     * @return how many files were predicted and how many failed
     * @throws IOException when the sink fails
     */
    public static Prediction.Summary run(EmotionRecognizer model, List<Path> files, TimelineOptions options, Sink sink,
            Reporter reporter) throws IOException {
        int failed = 0;
        try (Reporter.Stage stage = reporter.stage("timeline", files.size())) {
            for (Path f : files) {
                Timeline timeline = null;
                String error = null;
                try {
                    timeline = model.timeline(f, options, s -> {
                        try {
                            sink.window(f, s);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause(); // the output failed, not the file
                } catch (AudioInputException | RuntimeException | OutOfMemoryError e) {
                    error = Failures.of(f, e);
                    reporter.warn("skipped: " + error);
                    failed++;
                }
                sink.file(f, timeline, error);
                stage.step();
            }
        }
        return new Prediction.Summary(files.size(), failed);
    }
}
