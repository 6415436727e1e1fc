package org.aaec.features;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The STFT power spectrogram of SPEC.md: periodic Hann window, frames centred by reflect-padding
 * nFft/2 samples at both ends, {@code |rfft(frame)|^2}, computed in double precision (as numpy
 * does) with JTransforms' real FFT.
 *
 * <p>Holds FFT plans and scratch buffers: one instance per thread.
 */
public final class PowerSpectrogram {

    private final FeatureConfig config;
    private final double[] window;
    private final DoubleFFT_1D fft;
    private final double[] frame;

    /**
     * @param config the settings, whose nFft, hop and window are used
     */
    public PowerSpectrogram(FeatureConfig config) {
        this.config = config;
        int n = config.nFft();
        this.window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n); // periodic: divides by n, not n - 1
        }
        this.fft = new DoubleFFT_1D(n);
        this.frame = new double[n];
    }

    /**
     * Computes the power spectrogram of a signal of any length longer than nFft/2.
     *
     * @param samples mono samples, typically already cut or padded to maxSeconds
     * @return T × F power, T = 1 + len / hop, F = nFft / 2 + 1
     */
    public Spectrogram compute(float[] samples) {
        int n = config.nFft();
        int pad = n / 2;
        int hop = config.hop();
        if (samples.length <= pad) {
            throw new IllegalArgumentException(
                    "signal of " + samples.length + " samples is too short for reflect padding of " + pad);
        }
        int frames = 1 + samples.length / hop;
        int bins = config.bins();
        float[] out = new float[frames * bins];
        for (int t = 0; t < frames; t++) {
            int start = t * hop - pad; // index into the unpadded signal
            boolean silent = true;
            if (start >= 0 && start + n <= samples.length) { // interior frame: no reflection needed
                for (int i = 0; i < n; i++) {
                    frame[i] = samples[start + i] * window[i];
                    silent &= samples[start + i] == 0;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    frame[i] = reflect(samples, start + i) * window[i];
                    silent &= frame[i] == 0;
                }
            }
            if (silent) {
                continue; // a frame of zeros (the padding of a short clip) has zero power: skip its FFT
            }
            fft.realForward(frame);
            // JTransforms packing: [Re0, Re(n/2), Re1, Im1, Re2, Im2, ...]
            int base = t * bins;
            out[base] = (float) (frame[0] * frame[0]);
            out[base + bins - 1] = (float) (frame[1] * frame[1]);
            for (int k = 1; k < bins - 1; k++) {
                double re = frame[2 * k];
                double im = frame[2 * k + 1];
                out[base + k] = (float) (re * re + im * im);
            }
        }
        return new Spectrogram(out, frames, bins);
    }

    /** numpy's 'reflect' padding: mirror about the end samples without repeating them. */
    private static double reflect(float[] x, int i) {
        int n = x.length;
        if (i < 0) {
            i = -i;
        } else if (i >= n) {
            i = 2 * (n - 1) - i;
        }
        return x[i];
    }
}
