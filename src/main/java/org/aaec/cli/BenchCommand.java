package org.aaec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.bench.Benchmarks;
import org.aaec.bench.Measurement;
import org.aaec.report.Machine;
import org.aaec.training.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aaec bench}: speed and memory, in the reference's step definitions. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training and inference throughput, clip latency, feature extraction, start-up time "
            + "and peak memory (warm-up, then min/median/max of timed repetitions).",
            "Compare with ../shared/bench (PyTorch and numpy references) run on the same machine right after."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--frames", split = ",", defaultValue = "469,126", description = "Input lengths T "
            + "(default: ${DEFAULT-VALUE}: 15 s and 4 s).")
    List<Integer> frames;

    @Option(names = "--batch", defaultValue = "32", description = "Clips per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed repetitions (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--steps", defaultValue = "10", description = "Timed repetitions (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--threads", defaultValue = "2", description = "Engine threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--only", split = ",", description = "Run only these groups: train, infer, latency, features, "
            + "startup, memory.")
    List<String> only;

    @Option(names = "--memory-steps", defaultValue = "2000", description = "Memory: full AAEC steps at T=126; RSS "
            + "is read at step 100 and at this step (default: ${DEFAULT-VALUE}; only with --only memory).")
    int memorySteps;

    @Option(names = "--wav-dir", paramLabel = "DIR", defaultValue = "target/bench-wavs",
            description = "Where the feature benchmark writes its WAV inputs, for the numpy reference to read the "
                    + "same files (default: ${DEFAULT-VALUE}).")
    Path wavDir;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "target/bench.json",
            description = "Results as JSON (default: ${DEFAULT-VALUE}).")
    Path json;

    private boolean wants(String group) {
        return only == null ? !group.equals("memory") : only.contains(group);
    }

    @Override
    public Integer call() throws Exception {
        Engines.configureThreads(threads);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("machine: %s; engine threads %d%n", Machine.describe(), threads);
        List<Measurement> results = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("machine", Machine.describe());
        root.put("threads", threads);
        root.put("batch", batch);
        for (int t : frames) {
            if (wants("train")) {
                report(w, results, Benchmarks.training(Variant.CLASSIFIER, t, batch, warmup, steps));
                report(w, results, Benchmarks.training(Variant.AAEC, t, batch, warmup, Math.max(3, steps / 2)));
            }
            if (wants("infer")) {
                report(w, results, Benchmarks.inference(t, batch, warmup, steps));
                report(w, results, Benchmarks.inference(t, 1, warmup, steps * 3));
            }
        }
        if (wants("latency")) {
            report(w, results, Benchmarks.clipLatency(Files.createDirectories(Path.of("target")), warmup, steps * 3));
        }
        if (wants("features")) {
            List<Path> wavs = Benchmarks.writeWavs(wavDir, 20, 10);
            report(w, results, Benchmarks.features(wavs, Math.max(3, steps / 3)));
            w.printf("  (inputs: %s/*.wav, 20 files of 10 s, 44.1 kHz stereo; counted as 15 s each like "
                    + "features_ref.py)%n", wavDir);
        }
        if (wants("startup")) {
            startup(w, root);
        }
        if (wants("memory")) {
            double[] rss = Benchmarks.residentOverSteps(126, batch, 100, memorySteps);
            double change = (rss[1] - rss[0]) / rss[0] * 100;
            w.printf(Locale.ROOT, "memory: resident %.0f MiB at step 100, %.0f MiB at step %d (%+.1f %%)%n", rss[0],
                    rss[1], memorySteps, change);
            ObjectNode m = root.putObject("memory");
            m.put("rssMiBAtStep100", rss[0]);
            m.put("rssMiBAtEnd", rss[1]);
            m.put("steps", memorySteps);
            m.put("changePercent", change);
        }
        double peak = Benchmarks.peakResidentMiB();
        w.printf(Locale.ROOT, "peak resident memory: %.0f MiB%n", peak);
        root.put("peakResidentMiB", peak);
        ArrayNode list = root.putArray("measurements");
        for (Measurement m : results) {
            ObjectNode n = list.addObject();
            n.put("name", m.name());
            n.put("unit", m.unit());
            n.put("median", m.median());
            n.put("min", m.min());
            n.put("max", m.max());
            n.put("medianMillisPerRepetition", m.medianMillis());
            n.put("repetitions", m.seconds().size());
        }
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, mapper.writeValueAsString(root));
        w.printf("results: %s%n", json);
        return ExitCode.OK.code();
    }

    private static void report(PrintWriter w, List<Measurement> results, Measurement m) {
        results.add(m);
        w.printf(Locale.ROOT, "%-44s median %9.2f %-10s (min %.2f, max %.2f; %.1f ms per repetition, n=%d)%n",
                m.name(), m.median(), m.unit(), m.min(), m.max(), m.medianMillis(), m.seconds().size());
        w.flush();
    }

    /** JVM start to first prediction: {@code java -jar aaec.jar predict FILE} as a new process. */
    private void startup(PrintWriter w, ObjectNode root) throws Exception {
        Path jar = Path.of("target/aaec.jar");
        if (!Files.isRegularFile(jar)) {
            w.println("startup: skipped (no target/aaec.jar; build with mvn package)");
            return;
        }
        Path wav = Benchmarks.writeWavs(wavDir, 1, 10).get(0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java, "-Dai.djl.offline=true", "-jar", jar.toString(), "predict",
                    wav.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                w.println("startup: predict failed with exit code " + p.exitValue());
                return;
            }
            if (i > 0) { // the first start warms the OS file cache
                times.add((System.nanoTime() - t0) / 1e9);
            }
        }
        times.sort(Double::compare);
        w.printf(Locale.ROOT, "JVM start to first prediction: median %.2f s (min %.2f, max %.2f, n=%d)%n",
                times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size());
        ObjectNode s = root.putObject("startupSeconds");
        s.put("median", times.get(times.size() / 2));
        s.put("min", times.get(0));
        s.put("max", times.get(times.size() - 1));
    }
}
