package org.aaec.serving;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.aaec.audio.AudioClip;
import org.aaec.features.Level;
import org.aaec.features.PowerSpectrogram;
import org.aaec.features.Spectrogram;
import org.aaec.model.HeadSpec;

/**
 * Audio in, {@link EmotionPrediction} out: cuts or pads the clip to the model's length, computes the
 * power spectrogram, applies the model's scaling, and turns the classifier's head logits into
 * probabilities. Batches stack along a new first axis (DJL's default batchifier).
 */
public final class EmotionTranslator implements Translator<AudioClip, EmotionPrediction> {

    private static final String SOUND = "aaec.sound";

    /** What processInput learns about a clip's sound, for processOutput. */
    private record Sound(double seconds, Level level) {
    }

    private final ModelInfo info;
    private final PowerSpectrogram stft;

    /**
     * @param info the model's description (feature settings, normalisation, heads)
     */
    public EmotionTranslator(ModelInfo info) {
        this.info = info;
        this.stft = new PowerSpectrogram(info.features());
    }

    @Override
    public NDList processInput(TranslatorContext ctx, AudioClip clip) {
        if (clip.sampleRate() != info.features().sampleRate()) {
            throw new IllegalArgumentException("clip has " + clip.sampleRate() + " Hz, the model expects "
                    + info.features().sampleRate() + " Hz");
        }
        Spectrogram power = stft.compute(clip.fitTo(info.features().maxSeconds()).samples());
        Level level = Level.of(power, info.features());
        double seconds = Math.min(clip.durationSeconds(), info.features().maxSeconds());
        // one context serves a whole batch, and outputs come back in input order: a queue pairs them
        @SuppressWarnings("unchecked")
        Deque<Sound> pending = (Deque<Sound>) ctx.getAttachment(SOUND);
        if (pending == null) {
            pending = new ArrayDeque<>();
            ctx.setAttachment(SOUND, pending);
        }
        pending.add(new Sound(seconds, level));
        Spectrogram input = info.logScaling() ? info.normalization().apply(power) : power;
        return new NDList(ctx.getNDManager().create(input.data(), new Shape(input.frames(), input.bins())));
    }

    @Override
    public EmotionPrediction processOutput(TranslatorContext ctx, NDList out) {
        List<EmotionPrediction.Head> heads = new ArrayList<>();
        List<HeadSpec> specs = info.model().heads();
        for (int h = 0; h < specs.size(); h++) {
            NDArray logits = out.get(h + 1);
            float[] p = logits.softmax(0).toFloatArray();
            int best = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[best]) {
                    best = i;
                }
            }
            HeadSpec s = specs.get(h);
            heads.add(new EmotionPrediction.Head(s.name(), s.classes().get(best), s.classes(), p));
        }
        @SuppressWarnings("unchecked")
        Sound sound = ((Deque<Sound>) ctx.getAttachment(SOUND)).poll();
        return new EmotionPrediction(heads, sound.seconds(), sound.level().activeSeconds(), sound.level().reliable());
    }
}
