package org.aaec.segments;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a stream of samples into windows of {@code window} samples starting every {@code hop}
 * samples, handing each out as soon as its last sample has arrived and keeping in memory only the
 * samples of windows not yet complete (so a two-hour file or an endless microphone costs one
 * window of memory). When the stream ends, a last, shorter window covers what the full ones left
 * out, so every sample is in some window; a stream shorter than one window is one window.
 *
 * <p>With a voice activity detector, each window also carries how many seconds of it are speech
 * ({@link EnergyVad}; frames wholly inside the window count).
 */
public final class SlidingWindows {

    /**
     * One window.
     *
     * @param index its number from 0
     * @param start first sample, from the start of the stream
     * @param end one past its last sample
     * @param samples its samples ({@code end - start} of them)
     * @param speechSeconds seconds of speech in it, or NaN without a detector
     */
    public record Window(int index, long start, long end, float[] samples, double speechSeconds) {
    }

    private final int rate;
    private final int window;
    private final int hop;
    private final EnergyVad vad;
    private float[] buffer;
    private int length;
    private long bufferStart; // stream index of buffer[0]
    private boolean[] speech = new boolean[64]; // VAD decisions from frame speechStart on
    private int speechLength;
    private long speechStart;
    private int next; // index of the next window
    private long lastEnd;
    private long total;

    /**
     * @param rate sample rate of the stream
     * @param window samples per window, at least 1
     * @param hop samples between window starts, 1 to {@code window}
     * @param detectSpeech whether to run the voice activity detector
     */
    public SlidingWindows(int rate, int window, int hop, boolean detectSpeech) {
        if (window < 1 || hop < 1 || hop > window) {
            throw new IllegalArgumentException("window " + window + " and hop " + hop
                    + " samples: both positive and the hop at most the window");
        }
        this.rate = rate;
        this.window = window;
        this.hop = hop;
        this.vad = detectSpeech ? new EnergyVad(rate) : null;
        this.buffer = new float[window + hop];
    }

    /** Samples received so far. */
    public long samples() {
        return total;
    }

    /**
     * Feeds the next samples; every window they complete goes to {@code out}, in order.
     *
     * @param block samples
     * @param out receives complete windows
     */
    public void accept(float[] block, Consumer<Window> out) {
        if (vad != null) {
            vad.accept(block, 0, block.length, this::recordSpeech);
        }
        int at = 0;
        while (at < block.length) {
            long nextEnd = (long) next * hop + window;
            int take = (int) Math.min(block.length - at, nextEnd - total);
            append(block, at, take);
            at += take;
            if (total == nextEnd) {
                emit(nextEnd, out);
            }
        }
    }

    /**
     * Ends the stream: the last, shorter window if any samples are not yet in one.
     *
     * @param out receives it
     */
    public void finish(Consumer<Window> out) {
        if (total > 0 && (next == 0 || lastEnd < total)) {
            emit(total, out);
        }
    }

    private void append(float[] block, int from, int count) {
        if (count <= 0) {
            return;
        }
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(block, from, buffer, length, count);
        length += count;
        total += count;
    }

    private void emit(long end, Consumer<Window> out) {
        long start = (long) next * hop;
        float[] samples = Arrays.copyOfRange(buffer, (int) (start - bufferStart), (int) (end - bufferStart));
        out.accept(new Window(next, start, end, samples, vad == null ? Double.NaN : speechSeconds(start, end)));
        lastEnd = end;
        next++;
        long keepFrom = Math.min((long) next * hop, total); // what later windows still need
        int drop = (int) (keepFrom - bufferStart);
        System.arraycopy(buffer, drop, buffer, 0, length - drop);
        length -= drop;
        bufferStart = keepFrom;
        if (vad != null) {
            long keepFrame = keepFrom / vad.frameLength();
            int dropFrames = (int) Math.min(speechLength, Math.max(0, keepFrame - speechStart));
            System.arraycopy(speech, dropFrames, speech, 0, speechLength - dropFrames);
            speechLength -= dropFrames;
            speechStart += dropFrames;
        }
    }

    private void recordSpeech(long frame, boolean isSpeech) {
        if (speechLength == speech.length) {
            speech = Arrays.copyOf(speech, speech.length * 2);
        }
        speech[(int) (frame - speechStart)] = isSpeech;
        speechLength++;
    }

    private double speechSeconds(long start, long end) {
        int len = vad.frameLength();
        long first = (start + len - 1) / len; // frames wholly inside [start, end)
        long last = end / len; // exclusive
        int count = 0;
        for (long f = Math.max(first, speechStart); f < Math.min(last, speechStart + speechLength); f++) {
            count += speech[(int) (f - speechStart)] ? 1 : 0;
        }
        return count * len / (double) rate;
    }
}
