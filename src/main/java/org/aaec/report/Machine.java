package org.aaec.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line describing the machine a report was made on: without it a time means nothing. */
public final class Machine {

    private Machine() {
    }

    /** CPU model, cores, memory, Java version. */
    public static String describe() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        long memGiB = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memGiB = Math.round(Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown memory
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores" + (memGiB > 0 ? ", " + memGiB
                + " GiB" : "") + ", Java " + System.getProperty("java.version");
    }
}
