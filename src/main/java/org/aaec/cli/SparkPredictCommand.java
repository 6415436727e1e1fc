package org.aaec.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.ModelInfo;
import org.aaec.spark.SparkPredictSettings;
import org.aaec.spark.SparkPrediction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aaec spark-predict}: {@code predict} over an archive on Apache Spark, locally or on a cluster. */
@Command(name = "spark-predict", mixinStandardHelpOptions = true,
        description = {"Predict every audio file under a folder (or in a manifest) on Apache Spark: in local mode "
            + "here, or on a cluster through spark-submit (README). Writes OUT/files.parquet and OUT/files.csv (one "
            + "row per file, the columns of 'aaec predict'; a file that cannot be read is a row with its error) and, "
            + "with --window, OUT/windows.parquet and OUT/windows.csv (one row per window)."})
final class SparkPredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--input", paramLabel = "DIR", description = "Folder searched recursively for audio (a local "
            + "path or any URI Hadoop reads: hdfs://, s3a://, ...).")
    String input;

    @Option(names = "--manifest", paramLabel = "CSV", description = "Instead of --input: a CSV with a header and a "
            + "'path' column; relative paths are taken from the CSV's folder.")
    String manifest;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the results; must be "
            + "new or empty.")
    String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: what spark-submit set, "
            + "else local[*], every core of this machine).")
    String master;

    @Option(names = "--threads", defaultValue = "1", description = "Engine threads per recognizer; an executor "
            + "runs one recognizer per core it is given (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--partitions", defaultValue = "0", description = "Partitions the files are spread over "
            + "(default: four per core of the cluster).")
    int partitions;

    @Option(names = "--window", paramLabel = "SECONDS", description = "Also write one row per timeline window of "
            + "this length (at most the model's input).")
    Double window;

    @Option(names = "--hop", paramLabel = "SECONDS", description = "Time between window starts (default: half the "
            + "window). Implies windows.")
    Double hop;

    @Override
    public Integer call() throws Exception {
        SparkPredictSettings settings;
        try {
            settings = new SparkPredictSettings(input, manifest, out, modelOption.engine, threads, window, hop,
                    partitions);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--input/--manifest/--threads/--partitions: "
                    + e.getMessage());
        }
        Terminal t = Terminal.of(spec);
        byte[] bytes = modelOption.bytes();
        ModelInfo info;
        // loaded here as the executors will load it, so that a bad model is refused before Spark starts
        try (EmotionRecognizer model = EmotionRecognizer.load(bytes, modelOption.name(), modelOption.engine,
                threads)) {
            info = model.info();
            if (settings.timeline()) {
                try {
                    org.aaec.serving.TimelineOptions.of(info, window, hop, false);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "--window/--hop: " + e.getMessage());
                }
            }
        }
        try {
            Class.forName("org.apache.spark.sql.SparkSession");
        } catch (ClassNotFoundException e) {
            throw new java.io.IOException("Spark is not on the class path: run spark-predict through ./aaec (which adds "
                    + "the jars of target/spark-classpath.txt) or spark-submit");
        }
        long t0 = System.nanoTime();
        SparkPrediction.Summary s = SparkPrediction.run(master, settings, bytes, info);
        t.info(String.format(Locale.ROOT, "spark-predict: %d file(s), %d with an error%s, in %.1f s; wrote %s/files"
                + ".parquet and .csv%s", s.files(), s.failed(), s.windows() > 0 ? ", " + s.windows() + " window(s)"
                : "", (System.nanoTime() - t0) / 1e9, s.out(), s.windows() > 0 ? ", " + s.out() + "/windows.parquet "
                + "and .csv" : ""));
        return ExitCode.ofBatch((int) Math.min(Integer.MAX_VALUE, s.files()), (int) Math.min(Integer.MAX_VALUE,
                s.failed())).code();
    }
}
