package org.aaec.features;

/**
 * A T × F matrix of floats in row-major order (frame by frame), the shape every feature has.
 *
 * @param data T·F values, frame {@code t} at {@code [t * bins, (t + 1) * bins)}
 * @param frames T
 * @param bins F
 */
public record Spectrogram(float[] data, int frames, int bins) {

    /** Checks that the data matches the shape. */
    public Spectrogram {
        if (frames < 0 || bins <= 0 || data.length != (long) frames * bins) {
            throw new IllegalArgumentException(
                    "data of length " + data.length + " does not match " + frames + " x " + bins);
        }
    }

    /** The value at frame {@code t}, bin {@code f}. */
    public float get(int t, int f) {
        return data[t * bins + f];
    }

    /**
     * Whether every value of frame {@code t} is exactly 0: in power, zero padding or digital
     * silence; in network input with trimmed silence, padding.
     */
    public boolean isZeroFrame(int t) {
        for (int i = t * bins, end = i + bins; i < end; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
