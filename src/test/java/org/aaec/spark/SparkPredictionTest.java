package org.aaec.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aaec.cli.Main;
import org.aaec.jobs.Prediction;
import org.aaec.jobs.PredictionJson;
import org.aaec.jobs.Reporter;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Timeline;
import org.aaec.serving.TimelineSegment;
import org.aaec.testutil.Shared;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aaec spark-predict} in local[2] on 50 real clips and one corrupt file, against what
 * {@code aaec predict} answers for the same files: the same labels, probabilities within 1e-6,
 * one error row for the corrupt file, Parquet and CSV alike, recognizers loaded once per task
 * slot, and window rows equal to the library's timeline.
 */
class SparkPredictionTest {

    @TempDir
    Path dir;

    @Test
    void localModeRowsAreThoseOfPredict() throws Exception {
        Path root = Files.createDirectories(dir.resolve("in"));
        Path sub = Files.createDirectories(root.resolve("sub"));
        List<Path> clips;
        try (Stream<Path> all = Files.list(Shared.corpus("emodb"))) {
            clips = all.filter(p -> p.toString().endsWith(".flac")).sorted().limit(50).toList();
        }
        for (int i = 0; i < clips.size(); i++) {
            Files.copy(clips.get(i), (i % 5 == 0 ? sub : root).resolve(clips.get(i).getFileName()));
        }
        Path broken = Files.write(sub.resolve("broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'A', 'V',
            'E'});
        Files.writeString(root.resolve("notes.txt"), "not audio, not listed");
        Path out = dir.resolve("out");
        int loadsBefore = ExecutorModels.loads();

        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "spark-predict",
                "--input", root.toString(), "--out", out.toString(), "--master", "local[2]", "--window", "2",
                "--partitions", "8");

        assertEquals(3, code, "exit 3: one file failed, the rest predicted: " + err);
        assertTrue(err.toString().contains("51 file(s), 1 with an error"), err.toString());
        assertTrue(ExecutorModels.loads() - loadsBefore <= 2, "one recognizer per task slot, not one per "
                + "partition: " + (ExecutorModels.loads() - loadsBefore));
        Map<String, JsonNode> spark = byFile(rows(out.resolve("files.csv")));
        assertEquals(51, spark.size(), spark.keySet().toString());
        JsonNode bad = spark.get(broken.toString());
        assertTrue(bad.get("error").asText().startsWith(broken + ": "), bad.toString());
        assertEquals("", bad.get("arousal").asText());

        Map<String, Prediction.Row> expected = new HashMap<>();
        try (EmotionRecognizer model = EmotionRecognizer.loadDefault()) {
            Prediction.run(model, Prediction.files(List.of(root)), r -> expected.put(r.file().toString(), r),
                    Reporter.SILENT);
            PredictionJson json = new PredictionJson(model.info().model().heads());
            assertEquals(51, expected.size());
            for (Map.Entry<String, Prediction.Row> e : expected.entrySet()) {
                JsonNode got = spark.get(e.getKey());
                if (e.getValue().prediction() == null) {
                    assertTrue(got.get("error").asText().length() > 0);
                    continue;
                }
                ObjectNode want = json.prediction(e.getValue().prediction());
                for (String head : List.of("arousal", "valence")) {
                    assertEquals(want.get(head).get("label").asText(), got.get(head).asText(), e.getKey());
                    want.get(head).get("probabilities").fields().forEachRemaining(p -> assertEquals(
                            p.getValue().doubleValue(), got.get(head + "_p_" + p.getKey()).asDouble(), 1e-6,
                            e.getKey()));
                }
                assertEquals(want.get("seconds").asDouble(), got.get("seconds").asDouble(), 1e-3);
                assertEquals("", got.get("error").asText());
            }
            Path one = expected.values().stream().filter(r -> r.prediction() != null)
                    .max((a, b) -> Double.compare(a.prediction().seconds(), b.prediction().seconds())).orElseThrow()
                    .file();
            Timeline t = model.timeline(one, 2, 1);
            List<JsonNode> windows = rows(out.resolve("windows.csv")).stream()
                    .filter(r -> r.get("file").asText().equals(one.toString()))
                    .sorted((a, b) -> Double.compare(a.get("start").asDouble(), b.get("start").asDouble())).toList();
            assertTrue(t.segments().size() >= 2, "a clip of several windows");
            assertEquals(t.segments().size(), windows.size());
            for (int i = 0; i < windows.size(); i++) {
                TimelineSegment s = t.segments().get(i);
                assertEquals(s.start(), windows.get(i).get("start").asDouble(), 1e-9);
                assertEquals(s.prediction().head("arousal").label(), windows.get(i).get("arousal").asText());
                assertEquals(s.prediction().head("valence").probabilities()[0],
                        windows.get(i).get("valence_p_negative").asDouble(), 1e-6);
            }
        }
        try (SparkSession reader = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate()) {
            Dataset<Row> parquet = reader.read().parquet(out.resolve("files.parquet").toString());
            assertEquals(51, parquet.count());
            assertEquals(DataTypes.FloatType, parquet.schema().apply("arousal_p_low").dataType());
            assertEquals(1, parquet.filter("error is not null").count());
        }
    }

    /** Every row of the CSV part files Spark wrote into a folder, by column name. */
    private static List<JsonNode> rows(Path csvFolder) throws Exception {
        CsvMapper csv = new CsvMapper();
        List<JsonNode> rows = new ArrayList<>();
        try (Stream<Path> parts = Files.list(csvFolder)) {
            for (Path part : parts.filter(p -> p.getFileName().toString().endsWith(".csv")).toList()) {
                try (var it = csv.readerFor(JsonNode.class).with(CsvSchema.emptySchema().withHeader())
                        .<JsonNode>readValues(part.toFile())) {
                    it.forEachRemaining(rows::add);
                }
            }
        }
        return rows;
    }

    private static Map<String, JsonNode> byFile(List<JsonNode> rows) {
        Map<String, JsonNode> byFile = new HashMap<>();
        rows.forEach(r -> byFile.put(r.get("file").asText(), r));
        return byFile;
    }
}
