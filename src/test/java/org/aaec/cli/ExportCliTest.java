package org.aaec.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aaec.testutil.Shared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aaec export} and {@code --engine onnxruntime} as a user runs them. */
class ExportCliTest {

    @TempDir
    Path dir;

    private static List<String> clips() {
        List<String> files = new ArrayList<>();
        for (String c : new String[] {"03a01Wa.flac", "03a02Ta.flac", "03a01Nc.flac", "03a01Fa.flac", "03a04Ad.flac"}) {
            files.add(Shared.corpus("emodb").resolve(c).toString());
        }
        return files;
    }

    private static CliRun run(List<String> head, List<String> tail) {
        List<String> args = new ArrayList<>(head);
        args.addAll(tail);
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The exported file predicts what the model file predicts: same labels, probabilities within 1e-4. */
    @Test
    void exportedModelPredictsLikeTheOriginal() throws Exception {
        Path onnx = dir.resolve("classifier.onnx");
        CliRun export = CliRun.of("export", "--format", "onnx", "--out", onnx.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(Files.size(onnx) > 1_000_000, "the weights are in the file");
        assertTrue(export.err().contains("wrote " + onnx), export.err());

        CliRun torch = run(List.of("predict"), clips());
        CliRun ort = run(List.of("predict", "--engine", "onnxruntime", "--model", onnx.toString()), clips());
        assertEquals(0, torch.code(), torch.err());
        assertEquals(0, ort.code(), ort.err());
        String[] a = torch.out().strip().split("\n");
        String[] b = ort.out().strip().split("\n");
        assertEquals(6, a.length, torch.out());
        assertEquals(a[0], b[0], "same columns");
        for (int i = 1; i < a.length; i++) {
            String[] x = a[i].split(",");
            String[] y = b[i].split(",");
            assertEquals(x.length, y.length);
            for (int c = 0; c < x.length; c++) {
                if (x[c].matches("-?\\d+\\.\\d+")) {
                    assertEquals(Double.parseDouble(x[c]), Double.parseDouble(y[c]), 1e-4 + 1e-9, a[i] + " / " + b[i]);
                } else {
                    assertEquals(x[c], y[c], "labels and file names identical");
                }
            }
        }
        CliRun defaultOnOrt = run(List.of("predict", "--engine", "onnxruntime"), clips().subList(0, 1));
        assertEquals(0, defaultOnOrt.code(), defaultOnOrt.err());
        assertEquals(a[1].split(",")[1], defaultOnOrt.out().strip().split("\n")[1].split(",")[1]);
    }

    @Test
    void mistakesAreNamed() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.aaec"), "not a model");
        CliRun junk = CliRun.of("export", "--model", notes.toString(), "--out", dir.resolve("x.onnx").toString());
        assertEquals(1, junk.code());
        assertTrue(junk.err().contains(notes.toString()), junk.err());
        assertTrue(!Files.exists(dir.resolve("x.onnx")), "nothing written");

        CliRun format = CliRun.of("export", "--format", "tflite", "--out", dir.resolve("x.tfl").toString());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("--format"), format.err());

        CliRun engine = CliRun.of("predict", "--engine", "tensorrt", clips().get(0));
        assertEquals(2, engine.code());
        assertTrue(engine.err().contains("pytorch or onnxruntime"), engine.err());

        Path onnx = dir.resolve("c.onnx");
        assertEquals(0, CliRun.of("export", "--out", onnx.toString()).code());
        CliRun wrongEngine = CliRun.of("predict", "--model", onnx.toString(), clips().get(0));
        assertEquals(1, wrongEngine.code());
        assertTrue(wrongEngine.err().contains("--engine onnxruntime"), wrongEngine.err());
    }
}
