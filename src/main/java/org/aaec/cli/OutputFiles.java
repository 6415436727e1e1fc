package org.aaec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Checks an output file's folder before any work starts, so that a typo in {@code --out} costs a
 * second, not the hour of work whose result could then not be written.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * @param cli the command (for the usage error)
     * @param option the option's name, for the message
     * @param file the output file, or {@code null} when not asked for
     * @throws ParameterException when the file's folder does not exist or the file is a folder
     */
    static void checkWritable(CommandLine cli, String option, Path file) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new ParameterException(cli, option + ": " + file + " is a folder; name a file");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new ParameterException(cli, option + ": " + file + ": folder " + dir + " does not exist");
        }
    }
}
