package org.aaec.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Band-limited sample-rate conversion, numerically the same as scipy's
 * {@code resample_poly(x, up, down)} with its default Kaiser window (beta 5) and zero padding,
 * which is what the numpy reference of the features ({@code ../shared/bench/features_ref.py})
 * uses. Every decoded clip passes through it, whatever decoder produced it.
 *
 * <p>Written by hand rather than with FFmpeg's libswresample (used before): matching the
 * reference exactly makes the features comparable sample for sample, and a polyphase filter
 * computed once per rate pair runs about twice as fast as libswresample through JavaCPP,
 * where each call allocates native buffers. The filter is the one {@code scipy.signal.firwin}
 * designs: {@code 2·10·max(up, down) + 1} taps of a windowed sinc with cutoff
 * {@code 1/max(up, down)} of the Nyquist frequency, scaled to unit gain at DC, times
 * {@code up}. Output sample {@code n} is {@code Σ_j h[n·down − j·up + half] · x[j]}.
 */
public final class Resampler {

    private static final double KAISER_BETA = 5.0;
    private static final Map<Long, Polyphase> FILTERS = new ConcurrentHashMap<>();

    private Resampler() {
    }

    /**
     * Converts a mono clip to another sample rate.
     *
     * @param clip mono input
     * @param targetRate output sample rate in Hz
     * @return the clip itself when the rate already matches, otherwise a resampled copy of
     *     {@code ceil(n · up / down)} samples (scipy's length), where up/down is the reduced
     *     rate ratio
     */
    public static AudioClip resample(AudioClip clip, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target rate must be positive: " + targetRate);
        }
        if (clip.sampleRate() == targetRate) {
            return clip;
        }
        int g = gcd(targetRate, clip.sampleRate());
        int up = targetRate / g;
        int down = clip.sampleRate() / g;
        Polyphase filter = FILTERS.computeIfAbsent(((long) up << 32) | down, k -> new Polyphase(up, down));
        return new AudioClip(filter.apply(clip.samples()), targetRate);
    }

    /**
     * How many input samples beyond a cut the filter reaches: the first {@code n} output samples of
     * a file depend only on its first {@code ceil(n · from / to) + inputMargin(from, to)} input
     * samples, so a prefix that long resamples to exactly the whole file's first {@code n}.
     *
     * @param from input rate in Hz
     * @param to output rate in Hz
     * @return input samples, 0 when the rates match
     */
    public static int inputMargin(int from, int to) {
        if (from == to) {
            return 0;
        }
        int g = gcd(to, from);
        int up = to / g;
        int down = from / g;
        return (int) Math.ceil(10.0 * Math.max(up, down) / up) + 2; // the filter's half length, in input samples
    }

    /**
     * @param inputSamples length at the input rate
     * @param from input rate in Hz
     * @param to output rate in Hz
     * @return the length {@link #resample} gives ({@code ceil(n · up / down)})
     */
    public static long outputLength(long inputSamples, int from, int to) {
        if (from == to) {
            return inputSamples;
        }
        int g = gcd(to, from);
        long total = inputSamples * (to / g);
        long down = from / g;
        return total / down + (total % down == 0 ? 0 : 1);
    }

    /**
     * Resamples a source block by block, with memory bounded by one block and the filter's reach:
     * the samples it yields are bit for bit those {@link #resample} gives for the whole file (each
     * output is the same sum of the same products in the same order; only outputs whose every
     * input has arrived are released, and the input kept starts at a multiple of the decimation so
     * that outputs keep their phase).
     *
     * @param in a source at any rate (closed with the returned one)
     * @param targetRate output rate in Hz
     * @return {@code in} itself when the rates match, otherwise a source at {@code targetRate}
     */
    public static AudioSource stream(AudioSource in, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target rate must be positive: " + targetRate);
        }
        if (in.sampleRate() == targetRate) {
            return in;
        }
        int g = gcd(targetRate, in.sampleRate());
        int up = targetRate / g;
        int down = in.sampleRate() / g;
        return new Streaming(in, FILTERS.computeIfAbsent(((long) up << 32) | down, k -> new Polyphase(up, down)),
                targetRate);
    }

    /** {@link #stream}'s source: a window of the input from {@code base}, released as outputs complete. */
    private static final class Streaming implements AudioSource {
        /** Outputs gathered before a block is released (a quarter second at 16 kHz): the kept margin is recomputed per call. */
        private static final int MIN_BLOCK = 4_000;
        private final AudioSource in;
        private final Polyphase filter;
        private final int rate;
        private float[] buffer = new float[0];
        private int length;
        private long base; // input index of buffer[0], a multiple of down
        private long produced;
        private boolean ended;

        Streaming(AudioSource in, Polyphase filter, int rate) {
            this.in = in;
            this.filter = filter;
            this.rate = rate;
        }

        @Override
        public int sampleRate() {
            return rate;
        }

        @Override
        public float[] next() throws AudioInputException {
            while (true) {
                long inputEnd = base + length;
                long ready = ended ? outputs(inputEnd) : complete(inputEnd);
                if (ready - produced >= MIN_BLOCK || ended && ready > produced) {
                    return release(ready);
                }
                if (ended) {
                    return null;
                }
                float[] block = in.next();
                if (block == null) {
                    ended = true;
                } else {
                    if (length + block.length > buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, Math.max(2 * buffer.length, length + block.length));
                    }
                    System.arraycopy(block, 0, buffer, length, block.length);
                    length += block.length;
                }
            }
        }

        /** Outputs n with every input they read below {@code inputEnd}: n·down + half < inputEnd·up. */
        private long complete(long inputEnd) {
            long limit = inputEnd * filter.up - filter.half - 1;
            return limit < 0 ? 0 : limit / filter.down + 1;
        }

        private long outputs(long inputSamples) {
            long total = inputSamples * filter.up;
            return total / filter.down + (total % filter.down == 0 ? 0 : 1);
        }

        private float[] release(long ready) {
            float[] all = filter.apply(java.util.Arrays.copyOf(buffer, length));
            long shift = base / filter.down * filter.up; // output index of all[0]
            float[] out = java.util.Arrays.copyOfRange(all, (int) (produced - shift), (int) (ready - shift));
            produced = ready;
            // the lowest input the next output reads: n·down − half over up, rounded down to a multiple of down
            long lowest = Math.max(0, Math.floorDiv(produced * filter.down - filter.half, (long) filter.up));
            long newBase = lowest / filter.down * filter.down;
            int drop = (int) (newBase - base);
            System.arraycopy(buffer, drop, buffer, 0, length - drop);
            length -= drop;
            base = newBase;
            return out;
        }

        @Override
        public void close() {
            in.close();
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** One rate pair's filter, split into {@code up} phases, each stored reversed for a forward dot product. */
    private static final class Polyphase {
        private final int up;
        private final int down;
        private final int half;
        private final float[][] phases;

        Polyphase(int up, int down) {
            this.up = up;
            this.down = down;
            int maxRate = Math.max(up, down);
            this.half = 10 * maxRate;
            double[] h = design(2 * half + 1, 1.0 / maxRate, up);
            this.phases = new float[up][];
            for (int p = 0; p < up; p++) {
                int taps = p < h.length ? (h.length - 1 - p) / up + 1 : 0;
                float[] reversed = new float[taps];
                for (int k = 0; k < taps; k++) {
                    reversed[taps - 1 - k] = (float) h[p + k * up];
                }
                phases[p] = reversed;
            }
        }

        /** scipy's firwin(numtaps, cutoff, window=('kaiser', 5.0)), scaled to unit DC gain, times up. */
        private static double[] design(int numtaps, double cutoff, int gain) {
            double[] h = new double[numtaps];
            double alpha = (numtaps - 1) / 2.0;
            double i0Beta = besselI0(KAISER_BETA);
            double sum = 0;
            for (int n = 0; n < numtaps; n++) {
                double m = n - alpha;
                double r = 2.0 * n / (numtaps - 1) - 1.0;
                double window = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
                h[n] = cutoff * sinc(cutoff * m) * window;
                sum += h[n];
            }
            for (int n = 0; n < numtaps; n++) {
                h[n] = h[n] / sum * gain;
            }
            return h;
        }

        private static double sinc(double x) {
            if (x == 0) {
                return 1;
            }
            double px = Math.PI * x;
            return Math.sin(px) / px;
        }

        /** The modified Bessel function of the first kind, order 0, by its power series. */
        private static double besselI0(double x) {
            double term = 1;
            double sum = 1;
            double q = x * x / 4;
            for (int k = 1; k < 500 && term > 1e-17 * sum; k++) {
                term *= q / ((double) k * k);
                sum += term;
            }
            return sum;
        }

        /**
         * Filters and decimates. Outputs are taken by residue class r = n mod up, where phase and
         * input stride are fixed: {@code out[r + m·up] = Σ_k taps_r[k] · x[a_r + k + m·down]}.
         * With the (zero-padded) input split into {@code down} interleaved streams, the inner loop
         * over m reads one stream contiguously, an axpy that the JIT turns into SIMD code; a
         * per-output dot product (tried first) was twice as slow as libswresample.
         */
        float[] apply(float[] x) {
            long total = (long) x.length * up;
            int outLength = (int) (total / down + (total % down == 0 ? 0 : 1));
            float[] out = new float[outLength];
            int maxTaps = phases[0].length;
            for (float[] ph : phases) {
                maxTaps = Math.max(maxTaps, ph.length);
            }
            int pad = maxTaps; // zeros before x, so that every tap of every output reads inside the array
            int perClass = (outLength + up - 1) / up;
            long lastHigh = ((long) (up - 1 + (long) (perClass - 1) * up) * down + half) / up;
            long paddedLength = Math.max(pad + lastHigh + 1, pad + (long) x.length);
            int streamLength = (int) ((paddedLength + down - 1) / down) + 1;
            float[] streams = new float[down * streamLength]; // stream c holds xp[c], xp[c + down], ...
            int c = pad % down;
            int q = pad / down;
            for (float v : x) { // counters instead of a division per sample
                streams[c * streamLength + q] = v;
                if (++c == down) {
                    c = 0;
                    q++;
                }
            }
            float[] acc = new float[perClass];
            float[] slice = new float[perClass];
            for (int r = 0; r < up && r < outLength; r++) {
                long t = (long) r * down + half;
                float[] taps = phases[(int) (t % up)];
                long first = t / up - taps.length + 1 + pad; // padded index of the first tap at m = 0
                int count = (outLength - r + up - 1) / up;
                java.util.Arrays.fill(acc, 0, count, 0f);
                for (int k = 0; k < taps.length; k++) {
                    long i = first + k;
                    // the slice is copied to offset 0 first: Java 17's C2 does not vectorize a loop whose
                    // load and store have different variable offsets, and the copy is cheaper than the loss
                    System.arraycopy(streams, (int) (i % down) * streamLength + (int) (i / down), slice, 0, count);
                    axpy(taps[k], slice, acc, count);
                }
                for (int m = 0; m < count; m++) {
                    out[r + m * up] = acc[m];
                }
            }
            return out;
        }

        private static void axpy(float w, float[] src, float[] acc, int count) {
            for (int m = 0; m < count; m++) {
                acc[m] += w * src[m];
            }
        }
    }
}
