package org.aaec.audio;

import java.util.Arrays;

/** A growable float array, to collect blocks of unknown count without boxing. */
final class SampleBuffer {
    private float[] data = new float[1 << 16];
    private int size;

    /** Appends the first {@code n} samples of {@code block}. */
    void append(float[] block, int n) {
        if (size + n > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, size + n));
        }
        System.arraycopy(block, 0, data, size, n);
        size += n;
    }

    int size() {
        return size;
    }

    float[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
