package org.aaec.spark;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Engine;

/**
 * The recognizers of one executor JVM, loaded once and reused by every task that runs there. A
 * recognizer is not thread-safe and an executor runs as many tasks at once as it has cores, so
 * each task borrows one and gives it back: an executor ends up with one per task slot, each loaded
 * once for the life of the executor, not once per partition.
 */
public final class ExecutorModels {

    private static final Map<String, Deque<EmotionRecognizer>> IDLE = new HashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorModels() {
    }

    /**
     * @param key identifies the model (its digest), so that two jobs with other models do not share
     * @param model the model file's bytes
     * @param engine what runs it
     * @param threads engine threads
     * @return an idle recognizer of that model, loaded now if there is none
     * @throws IOException when the model cannot be loaded
     */
    public static EmotionRecognizer borrow(String key, byte[] model, Engine engine, int threads) throws IOException {
        synchronized (IDLE) {
            Deque<EmotionRecognizer> idle = IDLE.get(key);
            if (idle != null && !idle.isEmpty()) {
                return idle.pop();
            }
        }
        LOADS.incrementAndGet();
        return EmotionRecognizer.load(model, "model " + key.substring(0, 12), engine, threads);
    }

    /**
     * @param key the model's key
     * @param recognizer a recognizer borrowed under it, for the next task
     */
    public static void giveBack(String key, EmotionRecognizer recognizer) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(key, k -> new ArrayDeque<>()).push(recognizer);
        }
    }

    /** How many recognizers this JVM has loaded (for tests: loaded once per task slot, not per partition). */
    public static int loads() {
        return LOADS.get();
    }
}
