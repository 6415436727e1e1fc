package org.aaec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.aaec.data.Manifest;
import org.aaec.features.ExtractionSummary;
import org.aaec.features.FeatureConfig;
import org.aaec.features.FeatureExtractor;
import org.aaec.features.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aaec features}: extracts a corpus into a feature store. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Extract power spectrograms of a corpus into a feature store, on all cores.",
            "Re-running continues where a killed run stopped; bad files are listed in OUT/errors.csv."})
final class FeaturesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Feature store folder.")
    Path out;

    @Option(names = "--max-seconds", defaultValue = "15",
            description = "Cut or zero-pad every clip to this length (default: ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--threads", description = "Worker threads (default: all cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        corpus.validate(spec.commandLine());
        PrintWriter out_ = spec.commandLine().getOut();
        FeatureConfig config = FeatureConfig.defaults().withMaxSeconds(maxSeconds);
        Manifest manifest = corpus.load();
        FeatureStore store = FeatureStore.createOrOpen(out, config);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ExtractionSummary s;
        try (ProgressBar bar = Progress.bar("features", manifest.size())) {
            s = new FeatureExtractor(config, n).run(manifest, store, id -> bar.step());
        }
        out_.printf(Locale.ROOT, "clips: %d done, %d skipped (already stored), %d failed%n", s.done(), s.skipped(),
                s.failed());
        out_.printf(Locale.ROOT, "audio: %.3f h decoded in %.1f s wall = %.1f audio-seconds/second (%d threads)%n",
                s.audioSeconds() / 3600, s.wallSeconds(), s.audioSecondsPerSecond(), n);
        out_.printf(Locale.ROOT, "store: %s (T=%d x F=%d, %.1f s clips, settings %s)%n", out, config.frames(),
                config.bins(), config.maxSeconds(), config.fingerprint());
        CorpusOptions.printSplits(out_, manifest);
        if (s.normalization() != null) {
            out_.printf(Locale.ROOT, "normalisation: per-bin log-power statistics from %d training clips (%d frames)%n",
                    s.normalization().clips(), s.normalization().frames());
        }
        if (s.failed() > 0) {
            spec.commandLine().getErr().printf("warning: %d file(s) failed, listed in %s; first: %s%n", s.failed(),
                    out.resolve("errors.csv"), s.errors().get(0).message());
        }
        boolean nothing = s.done() + s.skipped() == 0;
        return nothing ? ExitCode.FAILURE.code() : ExitCode.OK.code();
    }
}
