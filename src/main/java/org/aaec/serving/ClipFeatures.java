package org.aaec.serving;

import org.aaec.audio.AudioClip;
import org.aaec.features.Level;
import org.aaec.features.PowerSpectrogram;
import org.aaec.features.Spectrogram;

/**
 * Audio to the classifier's input, whatever engine runs it: cuts or pads the clip to the model's
 * length, computes the power spectrogram and applies the model's scaling (filterbank, level, log,
 * standardisation). Also measures what the prediction reports about the sound itself (its length
 * and level). One per recognizer; not thread-safe (the STFT keeps buffers).
 */
final class ClipFeatures {

    /**
     * One clip made ready for the network.
     *
     * @param data {@code frames × bins} floats, row-major
     * @param seconds how much of the clip the input covers
     * @param level the clip's sound level (active speech, reliability)
     */
    record Input(float[] data, double seconds, Level level) {
    }

    private final ModelInfo info;
    private final PowerSpectrogram stft;

    ClipFeatures(ModelInfo info) {
        this.info = info;
        this.stft = new PowerSpectrogram(info.features());
    }

    /** Floats in one input: frames × bins of the network. */
    int size() {
        return info.model().frames() * info.model().bins();
    }

    Input prepare(AudioClip clip) {
        if (clip.sampleRate() != info.features().sampleRate()) {
            throw new IllegalArgumentException("clip has " + clip.sampleRate() + " Hz, the model expects "
                    + info.features().sampleRate() + " Hz");
        }
        Spectrogram power = stft.compute(clip.fitTo(info.features().maxSeconds()).samples());
        Level level = Level.of(power, info.features());
        double seconds = Math.min(clip.durationSeconds(), info.features().maxSeconds());
        Spectrogram input = info.logScaling() ? info.normalization().apply(power) : power;
        return new Input(input.data(), seconds, level);
    }
}
