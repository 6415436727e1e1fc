package org.aaec.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aaec.training.Augment;
import org.aaec.training.TrainConfig;
import org.aaec.training.Variant;
import org.junit.jupiter.api.Test;

/** "classifier+aug" is the classifier trained with augmentation, in a run folder of its own. */
class ExperimentArmTest {

    @Test
    void augmentedArmsTrainWithTheConfigsAugmentationOrTheClassicOne() throws Exception {
        TrainConfig base = TrainConfig.defaults().withName("emodb");

        Experiment.Arm plain = Experiment.Arm.parse("classifier");
        Experiment.Arm aug = Experiment.Arm.parse("classifier+aug");
        assertEquals(new Experiment.Arm(Variant.CLASSIFIER, false), plain);
        assertEquals("classifier+aug", aug.id());

        TrainConfig p = plain.config(base, 43);
        assertFalse(p.augment().enabled());
        assertEquals("emodb", p.name());
        assertEquals(43, p.seed());

        TrainConfig a = aug.config(base, 43);
        assertEquals(Augment.classic(), a.augment(), "no augment section: the classic set");
        assertEquals("emodb-aug", a.name(), "its own run folder");
        // the name must survive the run's config.yaml being read back, as the experiment does to reuse a run
        java.nio.file.Path yaml = java.nio.file.Files.createTempFile("arm", ".yaml");
        try {
            java.nio.file.Files.writeString(yaml, org.aaec.training.ConfigLoader.toYaml(a));
            assertEquals("emodb-aug", org.aaec.training.ConfigLoader.load(yaml, List.of()).name());
        } finally {
            java.nio.file.Files.deleteIfExists(yaml);
        }
        assertEquals(Variant.CLASSIFIER, a.variant());

        Augment mine = new Augment(0, List.of("pink"), List.of(10.0, 20.0), 1, List.of(), 0, 0, 0, 0);
        assertEquals(mine, aug.config(base.withAugment(mine), 43).augment(), "the config's own section wins");
        assertTrue(Augment.classic().enabled());
        assertThrows(IllegalArgumentException.class, () -> Experiment.Arm.parse("nonsense+aug"));
    }
}
