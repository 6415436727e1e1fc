package org.aaec.cli;

/**
 * The log level of the libraries. {@code simplelogger.properties} (in the jar) sets WARN and keeps
 * DJL's GPU probe quiet on machines without a GPU; {@code --verbose} and {@code --debug} raise the
 * level. slf4j-simple reads its settings once, when the first logger is made, so this must run
 * before any library logs (it does: the command line calls it before running a command). System
 * properties override the file.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    /**
     * @param level {@code info} or {@code debug}, or {@code null} to keep the file's settings
     */
    static void configure(String level) {
        if (level == null) {
            return;
        }
        System.setProperty(PREFIX + "defaultLogLevel", level);
        System.setProperty(PREFIX + "log.ai.djl.util.cuda.CudaUtils", level);
        System.setProperty(PREFIX + "showThreadName", "true");
        System.setProperty(PREFIX + "showShortLogName", "true");
    }
}
