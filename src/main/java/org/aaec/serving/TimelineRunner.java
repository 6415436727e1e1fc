package org.aaec.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioSource;
import org.aaec.audio.Resampler;
import org.aaec.segments.SlidingWindows;

/**
 * The timeline loop, apart from who predicts: a stream is resampled to the model's rate, cut into
 * windows, the windows with enough speech predicted in batches by a given function (one
 * recognizer, or the HTTP service's shared batching pool), and every window handed on in order.
 */
public final class TimelineRunner {

    private TimelineRunner() {
    }

    /**
     * @param info the model's description (rate and input length)
     * @param source samples at any rate, read to the end and not closed
     * @param options windows, speech detection, batch, whether to keep the segments
     * @param each receives every window in order
     * @param predict the model's answers for a batch of clips at the model's rate
     * @return the windows and their summary
     * @throws AudioInputException when the source fails
     * @throws IllegalArgumentException when the window is longer than the model's input
     */
    public static Timeline run(ModelInfo info, AudioSource source, TimelineOptions options,
            Consumer<TimelineSegment> each, Function<List<AudioClip>, List<EmotionPrediction>> predict)
            throws AudioInputException {
        if (options.windowSeconds() > info.features().maxSeconds() + 1e-9) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a window of %s s is longer than the "
                    + "model's input (%s s): it would read only the first %s s of each", options.windowSeconds(),
                    info.features().maxSeconds(), info.features().maxSeconds()));
        }
        int rate = info.features().sampleRate();
        AudioSource in = Resampler.stream(source, rate); // never closed here: closing it would close the caller's source
        SlidingWindows windows = new SlidingWindows(rate, (int) Math.round(options.windowSeconds() * rate),
                (int) Math.round(options.hopSeconds() * rate), options.vad());
        Timeline.Builder timeline = new Timeline.Builder(options.keepSegments());
        List<SlidingWindows.Window> pending = new ArrayList<>();
        Consumer<SlidingWindows.Window> collect = w -> {
            pending.add(w);
            if (pending.size() >= options.batch()) {
                flush(pending, options, rate, timeline, each, predict);
            }
        };
        float[] block;
        while ((block = in.next()) != null) {
            windows.accept(block, collect);
        }
        windows.finish(collect);
        flush(pending, options, rate, timeline, each, predict);
        return timeline.build(windows.samples() / (double) rate);
    }

    /** Predicts the pending windows with enough speech as one batch and hands every window on. */
    private static void flush(List<SlidingWindows.Window> pending, TimelineOptions options, int rate,
            Timeline.Builder timeline, Consumer<TimelineSegment> each,
            Function<List<AudioClip>, List<EmotionPrediction>> predict) {
        List<SlidingWindows.Window> speech = pending.stream()
                .filter(w -> !options.vad() || w.speechSeconds() >= options.minSpeechSeconds()).toList();
        List<EmotionPrediction> answers = speech.isEmpty() ? List.of()
                : predict.apply(speech.stream().map(w -> new AudioClip(w.samples(), rate)).toList());
        int k = 0;
        for (SlidingWindows.Window w : pending) {
            boolean predicted = k < speech.size() && speech.get(k) == w;
            TimelineSegment s = new TimelineSegment(w.index(), w.start() / (double) rate, w.end() / (double) rate,
                    w.speechSeconds(), predicted ? answers.get(k++) : null);
            timeline.add(s);
            each.accept(s);
        }
        pending.clear();
    }
}
