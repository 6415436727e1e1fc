package org.aaec.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: lists the subcommands and holds the options every subcommand inherits. */
@Command(name = "aaec", mixinStandardHelpOptions = true, version = "aaec 0.1.0",
        description = "Speech emotion recognition with the Adversarial Autoencoder-based Classifier (AAEC).",
        subcommands = {FeaturesCommand.class, ManifestCommand.class, TrainCommand.class, EvaluateCommand.class,
            PredictCommand.class, SparkPredictCommand.class, ExportCommand.class, ServeCommand.class, ListenCommand.class, ExperimentCommand.class, BenchCommand.class, picocli.CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (bad input, I/O error); one line says why", "2:usage error"})
public final class AaecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also show the libraries' information messages (log level INFO).")
    boolean verbose;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Log at DEBUG level and, on failure, print the stack trace.")
    boolean debug;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE.code();
    }
}
