package org.aaec.bench;

import ai.djl.ndarray.types.DataType;
import ai.onnxruntime.OrtException;
import org.aaec.model.Classifier;
import org.aaec.onnx.OnnxClassifier;
import org.aaec.onnx.OnnxExporter;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioLoader;
import org.aaec.features.FeatureConfig;
import org.aaec.features.Normalization;
import org.aaec.features.PowerSpectrogram;
import org.aaec.model.AaecNetworks;
import org.aaec.model.HeadSpec;
import org.aaec.model.ModelConfig;
import org.aaec.model.Network;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.ModelFile;
import org.aaec.serving.ModelInfo;
import org.aaec.training.AaecTrainer;
import org.aaec.training.ClipSet;
import org.aaec.training.Phase;
import org.aaec.training.TrainConfig;
import org.aaec.training.Variant;

/**
 * The measurements of {@code aaec bench}, each defined as the PyTorch reference defines it
 * ({@code aaec_ref.py}): random non-negative input of shape (batch, T, 513), arousal and valence
 * heads of three classes, one optimizer step per network.
 */
public final class Benchmarks {

    private static final List<HeadSpec> HEADS = List.of(new HeadSpec("arousal", List.of("high", "low", "medium")),
            new HeadSpec("valence", List.of("negative", "neutral", "positive")));
    private static final int BINS = 513;

    private Benchmarks() {
    }

    private static ClipSet randomClips(int n, int frames, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][frames * BINS];
        int[][] y = new int[2][n];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("clip" + i);
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] = r.nextFloat();
            }
            y[0][i] = r.nextInt(3);
            y[1][i] = r.nextInt(3);
        }
        return ClipSet.of(ids, x, y, HEADS, frames, BINS);
    }

    /**
     * Training steps: {@code classifier} is one classifier update on real X (the reference's
     * "classifier" mode); {@code aaec} is one full AAEC step: discriminator and encoder, decoder,
     * classifier on X and X' (the reference's "aaec" mode).
     *
     * @param variant {@link Variant#CLASSIFIER} or {@link Variant#AAEC}
     * @param frames T
     * @param batch clips per step
     * @param warmup untimed steps
     * @param reps timed steps
     * @return samples per second
     */
    public static Measurement training(Variant variant, int frames, int batch, int warmup, int reps) {
        return withTrainingStep(variant, frames, batch, step -> Measurement.time("train " + variant.id() + " T="
                + frames, "samples/s", batch, warmup, reps, step));
    }

    /**
     * The training step of {@link #training}, profiled per operator.
     *
     * @param variant {@link Variant#CLASSIFIER} or {@link Variant#AAEC}
     * @param frames T
     * @param batch clips per step
     * @param warmup untimed steps
     * @param reps profiled steps
     * @return where the time goes
     */
    public static OpProfile trainingProfile(Variant variant, int frames, int batch, int warmup, int reps) {
        return withTrainingStep(variant, frames, batch, step -> OpProfile.of("train " + variant.id() + " T=" + frames,
                step, warmup, reps));
    }

    private static <T> T withTrainingStep(Variant variant, int frames, int batch,
            java.util.function.Function<Runnable, T> measure) {
        ClipSet data = randomClips(batch, frames, 1);
        TrainConfig cfg = TrainConfig.defaults().withRun(variant, 1);
        int[] rows = new int[batch];
        java.util.Arrays.setAll(rows, i -> i);
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer t = new AaecTrainer(cfg, ModelConfig.standard(frames, BINS, HEADS), data, data, root)) {
            Runnable step = variant == Variant.CLASSIFIER ? () -> t.step(Phase.CLASSIFIER, rows, 0) : () -> {
                t.step(Phase.AUTOENCODER, rows, 0);
                t.step(Phase.DECODER, rows, 0);
                t.step(Phase.CLASSIFIER, rows, 0);
            };
            return measure.apply(step);
        }
    }

    /**
     * Classifier forward without gradients (the reference's "infer" mode).
     *
     * @param frames T
     * @param batch clips per forward pass (1 gives the latency of one clip's network pass)
     * @param warmup untimed passes
     * @param reps timed passes
     * @return clips per second
     */
    public static Measurement inference(int frames, int batch, int warmup, int reps) {
        return withInferenceStep(frames, batch, step -> Measurement.time("infer T=" + frames + " batch " + batch,
                "clips/s", batch, warmup, reps, step));
    }

    /**
     * The inference pass of {@link #inference}, profiled per operator.
     *
     * @param frames T
     * @param batch clips per pass
     * @param warmup untimed passes
     * @param reps profiled passes
     * @return where the time goes
     */
    public static OpProfile inferenceProfile(int frames, int batch, int warmup, int reps) {
        return withInferenceStep(frames, batch, step -> OpProfile.of("infer T=" + frames + " batch " + batch, step,
                warmup, reps));
    }

    /**
     * The classifier forward of {@link #inference} on ONNX Runtime: the same widths and input, the
     * classifier exported to ONNX ({@link OnnxExporter}) and run by a session with {@code threads}
     * intra-op threads. The figure to set beside libtorch's and the reference's.
     *
     * @param frames T
     * @param batch clips per pass
     * @param warmup untimed passes
     * @param reps timed passes
     * @param threads ONNX Runtime's intra-op threads
     * @return clips per second
     */
    public static Measurement inferenceOnnx(int frames, int batch, int warmup, int reps, int threads) {
        ModelConfig config = ModelConfig.standard(frames, BINS, HEADS);
        byte[] onnx;
        try (NDManager m = NDManager.newBaseManager()) {
            Classifier c = new Classifier(config);
            c.initialize(m, DataType.FLOAT32, new Shape(1, frames, BINS));
            onnx = OnnxExporter.export(config, c, Map.of());
        }
        float[] x = randomClips(batch, frames, 2).meanSpectra();
        float[] input = new float[batch * frames * BINS];
        for (int i = 0; i < input.length; i++) {
            input[i] = x[i % x.length];
        }
        try (OnnxClassifier session = OnnxClassifier.open(onnx, threads)) {
            return Measurement.time("infer onnxruntime T=" + frames + " batch " + batch, "clips/s", batch, warmup,
                    reps, () -> {
                        try {
                            session.probabilities(input, batch);
                        } catch (OrtException e) {
                            throw new IllegalStateException(e.getMessage(), e);
                        }
                    });
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime refused the classifier: " + e.getMessage(), e);
        }
    }

    private static <T> T withInferenceStep(int frames, int batch, java.util.function.Function<Runnable, T> measure) {
        try (NDManager root = NDManager.newBaseManager()) {
            AaecNetworks nets = AaecNetworks.create(ModelConfig.standard(frames, BINS, HEADS),
                    EnumSet.of(Network.CLASSIFIER), root);
            float[] x = randomClips(batch, frames, 2).meanSpectra(); // any non-negative data of the right size
            float[] input = new float[batch * frames * BINS];
            for (int i = 0; i < input.length; i++) {
                input[i] = x[i % x.length];
            }
            return measure.apply(() -> {
                try (NDManager m = root.newSubManager()) {
                    NDList out = nets.classify(new ParameterStore(m, false), m.create(input, new Shape(batch, frames,
                            BINS)), false);
                    out.get(1).argMax(1).toLongArray();
                }
            });
        }
    }

    /**
     * One 15-s clip from samples in memory to prediction through {@link EmotionRecognizer}
     * (spectrogram, normalisation, classifier, softmax), with a model of random weights.
     *
     * @param dir scratch folder for the model file
     * @param warmup untimed predictions
     * @param reps timed predictions
     * @return clips per second (its inverse is the latency)
     * @throws IOException when the scratch model cannot be written
     */
    public static Measurement clipLatency(Path dir, int warmup, int reps) throws IOException {
        FeatureConfig fc = FeatureConfig.defaults();
        ModelConfig mc = ModelConfig.standard(fc.frames(), fc.bins(), HEADS);
        byte[] weights;
        try (NDManager m = NDManager.newBaseManager()) {
            AaecNetworks nets = AaecNetworks.create(mc, EnumSet.of(Network.CLASSIFIER), m);
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            nets.block(Network.CLASSIFIER).saveParameters(new java.io.DataOutputStream(buf));
            weights = buf.toByteArray();
        }
        double[] zeros = new double[fc.bins()];
        double[] ones = new double[fc.bins()];
        java.util.Arrays.fill(ones, 1);
        ModelInfo info = new ModelInfo(ModelFile.FORMAT, ModelFile.VERSION, "aaec", 1, "random weights", "", fc, true,
                new Normalization(zeros, ones, Normalization.DEFAULT_FLOOR, 0, 0, null, null), mc, List.of("classifier"), null,
                List.of(), List.of());
        Path file = dir.resolve("bench-model.aaec");
        ModelFile.write(file, new ModelFile.Contents(info, Map.of("classifier", weights)));
        AudioClip clip = new AudioClip(tone(fc.samplesPerClip(), fc.sampleRate()), fc.sampleRate());
        try (EmotionRecognizer r = EmotionRecognizer.load(file)) {
            return Measurement.time("predict one 15-s clip", "clips/s", 1, warmup, reps, () -> r.predict(clip));
        }
    }

    /**
     * Decode + resample + cut/pad + power spectrogram of WAV files on one thread, counted as the
     * reference counts: padded seconds (15 per clip) per wall second.
     *
     * @param files WAV files
     * @param reps timed passes over all files (after one warm-up pass)
     * @return audio seconds per second
     */
    public static Measurement features(List<Path> files, int reps) {
        FeatureConfig fc = FeatureConfig.defaults();
        AudioLoader loader = new AudioLoader(fc.sampleRate());
        PowerSpectrogram stft = new PowerSpectrogram(fc);
        return Measurement.time("features (decode+resample+STFT, 1 thread)", "audio-s/s",
                files.size() * fc.maxSeconds(), 1, reps, () -> {
                    for (Path f : files) {
                        try {
                            stft.compute(loader.loadStart(f, fc.maxSeconds()).fitTo(fc.maxSeconds()).samples());
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                });
    }

    /**
     * Writes test WAVs the reference can read too: 44.1 kHz stereo 16-bit, a voiced-like tone
     * with vibrato plus noise, so that both sides resample and transform the same data.
     *
     * @param dir folder
     * @param count files
     * @param seconds length of each
     * @return the files
     * @throws IOException when writing fails
     */
    public static List<Path> writeWavs(Path dir, int count, double seconds) throws IOException {
        Files.createDirectories(dir);
        int rate = 44_100;
        int n = (int) Math.round(seconds * rate);
        Random r = new Random(3);
        List<Path> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            ByteBuffer b = ByteBuffer.allocate(44 + n * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.put("RIFF".getBytes()).putInt(36 + n * 4).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                    .putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4).putShort((short) 4)
                    .putShort((short) 16).put("data".getBytes()).putInt(n * 4);
            double f0 = 110 + 20 * k;
            for (int i = 0; i < n; i++) {
                double t = i / (double) rate;
                double v = 0.3 * Math.sin(2 * Math.PI * f0 * t + 3 * Math.sin(2 * Math.PI * 5 * t))
                        + 0.05 * r.nextGaussian();
                short s = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32767)));
                b.putShort(s).putShort(s);
            }
            Path f = dir.resolve(String.format("bench-%02d.wav", k));
            Files.write(f, b.array());
            out.add(f);
        }
        return out;
    }

    /**
     * Resident memory over a long training run: full AAEC steps (T frames, batch clips), RSS read
     * at step {@code from} and at step {@code to}.
     *
     * @param frames T
     * @param batch clips per step
     * @param from first reading (after warm-up)
     * @param to last reading
     * @return {@code [MiB at from, MiB at to]}
     */
    public static double[] residentOverSteps(int frames, int batch, int from, int to) {
        ClipSet data = randomClips(batch, frames, 4);
        TrainConfig cfg = TrainConfig.defaults().withRun(Variant.AAEC, 1);
        int[] rows = new int[batch];
        java.util.Arrays.setAll(rows, i -> i);
        double[] out = new double[2];
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer t = new AaecTrainer(cfg, ModelConfig.standard(frames, BINS, HEADS), data, data, root)) {
            for (int i = 1; i <= to; i++) {
                t.step(Phase.AUTOENCODER, rows, i);
                t.step(Phase.DECODER, rows, i);
                t.step(Phase.CLASSIFIER, rows, i);
                if (i == from) {
                    out[0] = residentMiB();
                }
            }
            out[1] = residentMiB();
        }
        return out;
    }

    private static float[] tone(int n, int rate) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.3 * Math.sin(2 * Math.PI * 150 * i / (double) rate));
        }
        return x;
    }

    /** Peak resident memory of this process (VmHWM) in MiB. */
    public static double peakResidentMiB() {
        return status("VmHWM:");
    }

    /** Resident memory of this process (VmRSS) in MiB. */
    public static double residentMiB() {
        return status("VmRSS:");
    }

    private static double status(String key) {
        return status(ProcessHandle.current().pid(), key);
    }

    /**
     * One memory figure of a process from {@code /proc/PID/status}.
     *
     * @param pid the process
     * @param key {@code VmRSS:}, {@code VmHWM:} ...
     * @return the figure in MiB, or NaN when it cannot be read (not Linux, or the process ended)
     */
    static double status(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process ended
        }
        return Double.NaN;
    }
}
