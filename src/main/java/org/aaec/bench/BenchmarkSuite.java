package org.aaec.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioLoader;
import org.aaec.io.AtomicFiles;
import org.aaec.report.Machine;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Engine;
import org.aaec.serving.OnnxModels;
import org.aaec.training.Variant;

/**
 * The job behind {@code aaec bench}: the chosen groups of {@link Benchmarks} in order (training and
 * inference per input length, clip latency, feature extraction, start-up, memory over steps), one
 * line per figure as it is measured, and every figure as JSON at the end.
 */
public final class BenchmarkSuite {

    /** Groups that run only when named. */
    private static final List<String> ALONE = List.of("memory", "long", "serve", "engines");
    /** Groups measured once, not per input length. */
    private static final List<String> SINGLE = List.of("latency", "features", "startup", "memory", "long", "serve",
            "engines");
    /** The groups, in the order they run. */
    public static final List<String> GROUPS = List.of("train", "train-classifier", "train-aaec", "infer", "profile",
            "latency", "features", "startup", "memory", "long", "serve", "engines");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to measure.
     *
     * @param frames input lengths T
     * @param batch clips per step
     * @param warmup untimed repetitions
     * @param steps timed repetitions
     * @param threads engine threads (for the record; the caller sets them before the engine starts)
     * @param only groups to run, or {@code null} for all but memory
     * @param memorySteps full AAEC steps of the memory group
     * @param wavDir where the feature and start-up groups write their WAV inputs
     * @param jar the application jar the start-up group starts (skipped when missing)
     */
    public record Options(List<Integer> frames, int batch, int warmup, int steps, int threads, List<String> only,
            int memorySteps, Path wavDir, Path jar) {

        boolean wants(String group) {
            return only == null ? !ALONE.contains(group) : only.contains(group);
        }

        boolean wantsTraining(Variant v) {
            return wants("train") || only != null && only.contains("train-" + v.id());
        }
    }

    private BenchmarkSuite() {
    }

    /**
     * @param o what to measure
     * @param lines receives one line per figure as it is measured
     * @return every figure as JSON
     * @throws IOException when inputs cannot be written
     * @throws InterruptedException when the start-up measurement is interrupted
     */
    public static ObjectNode run(Options o, Consumer<String> lines) throws IOException, InterruptedException {
        ObjectNode root = JSON.createObjectNode();
        root.put("machine", Machine.describe());
        root.put("threads", o.threads());
        root.put("batch", o.batch());
        lines.accept("machine: " + Machine.describe() + "; engine threads " + o.threads());
        List<Measurement> results = new ArrayList<>();
        Consumer<Measurement> report = m -> {
            results.add(m);
            lines.accept(String.format(Locale.ROOT,
                    "%-44s median %9.2f %-10s (min %.2f, max %.2f; %.1f ms per repetition, n=%d)", m.name(),
                    m.median(), m.unit(), m.min(), m.max(), m.medianMillis(), m.seconds().size()));
        };
        Flops.Peak peak = Flops.cpuPeak();
        ObjectNode efficiency = root.putObject("classifierEfficiency");
        efficiency.put("peakGflops", peak.gflops());
        efficiency.put("peakDerivation", peak.derivation());
        for (int t : o.frames()) {
            if (o.wantsTraining(Variant.CLASSIFIER)) {
                Measurement c = Benchmarks.training(Variant.CLASSIFIER, t, o.batch(), o.warmup(), o.steps());
                report.accept(c);
                double gflops = c.median() * 3 * Flops.classifierForward(t, 513) / 1e9;
                efficiency.put("trainT" + t + "Gflops", gflops);
                lines.accept(String.format(Locale.ROOT, "  classifier training T=%d: %.1f GFLOP/s (3 × %.2f GFLOP "
                        + "forward per sample) = %.0f %% of the fp32 peak", t, gflops,
                        Flops.classifierForward(t, 513) / 1e9, 100 * gflops / peak.gflops()));
            }
            if (o.wantsTraining(Variant.AAEC)) {
                report.accept(Benchmarks.training(Variant.AAEC, t, o.batch(), o.warmup(), Math.max(3, o.steps() / 2)));
            }
            if (o.wants("infer")) {
                report.accept(Benchmarks.inference(t, o.batch(), o.warmup(), o.steps()));
                report.accept(Benchmarks.inference(t, 1, o.warmup(), o.steps() * 3));
                report.accept(Benchmarks.inferenceOnnx(t, o.batch(), o.warmup(), o.steps(), o.threads()));
                report.accept(Benchmarks.inferenceOnnx(t, 1, o.warmup(), o.steps() * 3, o.threads()));
            }
            if (o.wants("profile")) {
                ArrayNode profiles = root.withArray("profiles");
                for (OpProfile p : List.of(
                        Benchmarks.trainingProfile(Variant.CLASSIFIER, t, o.batch(), o.warmup(), o.steps()),
                        Benchmarks.trainingProfile(Variant.AAEC, t, o.batch(), o.warmup(), Math.max(3, o.steps() / 2)),
                        Benchmarks.inferenceProfile(t, o.batch(), o.warmup(), o.steps()),
                        Benchmarks.inferenceProfile(t, 1, o.warmup(), o.steps() * 3))) {
                    lines.accept(p.describe().stripTrailing());
                    profiles.add(JSON.valueToTree(p));
                }
            }
        }
        if (o.wantsTraining(Variant.CLASSIFIER) || o.wants("profile")) {
            lines.accept("fp32 peak: " + peak.derivation());
        }
        if (o.wants("latency")) {
            report.accept(Benchmarks.clipLatency(Files.createDirectories(Path.of("target")), o.warmup(),
                    o.steps() * 3));
        }
        if (o.wants("features")) {
            List<Path> wavs = Benchmarks.writeWavs(o.wavDir(), 20, 10);
            report.accept(Benchmarks.features(wavs, Math.max(3, o.steps() / 3)));
            lines.accept("  (inputs: " + o.wavDir() + "/*.wav, 20 files of 10 s, 44.1 kHz stereo; counted as 15 s "
                    + "each like features_ref.py)");
        }
        if (o.wants("startup")) {
            startup(o, root, lines);
        }
        if (o.wants("long")) {
            longFile(o, root, lines);
        }
        if (o.wants("serve")) {
            serve(o, root, lines);
        }
        if (o.wants("engines")) {
            engines(o, root, lines);
        }
        if (o.wants("memory")) {
            double[] rss = Benchmarks.residentOverSteps(126, o.batch(), 100, o.memorySteps());
            double change = (rss[1] - rss[0]) / rss[0] * 100;
            lines.accept(String.format(Locale.ROOT, "memory: resident %.0f MiB at step 100, %.0f MiB at step %d "
                    + "(%+.1f %%)", rss[0], rss[1], o.memorySteps(), change));
            ObjectNode m = root.putObject("memory");
            m.put("rssMiBAtStep100", rss[0]);
            m.put("rssMiBAtEnd", rss[1]);
            m.put("steps", o.memorySteps());
            m.put("changePercent", change);
        }
        double peakMiB = Benchmarks.peakResidentMiB();
        lines.accept(String.format(Locale.ROOT, "peak resident memory: %.0f MiB", peakMiB));
        root.put("peakResidentMiB", peakMiB);
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
        return root;
    }

    /**
     * Every group (and every input length) in a process of its own, so that each one's peak resident
     * memory is its own and not the maximum over everything measured before it, as the reference's
     * separate processes measure theirs. The figures are the same as {@link #run}'s.
     *
     * @param o what to measure
     * @param lines receives the children's lines, and each process's peak
     * @return every figure as JSON, with {@code peaks}: the peak resident memory of each process
     * @throws IOException when a child cannot be started or fails
     * @throws InterruptedException when waiting for a child is interrupted
     */
    public static ObjectNode runForked(Options o, Consumer<String> lines) throws IOException, InterruptedException {
        ObjectNode root = JSON.createObjectNode();
        root.put("machine", Machine.describe());
        root.put("threads", o.threads());
        root.put("batch", o.batch());
        lines.accept("machine: " + Machine.describe() + "; engine threads " + o.threads() + "; one process per group");
        ArrayNode measurements = root.putArray("measurements");
        ArrayNode peaks = root.putArray("peaks");
        List<List<String>> runs = new ArrayList<>();
        for (int t : o.frames()) {
            for (String g : List.of("train-classifier", "train-aaec", "infer", "profile")) {
                boolean wanted = g.startsWith("train-") ? o.wantsTraining(g.endsWith("aaec") ? Variant.AAEC
                        : Variant.CLASSIFIER) : o.wants(g);
                if (wanted) {
                    runs.add(List.of(g, Integer.toString(t)));
                }
            }
        }
        for (String g : SINGLE) {
            if (o.wants(g)) {
                runs.add(List.of(g, "126"));
            }
        }
        for (List<String> r : runs) {
            Path json = Files.createTempFile("aaec-bench", ".json");
            try {
                List<String> cmd = new ArrayList<>();
                cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                cmd.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.aaec.cli.Main", "bench", "--only",
                        r.get(0), "--frames", r.get(1), "--batch", Integer.toString(o.batch()), "--warmup",
                        Integer.toString(o.warmup()), "--steps", Integer.toString(o.steps()), "--threads",
                        Integer.toString(o.threads()), "--memory-steps", Integer.toString(o.memorySteps()),
                        "--wav-dir", o.wavDir().toString(), "--json", json.toString()));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                        java.nio.charset.StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (!line.startsWith("machine:") && !line.startsWith("results:")
                                && !line.startsWith("peak resident memory")) {
                            lines.accept(line);
                        }
                    }
                }
                if (p.waitFor() != 0) {
                    throw new IOException("bench group " + r.get(0) + " at T=" + r.get(1) + " failed with exit code "
                            + p.exitValue());
                }
                com.fasterxml.jackson.databind.JsonNode child = JSON.readTree(json.toFile());
                child.path("measurements").forEach(measurements::add);
                child.fields().forEachRemaining(e -> {
                    if (!root.has(e.getKey()) && !e.getKey().equals("peakResidentMiB")) {
                        root.set(e.getKey(), e.getValue());
                    }
                });
                double peakMiB = child.path("peakResidentMiB").asDouble();
                ObjectNode pk = peaks.addObject();
                pk.put("group", r.get(0));
                pk.put("frames", Integer.parseInt(r.get(1)));
                pk.put("peakResidentMiB", peakMiB);
                lines.accept(String.format(Locale.ROOT, "  peak resident memory of %s%s alone: %.0f MiB", r.get(0),
                        SINGLE.contains(r.get(0)) ? ""
                                : " T=" + r.get(1), peakMiB));
            } finally {
                Files.deleteIfExists(json);
            }
        }
        return root;
    }

    /**
     * @param file target (written atomically)
     * @param results what {@link #run} returned
     * @throws IOException when writing fails
     */
    public static void writeJson(Path file, ObjectNode results) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(results));
    }

    /**
     * {@code predict} on a 2-hour 44.1 kHz MP3 against a 10-second WAV, and {@code predict
     * --timeline} over all of the MP3, each in a process of its own: wall time and peak resident
     * memory, so that what the length costs shows as the difference.
     */
    private static void longFile(Options o, ObjectNode root, Consumer<String> lines)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(o.jar())) {
            lines.accept("long: skipped (no " + o.jar() + "; build with mvn package)");
            return;
        }
        lines.accept("long: writing a 2-hour MP3 into " + o.wavDir() + " (once; about a minute)");
        Path mp3 = LongFileBenchmark.longMp3(o.wavDir(), 7200);
        List<LongFileBenchmark.Run> runs = List.of(
                LongFileBenchmark.predict(o.jar(), Benchmarks.writeWavs(o.wavDir(), 1, 10).get(0), 10),
                LongFileBenchmark.predict(o.jar(), mp3, 7200),
                LongFileBenchmark.predict(o.jar(), mp3, 7200, "--timeline"));
        ArrayNode out = root.putArray("longFile");
        for (LongFileBenchmark.Run r : runs) {
            lines.accept(String.format(Locale.ROOT, "predict %-34s (%6.0f s of audio): %.2f s wall, peak resident "
                    + "%.0f MiB (a process of its own, JVM start included)", r.input(), r.audioSeconds(),
                    r.wallSeconds(), r.peakResidentMiB()));
            out.add(JSON.valueToTree(r));
        }
    }

    /**
     * 50 clients for 60 s against {@code aaec serve} on loopback, with micro-batching (batches of up
     * to 8) and without (1), each server a process of its own.
     */
    private static void serve(Options o, ObjectNode root, Consumer<String> lines)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(o.jar())) {
            lines.accept("serve: skipped (no " + o.jar() + "; build with mvn package)");
            return;
        }
        Path corpus = Path.of("..", "shared", "data", "emodb");
        List<byte[]> clips = ServeBenchmark.clips(corpus, 40);
        lines.accept("serve: " + clips.size() + " clips of 2-6 s from " + corpus + "; 50 clients, 10 s warm-up, 60 s "
                + "measured per setting");
        ArrayNode out = root.putArray("serve");
        for (int batch : new int[] {8, 1}) {
            ServeBenchmark.Result r = ServeBenchmark.run(o.jar(), clips, batch, 50, 10, 60);
            lines.accept(String.format(Locale.ROOT, "serve max-batch %d: %d requests, %d errors, %.1f clips/s, "
                    + "latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms; server resident %.0f MiB after warm-up, %.0f "
                    + "MiB at the end (%+.1f %%)", batch, r.requests(), r.errors(), r.clipsPerSecond(), r.p50(),
                    r.p95(), r.p99(), r.rssStartMiB(), r.rssEndMiB(), 100 * (r.rssEndMiB() / r.rssStartMiB() - 1)));
            out.add(JSON.valueToTree(r));
        }
    }

    /**
     * libtorch against ONNX Runtime on the shipped model and 40 EmoDB clips: in this process, one
     * clip's latency and the throughput in batches of 32; then {@code aaec predict} over the 40
     * clips, and {@code aaec serve} under 50 clients for 60 s, each engine in a process of its own
     * (ONNX Runtime reading the exported .onnx, so that libtorch is never loaded there).
     */
    private static void engines(Options o, ObjectNode root, Consumer<String> lines)
            throws IOException, InterruptedException {
        Path corpus = Path.of("..", "shared", "data", "emodb");
        List<Path> files;
        try (var list = Files.list(corpus)) {
            files = list.filter(f -> f.toString().endsWith(".flac")).sorted().limit(40).toList();
        }
        List<AudioClip> clips = new ArrayList<>();
        for (Path f : files) {
            clips.add(new AudioLoader().load(f));
        }
        Files.createDirectories(o.wavDir());
        Path aaec = o.wavDir().resolve("default-model.aaec");
        AtomicFiles.write(aaec, EmotionRecognizer.defaultModel());
        Path onnx = o.wavDir().resolve("default-model.onnx");
        AtomicFiles.write(onnx, OnnxModels.exportDefault());
        lines.accept("engines: the shipped model; " + clips.size() + " EmoDB clips from " + corpus);
        ArrayNode out = root.putArray("engines");
        for (Engine e : Engine.values()) {
            Path model = e == Engine.PYTORCH ? aaec : onnx;
            EngineBenchmark.Result r = EngineBenchmark.run(e, model, clips, 4, 32, o.threads());
            ObjectNode row = out.addObject();
            row.put("engine", e.id());
            row.set("inProcess", JSON.valueToTree(r));
            String line = String.format(Locale.ROOT, "engine %-11s one clip p50 %.1f ms, p95 %.1f ms; batches of %d: "
                    + "%.1f clips/s", e.id(), r.p50Millis(), r.p95Millis(), r.batch(), r.clipsPerSecond());
            if (Files.isRegularFile(o.jar())) {
                List<String> args = new ArrayList<>(List.of("predict", "--engine", e.id(), "--model", model.toString()));
                files.forEach(f -> args.add(f.toString()));
                double[] predict = LongFileBenchmark.command(o.jar(), args);
                row.put("predictWallSeconds", predict[0]);
                row.put("predictPeakResidentMiB", predict[1]);
                ServeBenchmark.Result sv = ServeBenchmark.run(o.jar(), ServeBenchmark.clips(corpus, 40), 8, 50, 10, 60,
                        "--engine", e.id(), "--model", model.toString());
                row.set("serve", JSON.valueToTree(sv));
                line += String.format(Locale.ROOT, "; predict of %d files in its own process %.2f s, peak %.0f MiB; "
                        + "serve (50 clients, batch 8) %.1f clips/s, p50 %.0f ms, p99 %.0f ms, %d errors, resident "
                        + "%.0f MiB", files.size(), predict[0], predict[1], sv.clipsPerSecond(), sv.p50(), sv.p99(),
                        sv.errors(), sv.rssEndMiB());
            }
            lines.accept(line);
        }
    }

    /** JVM start to first prediction: {@code java -jar aaec.jar predict FILE} as a new process. */
    private static void startup(Options o, ObjectNode root, Consumer<String> lines)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(o.jar())) {
            lines.accept("startup: skipped (no " + o.jar() + "; build with mvn package)");
            return;
        }
        Path wav = Benchmarks.writeWavs(o.wavDir(), 1, 10).get(0);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(java, "-Dai.djl.offline=true", "-jar", o.jar().toString(), "predict",
                    wav.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                lines.accept("startup: predict failed with exit code " + p.exitValue());
                return;
            }
            if (i > 0) { // the first start warms the OS file cache
                times.add((System.nanoTime() - t0) / 1e9);
            }
        }
        times.sort(Double::compare);
        lines.accept(String.format(Locale.ROOT, "JVM start to first prediction: median %.2f s (min %.2f, max %.2f, "
                + "n=%d)", times.get(times.size() / 2), times.get(0), times.get(times.size() - 1), times.size()));
        ObjectNode s = root.putObject("startupSeconds");
        s.put("median", times.get(times.size() / 2));
        s.put("min", times.get(0));
        s.put("max", times.get(times.size() - 1));
    }
}
