package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aaec.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed after a checkpoint and resumed ends exactly where an uninterrupted run ends. */
class ResumeTest {

    private static final Schedule SCHEDULE = new Schedule("test", 2, 1, 1, 1, 1, 4, 2, 1);

    private static List<float[]> weights(AaecTrainer t) {
        List<float[]> out = new ArrayList<>();
        for (Network n : t.networks().present()) {
            for (Pair<String, Parameter> p : t.networks().block(n).getParameters()) {
                out.add(p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }

    private static List<float[]> train(ClipSet data, Path checkpoint, int stopAfter, List<EpochRecord> log)
            throws Exception {
        TrainConfig cfg = TinyData.config(Variant.AAEC, SCHEDULE);
        try (NDManager root = NDManager.newBaseManager();
                AaecTrainer t = new AaecTrainer(cfg, TinyData.model(5, 11), data, data, root)) {
            if (stopAfter < 0 && Files.exists(checkpoint)) {
                t.restore(checkpoint);
            }
            t.fit(TrainingListener.NONE, log::add, checkpoint, stopAfter);
            return weights(t);
        }
    }

    @Test
    void resumedRunMatchesAnUninterruptedOneBitForBit(@TempDir Path dir) throws Exception {
        ClipSet data = TinyData.clips(10, 5, 11, 3);
        List<EpochRecord> straightLog = new ArrayList<>();
        List<float[]> straight = train(data, dir.resolve("a.zip"), -1, straightLog);

        Path ckpt = dir.resolve("b.zip");
        List<EpochRecord> partLog = new ArrayList<>();
        train(data, ckpt, 3, partLog); // "killed" after 3 of the plan's epochs
        assertEquals(3, partLog.size());
        List<float[]> resumed = train(data, ckpt, -1, partLog);

        assertEquals(straightLog.size(), partLog.size());
        for (int i = 0; i < straightLog.size(); i++) {
            assertEquals(straightLog.get(i).losses(), partLog.get(i).losses(), "losses of epoch " + i);
        }
        assertEquals(straight.size(), resumed.size());
        for (int i = 0; i < straight.size(); i++) {
            assertArrayEquals(straight.get(i), resumed.get(i), 0f, "parameter tensor " + i);
        }
        assertTrue(Files.exists(ckpt));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary checkpoint left");
        }
    }
}
