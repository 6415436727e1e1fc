package org.aaec.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.aaec.audio.AudioClip;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Engine;
import org.aaec.serving.ModelInfo;

/**
 * Recognizers shared by all requests, with micro-batching: each worker thread owns one
 * recognizer, takes the oldest waiting clip, gathers more until it has {@code maxBatch} or the
 * first clip has waited {@code maxDelay}, and predicts them as one batch (the aggregation DJL
 * Serving's workers do; a batch of 8 costs far less than 8 single predictions on a CPU).
 * Admission is bounded by the server (a fixed number of requests in flight, each submitting a
 * bounded number of clips at a time), so the queue here is bounded too.
 */
public final class BatchingPool implements AutoCloseable {

    /** Opens one recognizer per worker. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @return a new recognizer
         * @throws IOException when the model cannot be loaded
         */
        EmotionRecognizer open() throws IOException;
    }

    private record Job(AudioClip clip, CompletableFuture<EmotionPrediction> result, long queuedAt) {
    }

    private static final Job STOP = new Job(null, null, 0);

    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<EmotionRecognizer> recognizers = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final int maxBatch;
    private final long maxDelayNanos;
    private final IntConsumer onBatch;

    /**
     * @param factory opens the recognizers
     * @param workers how many
     * @param maxBatch most clips per batch
     * @param maxDelayMillis longest the first clip of a batch waits for others
     * @param onBatch told each batch's size (for metrics)
     * @throws IOException when a recognizer cannot be opened
     */
    public BatchingPool(Factory factory, int workers, int maxBatch, long maxDelayMillis, IntConsumer onBatch)
            throws IOException {
        this.maxBatch = maxBatch;
        this.maxDelayNanos = TimeUnit.MILLISECONDS.toNanos(maxDelayMillis);
        this.onBatch = onBatch;
        try {
            for (int i = 0; i < workers; i++) {
                recognizers.add(factory.open());
            }
        } catch (IOException | RuntimeException e) {
            recognizers.forEach(EmotionRecognizer::close);
            throw e;
        }
        for (int i = 0; i < workers; i++) {
            EmotionRecognizer r = recognizers.get(i);
            Thread t = new Thread(() -> work(r), "aaec-predict-" + i);
            t.setDaemon(true);
            t.start();
            this.workers.add(t);
        }
    }

    /** The model's description. */
    public ModelInfo info() {
        return recognizers.get(0).info();
    }

    /** What runs the classifier. */
    public Engine engine() {
        return recognizers.get(0).engine();
    }

    /** Clips waiting for a worker. */
    public int queued() {
        return queue.size();
    }

    /**
     * Queues clips for prediction.
     *
     * @param clips clips at the model's rate
     * @return one future answer per clip, in order
     */
    public List<CompletableFuture<EmotionPrediction>> submit(List<AudioClip> clips) {
        List<CompletableFuture<EmotionPrediction>> out = new ArrayList<>();
        long now = System.nanoTime();
        for (AudioClip c : clips) {
            CompletableFuture<EmotionPrediction> f = new CompletableFuture<>();
            queue.add(new Job(c, f, now));
            out.add(f);
        }
        return out;
    }

    /**
     * Predicts clips through the pool and waits for the answers.
     *
     * @param clips clips at the model's rate
     * @return the answers, in order
     */
    public List<EmotionPrediction> predict(List<AudioClip> clips) {
        return submit(clips).stream().map(CompletableFuture::join).toList();
    }

    private void work(EmotionRecognizer recognizer) {
        List<Job> batch = new ArrayList<>();
        try {
            while (true) {
                Job first = queue.take();
                if (first == STOP) {
                    return;
                }
                batch.add(first);
                long deadline = first.queuedAt() + maxDelayNanos;
                while (batch.size() < maxBatch) {
                    long wait = deadline - System.nanoTime();
                    Job next = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    if (next == STOP) {
                        queue.add(STOP); // for this worker's next turn, after the batch
                        break;
                    }
                    batch.add(next);
                }
                onBatch.accept(batch.size());
                try {
                    List<EmotionPrediction> answers = recognizer.predict(batch.stream().map(Job::clip).toList());
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).result().complete(answers.get(i));
                    }
                } catch (RuntimeException | OutOfMemoryError e) {
                    batch.forEach(j -> j.result().completeExceptionally(e));
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the workers finish what is queued, then releases the recognizers. */
    @Override
    public void close() {
        for (int i = 0; i < workers.size(); i++) {
            queue.add(STOP);
        }
        for (Thread t : workers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        recognizers.forEach(EmotionRecognizer::close);
    }
}
