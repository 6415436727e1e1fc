package org.aaec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy files written here are what numpy reads, and back. */
class NpyFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTrip() throws Exception {
        float[] data = {1, 2, 3, 4, 5, 6};
        Path f = dir.resolve("a.npy");
        NpyFile.writeFloat32(f, data, 2, 3);
        NpyFile.Array a = NpyFile.read(f);
        assertArrayEquals(data, a.data());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new int[] {2, 3}, NpyFile.readShape(f));
        assertEquals(0, (Files.size(f) - 6 * 4) % 64, "header padded to 64 bytes");
        assertTrue(Files.notExists(dir.resolve("a.npy.tmp")), "no temp file left");
    }

    @Test
    void numpyReadsWhatWeWrite() throws Exception {
        Path f = dir.resolve("b.npy");
        NpyFile.writeFloat32(f, new float[] {0.5f, -1.5f, 2.25f}, 3, 1);
        Process p = new ProcessBuilder("python3", "-c",
                "import numpy as np,sys; a=np.load(sys.argv[1]); print(a.dtype, a.shape, a.ravel().tolist())",
                f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("float32 (3, 1) [0.5, -1.5, 2.25]", out);
    }

    @Test
    void notNpyIsAClearError() throws Exception {
        Path f = Files.writeString(dir.resolve("c.npy"), "hello world, not numpy");
        IOException e = assertThrows(IOException.class, () -> NpyFile.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("bad magic"), e.getMessage());
    }
}
