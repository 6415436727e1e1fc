package org.aaec.training;

import java.util.List;
import java.util.Set;

/**
 * The {@code augment:} section of a config: classic data augmentation, the foil the paper's
 * generated samples are meant to beat. Applied on the fly to training clips only, each draw
 * seeded from the run's seed; every part is off by default.
 *
 * @param gainDb a gain drawn uniformly from ±gainDb dB (0: off). With {@code features.level:
 *     utterance} the input does not depend on gain, so this matters only for the {@code paper} preset
 * @param noise noise kinds to draw from: {@code white}, {@code pink}, {@code babble} (other training
 *     clips mixed in); empty: off
 * @param snrDb the signal-to-noise ratio range {@code [low, high]} in dB, drawn uniformly
 * @param noiseProbability share of clips that get noise
 * @param speeds speed factors drawn uniformly, e.g. {@code [0.9, 1.0, 1.1]}; empty: off
 * @param timeMasks SpecAugment time masks per clip
 * @param timeMaskFrames longest time mask, in frames
 * @param freqMasks SpecAugment frequency masks per clip
 * @param freqMaskBins widest frequency mask, in bins
 */
public record Augment(double gainDb, List<String> noise, List<Double> snrDb, double noiseProbability,
        List<Double> speeds, int timeMasks, int timeMaskFrames, int freqMasks, int freqMaskBins) {

    private static final Set<String> NOISES = Set.of("white", "pink", "babble");

    /** Nulls (keys left out of a config) become "off". */
    public Augment {
        noise = noise == null ? List.of() : List.copyOf(noise);
        snrDb = snrDb == null || snrDb.isEmpty() ? List.of(5.0, 30.0) : List.copyOf(snrDb);
        speeds = speeds == null ? List.of() : List.copyOf(speeds);
    }

    /** Nothing on. */
    public static Augment off() {
        return new Augment(0, List.of(), null, 1.0, List.of(), 0, 0, 0, 0);
    }

    /**
     * What {@code +aug} configurations of an experiment use when the config has no augment section
     * of its own: gain ±20 dB, white, pink or babble noise at 5-30 dB SNR on half the clips, speed
     * 0.9/1.0/1.1, two time masks of up to 10 frames and two frequency masks of up to 30 bins.
     */
    public static Augment classic() {
        return new Augment(20, List.of("white", "pink", "babble"), List.of(5.0, 30.0), 0.5, List.of(0.9, 1.0, 1.1),
                2, 10, 2, 30);
    }

    /** Whether any part is on. */
    public boolean enabled() {
        return gainDb > 0 || (!noise.isEmpty() && noiseProbability > 0) || !speeds.isEmpty()
                || (timeMasks > 0 && timeMaskFrames > 0) || (freqMasks > 0 && freqMaskBins > 0);
    }

    /**
     * Checks the values, naming the key that is wrong.
     *
     * @throws IllegalArgumentException {@code key 'augment.x': ...}
     */
    public void validate() {
        if (!(gainDb >= 0) || gainDb > 60) {
            throw new IllegalArgumentException("key 'augment.gainDb': must be 0 to 60, not " + gainDb);
        }
        for (String n : noise) {
            if (!NOISES.contains(n)) {
                throw new IllegalArgumentException("key 'augment.noise': unknown kind '" + n
                        + "'; use white, pink or babble");
            }
        }
        if (snrDb.size() != 2 || snrDb.get(0) > snrDb.get(1)) {
            throw new IllegalArgumentException("key 'augment.snrDb': must be [low, high] with low <= high, not "
                    + snrDb);
        }
        if (!(noiseProbability >= 0 && noiseProbability <= 1)) {
            throw new IllegalArgumentException("key 'augment.noiseProbability': must be 0 to 1, not "
                    + noiseProbability);
        }
        for (double s : speeds) {
            if (!(s >= 0.5 && s <= 2)) {
                throw new IllegalArgumentException("key 'augment.speeds': factors must be 0.5 to 2, not " + s);
            }
        }
        if (timeMasks < 0 || timeMaskFrames < 0 || freqMasks < 0 || freqMaskBins < 0) {
            throw new IllegalArgumentException("key 'augment': mask counts and sizes must not be negative");
        }
    }
}
