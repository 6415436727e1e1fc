package org.aaec.serving;

/**
 * How a recording is cut into windows for {@link EmotionRecognizer#timeline}.
 *
 * @param windowSeconds window length; at most the model's input length (it reads no more)
 * @param hopSeconds time between window starts, at most the window
 * @param vad whether to detect speech ({@code segments.EnergyVad}) and skip windows with less than
 *     {@code minSpeechSeconds} of it
 * @param minSpeechSeconds with {@code vad}, windows with less speech are marked and not predicted
 * @param batch windows predicted together (1 gives each window's answer as soon as it is complete,
 *     as live listening wants; more is faster on a file)
 * @param keepSegments whether the returned {@link Timeline} lists every segment (false for endless
 *     streams, where only the listener and the summary are wanted)
 */
public record TimelineOptions(double windowSeconds, double hopSeconds, boolean vad, double minSpeechSeconds,
        int batch, boolean keepSegments) {

    /** Speech a window needs with {@code vad}, by default. */
    public static final double DEFAULT_MIN_SPEECH_SECONDS = 0.5;
    /** Windows predicted together on a file, by default. */
    public static final int DEFAULT_BATCH = 16;
    /** The shortest window that makes sense (the feature front end needs a few frames). */
    public static final double MIN_WINDOW_SECONDS = 0.5;

    /** Checks the ranges. */
    public TimelineOptions {
        if (!(windowSeconds >= MIN_WINDOW_SECONDS) || !(hopSeconds > 0) || hopSeconds > windowSeconds) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "window %s s and hop %s s: the "
                    + "window at least %s s, the hop positive and at most the window", windowSeconds, hopSeconds,
                    MIN_WINDOW_SECONDS));
        }
        if (!(minSpeechSeconds >= 0) || minSpeechSeconds > windowSeconds) {
            throw new IllegalArgumentException("minimum speech " + minSpeechSeconds + " s: 0 to the window's length");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, not " + batch);
        }
    }

    /**
     * The defaults for a model: windows of its input length, half of that as hop, no speech
     * detection, batches of {@value #DEFAULT_BATCH}.
     *
     * @param info the model
     * @return the options
     */
    public static TimelineOptions defaults(ModelInfo info) {
        double w = info.features().maxSeconds();
        return new TimelineOptions(w, w / 2, false, DEFAULT_MIN_SPEECH_SECONDS, DEFAULT_BATCH, true);
    }

    /**
     * The defaults for a model with a window, hop and speech detection a user asked for: a
     * missing window is the model's input length, a missing hop half the window.
     *
     * @param info the model
     * @param window seconds, or {@code null}
     * @param hop seconds, or {@code null}
     * @param vad speech detection
     * @return the options
     * @throws IllegalArgumentException when the window is longer than the model's input (it reads
     *     no more of it) or the values are out of range
     */
    public static TimelineOptions of(ModelInfo info, Double window, Double hop, boolean vad) {
        double input = info.features().maxSeconds();
        double w = window == null ? input : window;
        if (w > input + 1e-9) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the window must be at most the "
                    + "model's input length, %s s (the model reads no more of a window), not %s",
                    org.aaec.audio.AudioLoader.seconds(input), org.aaec.audio.AudioLoader.seconds(w)));
        }
        return defaults(info).withWindow(w, hop == null ? w / 2 : hop).withVad(vad);
    }

    /** The same with another window and hop. */
    public TimelineOptions withWindow(double window, double hop) {
        return new TimelineOptions(window, hop, vad, minSpeechSeconds, batch, keepSegments);
    }

    /** The same with speech detection on or off. */
    public TimelineOptions withVad(boolean on) {
        return new TimelineOptions(windowSeconds, hopSeconds, on, minSpeechSeconds, batch, keepSegments);
    }

    /** The same with another minimum of speech per window. */
    public TimelineOptions withMinSpeech(double seconds) {
        return new TimelineOptions(windowSeconds, hopSeconds, vad, seconds, batch, keepSegments);
    }

    /** The same with another batch size. */
    public TimelineOptions withBatch(int windows) {
        return new TimelineOptions(windowSeconds, hopSeconds, vad, minSpeechSeconds, windows, keepSegments);
    }

    /** The same, keeping the segments or not. */
    public TimelineOptions keeping(boolean keep) {
        return new TimelineOptions(windowSeconds, hopSeconds, vad, minSpeechSeconds, batch, keep);
    }
}
