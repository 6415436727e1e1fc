package org.aaec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.aaec.bench.BenchmarkSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

    @Option(names = "--only", split = ",", description = "Run only these groups: train (or train-classifier, "
            + "train-aaec), infer, profile, latency, features, startup, memory, long (predict on a 2-hour MP3 "
            + "beside a 10-s clip: time and peak memory), serve (50 clients for 60 s against aaec serve, with and "
            + "without micro-batching), engines (libtorch against ONNX Runtime: latency, throughput, predict and serve with memory). memory, long, serve and engines run only when named.")
    List<String> only;

    @Option(names = "--memory-steps", defaultValue = "2000", description = "Memory: full AAEC steps at T=126; RSS "
            + "is read at step 100 and at this step (default: ${DEFAULT-VALUE}; only with --only memory).")
    int memorySteps;

    @Option(names = "--wav-dir", paramLabel = "DIR", defaultValue = "target/bench-wavs",
            description = "Where the feature benchmark writes its WAV inputs, for the numpy reference to read the "
                    + "same files (default: ${DEFAULT-VALUE}).")
    Path wavDir;

    @Option(names = "--fork", description = "Run every group (and input length) in a process of its own, so each "
            + "one's peak resident memory is its own.")
    boolean fork;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "target/bench.json",
            description = "Results as JSON (default: ${DEFAULT-VALUE}).")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || batch < 1 || steps < 1 || warmup < 0 || frames.stream().anyMatch(f -> f < 1)) {
            throw new ParameterException(spec.commandLine(), "--threads, --batch, --steps and --frames must be at "
                    + "least 1, --warmup at least 0");
        }
        if (only != null && !BenchmarkSuite.GROUPS.containsAll(only)) {
            throw new ParameterException(spec.commandLine(), "--only: groups are " + BenchmarkSuite.GROUPS);
        }
        Engines.configureThreads(threads);
        PrintWriter w = spec.commandLine().getOut();
        BenchmarkSuite.Options o = new BenchmarkSuite.Options(frames, batch, warmup, steps, threads, only, memorySteps,
                wavDir, Path.of("target/aaec.jar"));
        java.util.function.Consumer<String> print = line -> {
            w.println(line);
            w.flush();
        };
        ObjectNode results = fork ? BenchmarkSuite.runForked(o, print) : BenchmarkSuite.run(o, print);
        BenchmarkSuite.writeJson(json, results);
        w.printf("results: %s%n", json);
        return ExitCode.OK.code();
    }
}
