package org.aaec.serving;

/**
 * One window of a timeline.
 *
 * @param index its number from 0
 * @param start start in seconds from the beginning of the recording
 * @param end end in seconds
 * @param speechSeconds seconds of speech in it, or NaN without speech detection
 * @param prediction the model's answer, or {@code null} when speech detection found too little
 *     speech to predict
 */
public record TimelineSegment(int index, double start, double end, double speechSeconds, EmotionPrediction prediction) {

    /** Whether the window was predicted (not skipped for lack of speech). */
    public boolean predicted() {
        return prediction != null;
    }

    /** Its length in seconds. */
    public double seconds() {
        return end - start;
    }
}
