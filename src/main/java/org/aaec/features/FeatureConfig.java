package org.aaec.features;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The settings that define a power spectrogram (SPEC.md "Input features"). Two stores or models
 * are compatible exactly when their settings' {@link #fingerprint()}s match.
 *
 * @param sampleRate Hz after resampling
 * @param nFft FFT length, also the window length
 * @param hop samples between frame starts
 * @param maxSeconds clips are cut or zero-padded to this length
 * @param window window name; only the periodic Hann window is implemented
 * @param center whether frames are centred (reflect-padded by nFft/2 at both ends)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record FeatureConfig(int sampleRate, int nFft, int hop, double maxSeconds, String window, boolean center) {

    /** The only window implemented: periodic Hann, as librosa's and torch's default. */
    public static final String HANN_PERIODIC = "hann-periodic";

    /**
     * The longest clip a model can take (5 minutes): the limit keeps a malformed or hostile model
     * file from asking for gigabytes per clip. Longer recordings are read window by window.
     */
    public static final double MAX_SECONDS = 300;
    /** The largest FFT size (65 536 samples, 4 s at 16 kHz). */
    public static final int MAX_FFT = 1 << 16;
    /** Feature sample rates from 1 kHz to 192 kHz. */
    public static final int MIN_RATE = 1_000;
    /** See {@link #MIN_RATE}. */
    public static final int MAX_RATE = 192_000;

    /** Checks the invariants, including upper bounds (settings may come from an untrusted model file). */
    public FeatureConfig {
        if (sampleRate <= 0 || nFft <= 1 || hop <= 0 || !(maxSeconds > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "feature settings must be positive: sampleRate=%d nFft=%d hop=%d maxSeconds=%s",
                    sampleRate, nFft, hop, maxSeconds));
        }
        if (sampleRate < MIN_RATE || sampleRate > MAX_RATE || nFft > MAX_FFT || hop > nFft
                || maxSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "feature settings out of range: sampleRate=%d (%d to %d), nFft=%d (at most %d), hop=%d (at most "
                            + "nFft), maxSeconds=%s (at most %s)", sampleRate, MIN_RATE, MAX_RATE, nFft, MAX_FFT, hop,
                    maxSeconds, MAX_SECONDS));
        }
        if ((nFft & 1) != 0) {
            throw new IllegalArgumentException("nFft must be even: " + nFft);
        }
        if (!HANN_PERIODIC.equals(window)) {
            throw new IllegalArgumentException("unsupported window '" + window + "'; use " + HANN_PERIODIC);
        }
        if (!center) {
            throw new IllegalArgumentException("only centred frames (center=true) are implemented");
        }
    }

    /** SPEC.md's defaults: 16 kHz, FFT 1024, hop 512, 15 s, periodic Hann, centred. */
    public static FeatureConfig defaults() {
        return new FeatureConfig(16_000, 1024, 512, 15.0, HANN_PERIODIC, true);
    }

    /** The same settings with another clip length. */
    public FeatureConfig withMaxSeconds(double seconds) {
        return new FeatureConfig(sampleRate, nFft, hop, seconds, window, center);
    }

    /** Samples per clip after cutting or padding. */
    @JsonIgnore
    public int samplesPerClip() {
        return (int) Math.round(maxSeconds * sampleRate);
    }

    /** Frames per clip, T: 469 for 15 s at hop 512. */
    @JsonIgnore
    public int frames() {
        return 1 + samplesPerClip() / hop;
    }

    /** Frequency bins, F = nFft / 2 + 1: 513 for FFT 1024. */
    @JsonIgnore
    public int bins() {
        return nFft / 2 + 1;
    }

    /** A short hash of every setting, stored with features and models to refuse mixing them. */
    @JsonIgnore
    public String fingerprint() {
        // v2: resampling is scipy's resample_poly (was libswresample), so stores of v1 are not reused
        String canonical = String.format(Locale.ROOT, "power-spectrogram/v2;sr=%d;nfft=%d;hop=%d;max=%.6f;win=%s;c=%b",
                sampleRate, nFft, hop, maxSeconds, window, center);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
