package org.aaec.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.data.AudioFiles;
import org.aaec.jobs.Prediction;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.ModelInfo;
import org.aaec.serving.TimelineOptions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The job behind {@code aaec spark-predict}: files listed on the driver's side by Spark (only
 * their paths: the {@code binaryFile} source leaves the content unread when it is not selected),
 * spread over partitions, decoded and predicted where they land with the executor's recognizers,
 * and written as Parquet and CSV: {@code files.parquet} and {@code files.csv} with one row per
 * file (its start, exactly as {@code aaec predict} predicts it), and with a window
 * {@code windows.parquet} and {@code windows.csv} with one row per timeline window.
 *
 * <p>Local files are decoded in place; files on other file systems (HDFS, S3, ...) are copied to
 * the executor's temporary folder first, streaming, so that a file of any length is never held in
 * memory, and the copy is removed after.
 */
public final class SparkPrediction {

    /**
     * What a run did.
     *
     * @param files files predicted or failed
     * @param failed files with an error row
     * @param windows window rows (0 without a timeline)
     * @param out where the results are
     */
    public record Summary(long files, long failed, long windows, String out) {
    }

    private SparkPrediction() {
    }

    /**
     * Runs the job in a session of its own: on {@code master} when given, else on the master
     * {@code spark-submit} set, else locally on every core.
     *
     * @param master a Spark master URL, or {@code null}
     * @param s what to do
     * @param model the model file's bytes
     * @param info the model's description
     * @return counts
     * @throws IOException when the output folder holds results already or the input has no audio
     */
    public static Summary run(String master, SparkPredictSettings s, byte[] model, ModelInfo info)
            throws IOException {
        SparkSession.Builder builder = SparkSession.builder().appName("aaec spark-predict")
                .config("spark.ui.enabled", "false");
        if (master != null || System.getProperty("spark.master") == null) {
            String m = master != null ? master : "local[*]";
            builder.master(m);
            if (m.startsWith("local")) {
                builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
            }
        }
        try (SparkSession spark = builder.getOrCreate()) {
            spark.sparkContext().setLogLevel("WARN");
            return run(spark, s, model, info);
        }
    }

    /**
     * @param spark the session (local or on a cluster)
     * @param s what to do
     * @param model the model file's bytes (shipped to the executors once, as a broadcast)
     * @param info the model's description
     * @return counts
     * @throws IOException when the output folder holds results already or the input has no audio
     */
    public static Summary run(SparkSession spark, SparkPredictSettings s, byte[] model, ModelInfo info)
            throws IOException {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(s.out());
        FileSystem outFs = out.getFileSystem(hadoop);
        if (outFs.exists(out) && outFs.listStatus(out).length > 0) {
            throw new IOException(s.out() + ": holds files already; name a new or empty folder");
        }
        Dataset<String> paths = listing(spark, s);
        int partitions = s.partitions() > 0 ? s.partitions() : 4 * spark.sparkContext().defaultParallelism();
        PredictionRows rows = new PredictionRows(info.model().heads());
        Broadcast<byte[]> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model);
        Dataset<Row> all = paths.repartition(partitions)
                .mapPartitions(new Partition(shipped, digest(model), s), Encoders.row(rows.schema()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> files = all.filter(col("kind").equalTo(PredictionRows.FILE)).drop("kind", "start", "end");
            long n = files.count();
            if (n == 0) {
                throw new IOException((s.input() != null ? s.input() : s.manifest()) + ": no audio files in it ("
                        + String.join(", ", new java.util.TreeSet<>(AudioFiles.EXTENSIONS)) + ")");
            }
            write(files, s.out() + "/files");
            long windows = 0;
            if (s.timeline()) {
                Dataset<Row> w = all.filter(col("kind").equalTo(PredictionRows.WINDOW)).drop("kind");
                windows = w.count();
                write(w, s.out() + "/windows");
            }
            return new Summary(n, files.filter(col("error").isNotNull()).count(), windows, s.out());
        } finally {
            all.unpersist();
            shipped.destroy();
        }
    }

    private static void write(Dataset<Row> rows, String base) {
        rows.write().mode(SaveMode.ErrorIfExists).parquet(base + ".parquet");
        rows.write().mode(SaveMode.ErrorIfExists).option("header", "true").csv(base + ".csv");
    }

    /** The paths to predict: audio files under the input folder, or the manifest's {@code path} column. */
    private static Dataset<String> listing(SparkSession spark, SparkPredictSettings s) throws IOException {
        if (s.input() != null) {
            return spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(s.input())
                    .select("path").as(Encoders.STRING())
                    .filter((FilterFunction<String>) p -> AudioFiles.isAudio(Path.of(p.substring(p.lastIndexOf('/')
                            + 1))));
        }
        Dataset<Row> manifest = spark.read().option("header", "true").csv(s.manifest());
        if (!List.of(manifest.columns()).contains("path")) {
            throw new IOException(s.manifest() + ": a manifest needs a header with a 'path' column; it has "
                    + List.of(manifest.columns()));
        }
        String folder = new org.apache.hadoop.fs.Path(s.manifest()).getParent().toString();
        return manifest.select("path").as(Encoders.STRING())
                .filter((FilterFunction<String>) p -> p != null && !p.isBlank())
                .map((MapFunction<String, String>) p -> {
                    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(p);
                    return (path.isAbsolute() || path.toUri().getScheme() != null ? path
                            : new org.apache.hadoop.fs.Path(folder, p)).toString();
                }, Encoders.STRING());
    }

    private static String digest(byte[] model) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One partition's files, predicted with a recognizer borrowed from the executor. */
    private static final class Partition implements MapPartitionsFunction<String, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<byte[]> model;
        private final String key;
        private final SparkPredictSettings settings;

        Partition(Broadcast<byte[]> model, String key, SparkPredictSettings settings) {
            this.model = model;
            this.key = key;
            this.settings = settings;
        }

        @Override
        public Iterator<Row> call(Iterator<String> paths) throws IOException {
            EmotionRecognizer r = ExecutorModels.borrow(key, model.value(), settings.engine(), settings.threads());
            try {
                ModelInfo info = r.info();
                PredictionRows rows = new PredictionRows(info.model().heads());
                AudioLoader loader = new AudioLoader(info.features().sampleRate());
                TimelineOptions timeline = settings.timeline()
                        ? TimelineOptions.of(info, settings.window(), settings.hop(), false) : null;
                List<Row> out = new ArrayList<>();
                Configuration hadoop = new Configuration();
                while (paths.hasNext()) {
                    String name = paths.next();
                    try (Local local = Local.of(name, hadoop)) {
                        Prediction.Row p = Prediction.one(r, loader, local.path());
                        out.add(rows.file(local.display(), local.rename(p)));
                        if (timeline != null) {
                            try {
                                r.timeline(local.path(), timeline, seg -> out.add(rows.window(local.display(), seg)));
                            } catch (AudioInputException | RuntimeException e) {
                                out.add(rows.windowError(local.display(), local.rename(e.getMessage())));
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        // the copy from a remote file system failed: still this file's row, not the stage's end
                        out.add(rows.file(name, new Prediction.Row(null, null, name + ": " + e.getMessage())));
                    }
                }
                return out.iterator();
            } finally {
                ExecutorModels.giveBack(key, r);
            }
        }
    }

    /**
     * A listed file as a local path: itself on the local file system, else a temporary copy that
     * closing removes. Messages about the copy are turned back into the file's own name.
     */
    private record Local(String display, Path path, boolean copy) implements AutoCloseable {

        static Local of(String name, Configuration hadoop) throws IOException {
            URI uri = new org.apache.hadoop.fs.Path(name).toUri();
            if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
                Path p = Path.of(uri.getPath());
                return new Local(p.toString(), p, false);
            }
            String file = name.substring(name.lastIndexOf('/') + 1);
            Path tmp = Files.createTempFile("aaec-", "-" + file);
            org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(name);
            try (InputStream in = remote.getFileSystem(hadoop).open(remote)) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return new Local(name, tmp, true);
        }

        Prediction.Row rename(Prediction.Row r) {
            return r.error() == null ? r : new Prediction.Row(r.file(), null, rename(r.error()));
        }

        String rename(String message) {
            return message == null ? null : message.replace(path.toString(), display);
        }

        @Override
        public void close() throws IOException {
            if (copy) {
                Files.deleteIfExists(path);
            }
        }
    }
}
