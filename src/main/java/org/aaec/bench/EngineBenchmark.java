package org.aaec.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aaec.audio.AudioClip;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Engine;

/**
 * libtorch against ONNX Runtime on the same model and clips: latency of one clip, throughput in
 * batches, each engine with its own default threads (all cores). Both run in this process, one
 * after the other; what each costs in memory is measured on the real command in a process of its
 * own ({@link LongFileBenchmark#command}), because two engines in one process share a heap and
 * their native pools.
 */
public final class EngineBenchmark {

    /**
     * One engine's figures.
     *
     * @param engine which
     * @param p50Millis median time to predict one clip (features included)
     * @param p95Millis its 95th percentile
     * @param batch clips per batch for the throughput
     * @param clipsPerSecond clips per second in such batches
     */
    public record Result(String engine, double p50Millis, double p95Millis, int batch, double clipsPerSecond) {
    }

    private EngineBenchmark() {
    }

    /**
     * @param engine what runs the classifier
     * @param model the model: a {@code .aaec}, or for ONNX Runtime the {@code .onnx} exported from it
     * @param clips real clips, predicted one at a time and in batches
     * @param rounds how many times the clips are predicted one at a time (the first round is warm-up)
     * @param batch clips per batch
     * @param threads ONNX Runtime's threads (libtorch's are set for the process before it loads)
     * @return the figures
     * @throws IOException when the model cannot be loaded
     */
    public static Result run(Engine engine, Path model, List<AudioClip> clips, int rounds, int batch, int threads)
            throws IOException {
        try (EmotionRecognizer r = EmotionRecognizer.load(model, engine, threads)) {
            List<Double> millis = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (AudioClip c : clips) {
                    long t0 = System.nanoTime();
                    r.predict(c);
                    if (round > 0) {
                        millis.add((System.nanoTime() - t0) / 1e6);
                    }
                }
            }
            double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            List<AudioClip> many = new ArrayList<>();
            while (many.size() < batch) {
                many.addAll(clips);
            }
            many = many.subList(0, batch);
            r.predict(many); // warm-up at this batch size
            int batches = Math.max(3, 2 * rounds);
            long t0 = System.nanoTime();
            for (int i = 0; i < batches; i++) {
                r.predict(many);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Result(engine.id(), sorted[sorted.length / 2], sorted[(int) Math.floor(0.95 * (sorted.length - 1))],
                    batch, batches * batch / seconds);
        }
    }
}
