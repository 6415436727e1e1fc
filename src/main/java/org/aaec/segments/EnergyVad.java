package org.aaec.segments;

/**
 * A voice activity detector on frame energy with hysteresis, streaming (it sees each sample once
 * and keeps three seconds of frame energies), with no model to download.
 *
 * <p>The rule, per 20 ms frame of energy {@code E} (dB relative to full scale):
 * <ul>
 *   <li>the noise floor is the lowest frame energy of the last 3 s (minimum statistics: speech
 *       pauses at least that often, so the floor follows changing background noise both ways);
 *   <li>speech starts when {@value #ON_DB} dB above the floor for {@value #ONSET_FRAMES}
 *       frames in a row, and not below {@value #ABSOLUTE_FLOOR_DB} dBFS (digital near-silence is
 *       never speech);
 *   <li>it continues while the energy stays {@value #OFF_DB} dB above the floor, and for a
 *       {@value #HANGOVER_FRAMES}-frame (200 ms) hangover after it drops, so that the quiet ends of
 *       words and short stops are kept.
 * </ul>
 * Both thresholds are relative to the floor, so the decision does not depend on the recording's
 * gain. This is what {@code --vad} uses; its purpose is to skip silence and flag windows with
 * too little speech, not to segment words.
 */
public final class EnergyVad {

    /** Frame length in seconds. */
    public static final double FRAME_SECONDS = 0.02;
    /** Speech starts this many dB above the noise floor. */
    public static final double ON_DB = 10;
    /** Speech continues while this many dB above the noise floor. */
    public static final double OFF_DB = 5;
    /** Frames never count as speech below this level (dBFS). */
    public static final double ABSOLUTE_FLOOR_DB = -60;
    /** Frames above the onset threshold in a row that start speech (40 ms). */
    public static final int ONSET_FRAMES = 2;
    /** Frames that speech lasts after the energy drops (200 ms). */
    public static final int HANGOVER_FRAMES = 10;
    private static final double FLOOR_MEMORY_SECONDS = 3.0;

    private final int frameLength;
    private final double[] recent; // ring of the last 3 s of frame energies, for the floor
    private int recentCount;
    private int recentAt;
    private double sum;
    private int inFrame;
    private boolean speaking;
    private int above;
    private int hangover;
    private long frames;

    /**
     * @param sampleRate rate of the samples {@link #accept} receives
     */
    public EnergyVad(int sampleRate) {
        this.frameLength = Math.max(1, (int) Math.round(FRAME_SECONDS * sampleRate));
        this.recent = new double[(int) Math.round(FLOOR_MEMORY_SECONDS / FRAME_SECONDS)];
    }

    /** Samples per frame. */
    public int frameLength() {
        return frameLength;
    }

    /** Receives each finished frame's decision. */
    @FunctionalInterface
    public interface FrameSink {
        /**
         * @param frame the frame's index from the start of the stream
         * @param speech whether it is speech
         */
        void frame(long frame, boolean speech);
    }

    /**
     * Feeds samples; every frame they complete is decided and handed to {@code sink}.
     *
     * @param samples the next samples of the stream
     * @param from first one to use
     * @param to one past the last
     * @param sink receives the decisions
     */
    public void accept(float[] samples, int from, int to, FrameSink sink) {
        for (int i = from; i < to; i++) {
            sum += samples[i] * (double) samples[i];
            if (++inFrame == frameLength) {
                sink.frame(frames++, decide(10 * Math.log10(sum / frameLength + 1e-12)));
                sum = 0;
                inFrame = 0;
            }
        }
    }

    private boolean decide(double db) {
        recent[recentAt] = db;
        recentAt = (recentAt + 1) % recent.length;
        recentCount = Math.min(recentCount + 1, recent.length);
        double floor = Double.POSITIVE_INFINITY;
        for (int k = 0; k < recentCount; k++) {
            floor = Math.min(floor, recent[k]);
        }
        boolean loud = db >= ABSOLUTE_FLOOR_DB;
        if (speaking) {
            if (loud && db >= floor + OFF_DB) {
                hangover = HANGOVER_FRAMES;
            } else if (--hangover < 0) {
                speaking = false;
            }
        } else {
            above = loud && db >= floor + ON_DB ? above + 1 : 0;
            if (above >= ONSET_FRAMES) {
                speaking = true;
                hangover = HANGOVER_FRAMES;
            }
        }
        return speaking;
    }
}
