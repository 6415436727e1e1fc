package org.aaec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.data.Manifest;
import org.aaec.features.ExtractionSummary;
import org.aaec.features.FeatureConfig;
import org.aaec.jobs.Extraction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aaec features}: extracts a corpus into a feature store. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Extract power spectrograms of a corpus into a feature store (a cache shared by runs), on all "
            + "cores.", "Clips already stored are reused; bad files are listed in OUT/errors.csv and skipped."})
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
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (!(maxSeconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--max-seconds must be above 0");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Manifest manifest = corpus.source(spec.commandLine()).read();
        FeatureConfig config = FeatureConfig.defaults().withMaxSeconds(maxSeconds);
        Terminal t = Terminal.of(spec);
        ExtractionSummary s = Extraction.run(manifest, out, config, n, "features", t).summary();

        PrintWriter w = t.out();
        w.printf(Locale.ROOT, "clips: %d done, %d skipped (already stored), %d failed%n", s.done(), s.skipped(),
                s.failed());
        w.printf(Locale.ROOT, "audio: %.3f h decoded in %.1f s wall = %.1f audio-seconds/second (%d threads)%n",
                s.audioSeconds() / 3600, s.wallSeconds(), s.audioSecondsPerSecond(), n);
        w.printf(Locale.ROOT, "store: %s (T=%d x F=%d, %.1f s clips, settings %s)%n", out, config.frames(),
                config.bins(), config.maxSeconds(), config.fingerprint());
        w.printf(Locale.ROOT, "speakers: %d; label columns: %s%n", manifest.speakers(null).size(),
                manifest.labelColumns());
        w.flush();
        if (s.failed() > 0) {
            t.warn("warning: " + s.failed() + " file(s) failed, listed in " + out.resolve("errors.csv"));
        }
        return ExitCode.ofBatch(s.done() + s.skipped() + s.failed(), s.failed()).code();
    }
}
