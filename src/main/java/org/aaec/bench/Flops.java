package org.aaec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How much arithmetic the classifier does and how much the CPU could do: the classifier's
 * forward FLOPs per sample counted as {@code aaec_ref.py --mode info} counts them (2 × the
 * multiply-adds of convolutions and GEMMs; biases, activations and gate element-wise work left
 * out, under 1 %), a training step as 3 × forward (backward ≈ 2 × forward), and the CPU's fp32
 * peak as cores × FMA units × vector lanes × 2 × clock.
 */
public final class Flops {

    private Flops() {
    }

    /**
     * @param frames T
     * @param bins F
     * @return forward FLOPs per sample of the paper's classifier with 3 + 3 classes
     */
    public static double classifierForward(int frames, int bins) {
        double t = frames;
        double conv = 2 * t * bins * 512 * 3 + 2 * t * 512 * 256 + 2 * t * 256 * 128 * 3;
        double gru = 2 * (2 * t * (2 * 128 * 3 * 64 + 2 * 64 * 3 * 64)); // two directions
        double heads = mlp(128, 512, 32, 1) + 2 * mlp(128, 512, 32, 3);
        return conv + gru + heads;
    }

    private static double mlp(int... sizes) {
        double f = 0;
        for (int i = 0; i + 1 < sizes.length; i++) {
            f += 2.0 * sizes[i] * sizes[i + 1];
        }
        return f;
    }

    /**
     * The CPU's fp32 peak and how it was derived.
     *
     * @param gflops peak in GFLOP/s
     * @param derivation the formula with this machine's numbers and where each came from
     */
    public record Peak(double gflops, String derivation) {
    }

    /**
     * @return this machine's fp32 peak, from /proc/cpuinfo and cpufreq where Linux has them
     */
    public static Peak cpuPeak() {
        int cores = Runtime.getRuntime().availableProcessors();
        String flags = cpuinfo("flags");
        List<String> f = List.of(flags.split("\\s+"));
        int lanes = f.contains("avx512f") ? 16 : f.contains("avx2") || f.contains("avx") ? 8 : 4;
        String isa = lanes == 16 ? "AVX-512" : lanes == 8 ? "AVX2" : "SSE";
        int fmaUnits = f.contains("fma") || lanes == 16 ? 2 : 1;
        double ghz = maxClockGhz();
        String clockFrom = "cpufreq cpuinfo_max_freq";
        if (ghz <= 0) {
            try {
                ghz = Double.parseDouble(cpuinfo("cpu MHz")) / 1000;
                clockFrom = "/proc/cpuinfo cpu MHz";
            } catch (NumberFormatException e) {
                ghz = 0;
                clockFrom = "unknown";
            }
        }
        double peak = cores * fmaUnits * lanes * 2 * ghz;
        String d = String.format(Locale.ROOT, "%d cores (available processors) × %d FMA units (assumed: 2 on CPUs "
                + "with FMA or AVX-512; a Zen 4 core runs AVX-512 as 2 × 256 bit, so its true peak is half this) × %d "
                + "fp32 lanes (%s) × 2 FLOP per FMA × %.2f GHz (%s) = %.1f GFLOP/s", cores, fmaUnits, lanes, isa, ghz,
                clockFrom, peak);
        return new Peak(peak, d);
    }

    private static double maxClockGhz() {
        try {
            Path p = Path.of("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
            return Files.isReadable(p) ? Double.parseDouble(Files.readString(p).trim()) / 1e6 : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static String cpuinfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: fall through
        }
        return "";
    }
}
