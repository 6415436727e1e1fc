package org.aaec.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aaec.cli.Main;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestCsv;
import org.aaec.testutil.Shared;
import org.aaec.training.ConfigLoader;
import org.aaec.training.TrainConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line and a config's {@code data:} describe clips the same way, and give the same clips and splits. */
class DataSpecTest {

    private static int cli(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private static List<String> rows(Manifest m) {
        return m.entries().stream().map(e -> e.id() + " " + e.speaker() + " " + e.split() + " " + e.labels())
                .toList();
    }

    @Test
    void configAndCommandLineGiveTheSameClipsAndSplits(@TempDir Path dir) throws Exception {
        String emodb = Shared.corpus("emodb").toString();
        // a k-fold split with its own seed
        Path fromCli = dir.resolve("cli.csv");
        assertEquals(0, cli("manifest", "--input", emodb, "--corpus", "emodb", "--folds", "5", "--fold", "2",
                "--seed", "3", "--out", fromCli.toString()));
        Path config = Files.writeString(dir.resolve("c.yaml"), String.join("\n", "data:", "  input: " + emodb,
                "  corpus: emodb", "  folds: 5", "  fold: 2", "  splitSeed: 3", ""));
        TrainConfig c = ConfigLoader.load(config, List.of());
        Manifest fromConfig = c.data().get(0).load(c.seed());
        assertEquals(rows(ManifestCsv.read(fromCli)), rows(fromConfig));
        assertEquals(2, fromConfig.speakers(org.aaec.data.Split.TEST).size(), "EmoDB fold: 2 of 10 speakers");

        // shares, a label map, and a config override of the source
        Path map = Files.writeString(dir.resolve("map.csv"), String.join("\n", "emotion,arousal,valence",
                "anger,high,negative", "boredom,low,negative", "disgust,medium,negative", "fear,high,negative",
                "happiness,high,positive", "sadness,low,negative", "neutral,low,neutral", ""));
        Path cli2 = dir.resolve("cli2.csv");
        assertEquals(0, cli("manifest", "--input", emodb, "--label-map", map.toString(), "--validation-share", "0.2",
                "--test-share", "0.3", "--seed", "9", "--out", cli2.toString()));
        TrainConfig c2 = ConfigLoader.load(config, List.of("data.folds=null", "data.fold=null", "data.splitSeed=null",
                "data.labelMap=" + map, "data.validationShare=0.2", "data.testShare=0.3", "seed=9"));
        Manifest m2 = c2.data().get(0).load(c2.seed());
        assertEquals(rows(ManifestCsv.read(cli2)), rows(m2));
        assertTrue(m2.entries().stream().filter(e -> e.labels().get("emotion").equals("neutral"))
                .allMatch(e -> e.labels().get("arousal").equals("low")), "the label map was applied");
    }

    @Test
    void folderPerClassFromAConfigUsesItsLabelColumn(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("corpus"));
        for (String cls : List.of("calm", "loud")) {
            Path f = Files.createDirectories(root.resolve(cls));
            Files.copy(Shared.corpus("emodb").resolve("03a01Fa.flac"), f.resolve("a-" + cls + ".flac"));
        }
        Path config = Files.writeString(dir.resolve("c.yaml"), String.join("\n", "data:", "  input: " + root,
                "  corpus: folder-per-class", "  labelColumn: mood", ""));
        Manifest m = ConfigLoader.load(config, List.of()).data().get(0).read();
        assertEquals(List.of("mood"), m.labelColumns());
        assertEquals(List.of("calm", "loud"), m.classes("mood"));

        // with a label map, the folders' classes give the derived labels too (it used to be ignored)
        Path map = Files.writeString(dir.resolve("map.csv"), "mood,arousal\ncalm,low\nloud,high\n");
        Manifest mapped = ConfigLoader.load(config, List.of("data.labelMap=" + map)).data().get(0).read();
        assertEquals(List.of("mood", "arousal"), mapped.labelColumns());
        for (var e : mapped.entries()) {
            assertEquals(e.labels().get("mood").equals("calm") ? "low" : "high", e.labels().get("arousal"));
        }
        // a map of another column than the folders name is refused, naming both
        Path other = Files.writeString(dir.resolve("other.csv"), "emotion,arousal\ncalm,low\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(config, List.of("data.labelMap=" + other)).data().get(0).read());
        assertTrue(e.getMessage().contains("'emotion'") && e.getMessage().contains("'mood'"), e.getMessage());
    }

    @Test
    void contradictionsAndUnknownKeysNameTheFileAndKey(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"data:\n  input: a\n  manifest: b.csv\n", "'input'"},
            {"data:\n  input: a\nfeatures:\n  scaling: cubic\n", "features.scaling"},
            {"data:\n  input: a\nfeatures:\n  silence: drop\n", "features.silence"},
            {"data:\n  input: a\nfeatures:\n  scaling: raw\n  level: none\n  silence: trim\n", "features.silence"},
            {"data:\n  input: a\nfeatures:\n  mels: -1\n", "features.mels"},
            {"data:\n  input: a\nfeatures:\n  scaling: raw\n  level: none\n  mels: 64\n", "features.mels"},
            {"data:\n  input: a\nthreads: -2\n", "threads"},
            {"data:\n  - input: a\n  - inptu: b\n", "data.1.inptu"},
            {"data:\n  - input: x/a\n  - input: y/a\n", "named 'a'"},
        };
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("bad.yaml"), c[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ConfigLoader.load(f, List.of()), c[0]);
            assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains(c[1]),
                    c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void aSourceGivenAsOneMappingOrAsAListIsTheSame(@TempDir Path dir) throws Exception {
        Path one = Files.writeString(dir.resolve("one.yaml"), "data:\n  input: corpus\n  labels: [arousal]\n");
        Path list = Files.writeString(dir.resolve("list.yaml"), "labels: [arousal]\ndata:\n  - input: corpus\n");
        assertEquals(ConfigLoader.load(one, List.of()), ConfigLoader.load(list, List.of()));
        TrainConfig set = ConfigLoader.load(list, List.of("data.input=other"));
        assertEquals("other", set.data().get(0).input(), "a key on a list of one applies to its element");
        assertEquals(List.of("valence"), ConfigLoader.load(list, List.of("data.labels=[valence]")).labels(),
                "data.labels, as older command lines say it, is the top-level labels");
    }
}
