package org.aaec.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void presetThenFileThenOverrides(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("c.yaml"), """
                name: mine
                variant: aae-plus-c
                schedule:
                  preset: paper
                  k3: 7
                features:
                  maxSeconds: 4
                """);
        TrainConfig c = ConfigLoader.load(f, List.of("schedule.iterations=3", "seed=9", "classWeights=true"));
        assertEquals("mine", c.name());
        assertEquals(Variant.AAE_PLUS_C, c.variant());
        assertEquals(new Schedule("paper", 3, 10, 20, 7, 20, 32, 0, 10), c.schedule());
        assertEquals(9, c.seed());
        assertTrue(c.classWeights());
        assertEquals(4.0, c.features().maxSeconds());
        assertEquals(2e-4, c.optimizer().adamLearningRate());
        assertEquals(0.5, c.optimizer().adamBeta1());
        assertEquals(5e-6, c.optimizer().sgdLearningRate());
        // the resolved form reads back to the same config
        Path again = Files.writeString(dir.resolve("resolved.yaml"), ConfigLoader.toYaml(c));
        assertEquals(c, ConfigLoader.load(again, List.of()));
    }

    @Test
    void defaultsAreSpecAndDefaultPreset() throws Exception {
        TrainConfig c = ConfigLoader.load(null, List.of());
        assertEquals(Schedule.preset("default"), c.schedule());
        assertEquals(15.0, c.features().maxSeconds());
        assertEquals(Variant.AAEC, c.variant());
        assertTrue(c.logScaling());
    }

    @Test
    void mistakesNameTheirKey(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("c.yaml"), "schedule:\n  k1: many\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(f,
                List.of()));
        assertTrue(e.getMessage().contains("schedule.k1"), e.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null,
                List.of("data.inptu=x")));
        assertTrue(u.getMessage().contains("inptu"), u.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("schedule.preset=fast")));
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("noequals")));
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, List.of("schedule.k3=0")));
    }
}
