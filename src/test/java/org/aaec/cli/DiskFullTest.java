package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aaec.io.AtomicFiles;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during {@code features}: a real 1 MB tmpfs, mounted by the test, holds the
 * store. The run stops naming the store and what was kept, leaves no temporary files, and the same
 * command finishes the job once there is room. Mounting needs root (CI runs as root); elsewhere
 * the test is skipped, visibly.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiskFullTest {

    @TempDir
    Path dir;

    private Path mountPoint;

    private static int exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            exec("umount", mountPoint.toString());
        }
    }

    @Test
    void aFullDiskStopsFeaturesKeepsFinishedClipsAndTheSameCommandGoesOn() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        Assumptions.assumeTrue(exec("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()) == 0,
                "mounting a small tmpfs needs root");
        mountPoint = small;
        Path audio = Files.createDirectories(dir.resolve("audio"));
        for (int i = 0; i < 40; i++) { // each clip's features take 32 frames x 513 bins x 4 bytes = 66 kB
            TestAudio.writeWav16(audio.resolve(String.format("clip%02d.wav", i)),
                    TestAudio.tone(200 + 10 * i, 16_000, 1.0, 0.3), 16_000);
        }
        Path store = small.resolve("store");
        String[] command = {"features", "--input", audio.toString(), "--out", store.toString(), "--max-seconds", "1",
            "--threads", "1"};

        CliRun full = CliRun.of(command);

        assertEquals(1, full.code(), full.err());
        assertTrue(full.err().contains(store + ": the disk is full"), full.err());
        assertTrue(full.err().contains("stored so far are kept"), full.err());
        assertFalse(full.err().contains("\tat "), "no stack trace: " + full.err());
        long kept;
        try (Stream<Path> clips = Files.list(store.resolve("clips"))) {
            List<Path> files = clips.toList();
            assertTrue(files.stream().noneMatch(f -> f.getFileName().toString().contains(AtomicFiles.TEMP_SUFFIX)),
                    "no temporary files left: " + files);
            kept = files.size();
        }
        assertTrue(kept > 0 && kept < 40, "some clips were stored before the disk filled: " + kept);

        assertEquals(0, exec("mount", "-o", "remount,size=16m", small.toString()));
        CliRun again = CliRun.of(command);

        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("skipped (already stored)"), again.out());
        assertEquals(40, org.aaec.features.FeatureStore.open(store).index().clips().size());
    }
}
