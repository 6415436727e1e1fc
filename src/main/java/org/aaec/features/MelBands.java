package org.aaec.features;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A mel filterbank that sums a power spectrogram's linear frequency bins into fewer bands spaced
 * evenly on the mel scale: a lower-dimensional input (64 bands instead of 513 bins) that a decoder
 * can reconstruct and that depends less on one recording's fine spectral detail.
 *
 * <p>The definition is HTK's, as torchaudio's {@code melscale_fbanks} with {@code norm=None}:
 * {@code mel(f) = 2595 log10(1 + f / 700)}; {@code bands + 2} points evenly spaced in mel from
 * {@code fMin} to {@code fMax}, converted back to Hz, give each band a lower edge, a centre and an
 * upper edge; bin k at {@code k·sampleRate/nFft} Hz gets the weight of the triangle rising from the
 * lower edge to 1 at the centre and falling to 0 at the upper edge. Triangles are not area-normalised:
 * the per-band standardisation that follows removes any constant factor per band anyway.
 *
 * @param bands number of mel bands
 * @param sampleRate Hz of the audio the spectrogram was computed from
 * @param nFft FFT length of that spectrogram (it has {@code nFft/2 + 1} bins)
 * @param fMin lowest frequency, Hz
 * @param fMax highest frequency, Hz, at most the Nyquist frequency
 */
public record MelBands(int bands, int sampleRate, int nFft, double fMin, double fMax) {

    private static final Map<MelBands, Weights> CACHE = new ConcurrentHashMap<>();

    /** Checks the invariants; every band must cover at least one bin with a non-zero weight. */
    public MelBands {
        if (bands < 1 || sampleRate <= 0 || nFft <= 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mel bands need bands >= 1, a positive rate and nFft > 1: bands=%d sampleRate=%d nFft=%d",
                    bands, sampleRate, nFft));
        }
        if (!(fMin >= 0) || !(fMax > fMin) || fMax > sampleRate / 2.0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "mel bands need 0 <= fMin < fMax <= %s Hz (half the rate): fMin=%s fMax=%s",
                    sampleRate / 2.0, fMin, fMax));
        }
    }

    /**
     * The bands used by {@code features.mels}: from 0 Hz to the Nyquist frequency of the store's
     * settings.
     *
     * @param bands number of bands
     * @param config the feature settings of the power spectrogram
     * @return the filterbank description
     * @throws IllegalArgumentException when some band would be empty at this FFT resolution
     */
    public static MelBands of(int bands, FeatureConfig config) {
        MelBands mel = new MelBands(bands, config.sampleRate(), config.nFft(), 0, config.sampleRate() / 2.0);
        mel.weights(); // fails now, naming the problem, rather than at the first clip
        return mel;
    }

    /** Linear bins this filterbank reads: {@code nFft/2 + 1}. */
    @JsonIgnore
    public int inputBins() {
        return nFft / 2 + 1;
    }

    /**
     * The centre frequency of every band (the peak of its triangle), Hz.
     *
     * @return a new array, ascending
     */
    public double[] centres() {
        double lo = hzToMel(fMin);
        double hi = hzToMel(fMax);
        double[] c = new double[bands];
        for (int b = 0; b < bands; b++) {
            c[b] = melToHz(lo + (hi - lo) * (b + 1) / (bands + 1));
        }
        return c;
    }

    /** HTK's mel scale. */
    static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    /** The inverse of {@link #hzToMel}. */
    static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    /**
     * The weight matrix, bands × input bins (row-major), as defined above.
     *
     * @return a new array
     */
    public double[][] matrix() {
        Weights w = weights();
        double[][] m = new double[bands][inputBins()];
        for (int b = 0; b < bands; b++) {
            System.arraycopy(w.values[b], 0, m[b], w.first[b], w.values[b].length);
        }
        return m;
    }

    /**
     * Sums a power spectrogram's bins into bands: {@code out[t][b] = Σ_k w[b][k]·power[t][k]}, in
     * double precision.
     *
     * @param power T × {@link #inputBins()} power
     * @return T × {@link #bands()} band power
     */
    public Spectrogram project(Spectrogram power) {
        if (power.bins() != inputBins()) {
            throw new IllegalArgumentException("spectrogram has " + power.bins() + " bins, the mel filterbank reads "
                    + inputBins());
        }
        Weights w = weights();
        int in = power.bins();
        float[] d = power.data();
        float[] out = new float[power.frames() * bands];
        for (int t = 0; t < power.frames(); t++) {
            int base = t * in;
            for (int b = 0; b < bands; b++) {
                double[] v = w.values[b];
                int k0 = base + w.first[b];
                double sum = 0;
                for (int i = 0; i < v.length; i++) {
                    sum += v[i] * d[k0 + i];
                }
                out[t * bands + b] = (float) sum;
            }
        }
        return new Spectrogram(out, power.frames(), bands);
    }

    private Weights weights() {
        return CACHE.computeIfAbsent(this, MelBands::build);
    }

    /** Each band's non-zero weights and the bin where they start: the matrix is 3 % filled at 64 bands. */
    private record Weights(int[] first, double[][] values) {
    }

    private static Weights build(MelBands m) {
        int bins = m.inputBins();
        double lo = hzToMel(m.fMin);
        double hi = hzToMel(m.fMax);
        double[] edges = new double[m.bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(lo + (hi - lo) * i / (m.bands + 1));
        }
        int[] first = new int[m.bands];
        double[][] values = new double[m.bands][];
        for (int b = 0; b < m.bands; b++) {
            double left = edges[b];
            double centre = edges[b + 1];
            double right = edges[b + 2];
            double[] row = new double[bins];
            int start = -1;
            int end = -1;
            for (int k = 0; k < bins; k++) {
                double f = k * (double) m.sampleRate / m.nFft;
                double w = Math.max(0, Math.min((f - left) / (centre - left), (right - f) / (right - centre)));
                row[k] = w;
                if (w > 0) {
                    start = start < 0 ? k : start;
                    end = k + 1;
                }
            }
            if (start < 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "%d mel bands are too many for FFT %d at %d Hz: band %d (%.1f-%.1f Hz) covers no bin; "
                                + "use fewer bands or a longer FFT", m.bands, m.nFft, m.sampleRate, b, left, right));
            }
            first[b] = start;
            values[b] = java.util.Arrays.copyOfRange(row, start, end);
        }
        return new Weights(first, values);
    }
}
