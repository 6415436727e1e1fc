package org.aaec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aaec manifest}: writes the manifest of a corpus folder, with speaker-independent splits. */
@Command(name = "manifest", mixinStandardHelpOptions = true,
        description = "Write a manifest CSV for a corpus folder (or re-split a manifest) by speaker.")
final class ManifestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CorpusOptions corpus;

    @Option(names = "--out", required = true, paramLabel = "CSV", description = "Manifest file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OutputFiles.checkWritable(spec.commandLine(), "--out", out);
        Manifest m = corpus.load(spec.commandLine());
        ManifestCsv.write(m, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %d clips, %d speakers, labels %s%n", out, m.size(), m.speakers(null).size(),
                m.labelColumns());
        CorpusOptions.printSplits(w, m);
        return ExitCode.OK.code();
    }
}
