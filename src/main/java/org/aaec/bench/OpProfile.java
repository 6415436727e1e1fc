package org.aaec.bench;

import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a step's time goes, from the engine's own profiler (PyTorch's autograd profiler through
 * DJL's JNI): every operator's <em>self</em> time (its duration minus that of the operators it
 * called), summed per category over the profiled steps; an operator called inside a convolution or
 * a GRU counts as that (the GRU's time steps run as narrow, addmm and element-wise operators).
 * Categories: convolutions, GRU (forward; its backward runs as GEMMs and element-wise ops), dense/GEMM (matrix products of the dense
 * layers and GRU cells), copies/reorders (layout changes and contiguous copies), optimizer,
 * allocation (empty/zeros/fill of new arrays), and the rest. DJL's Adam and SGD run as plain
 * element-wise operators, so the optimizer's share is the wall time measured around the updates
 * ({@link org.aaec.training.Updater#nanosSpent}), taken out of "other ops". Time outside any
 * operator (Java, JNI, waiting) is the step's wall time minus the operators' total.
 *
 * @param step the measured step
 * @param wallMsPerStep wall time per step while profiling (the profiler adds some overhead)
 * @param selfMsByCategory operators' self time per step and category
 * @param top the operators with the most self time, ms per step, each named with the outermost
 *     operator it ran inside when there is one ({@code aten::narrow in aten::gru}): where a
 *     small operator's time comes from is then plain (the 17 % of {@code aten::narrow} in the AAEC
 *     step on Zen 5 is the GRU's per-timestep gate split)
 */
public record OpProfile(String step, double wallMsPerStep, Map<String, Double> selfMsByCategory,
        Map<String, Double> top) {

    /** Categories in print order. */
    public static final List<String> CATEGORIES = List.of("convolution", "gru", "dense/gemm", "copy/reorder",
            "optimizer", "allocation", "other ops", "outside ops");

    /**
     * Profiles {@code steps} repetitions of a step (after {@code warmup} untimed ones).
     *
     * @param step name
     * @param body one step
     * @param warmup untimed repetitions before profiling
     * @param steps profiled repetitions
     * @return the breakdown per step
     */
    public static OpProfile of(String step, Runnable body, int warmup, int steps) {
        for (int i = 0; i < warmup; i++) {
            body.run();
        }
        Path trace;
        try {
            trace = Files.createTempFile("aaec-profile", ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t0;
        long t1;
        long u0;
        long u1;
        JniUtils.startProfile(false, false, false);
        try {
            u0 = org.aaec.training.Updater.nanosSpent();
            t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                body.run();
            }
            t1 = System.nanoTime();
            u1 = org.aaec.training.Updater.nanosSpent();
        } finally {
            JniUtils.stopProfile(trace.toString());
        }
        try {
            double wall = (t1 - t0) / 1e6 / steps;
            return parse(step, Files.readAllBytes(trace), steps, wall, (u1 - u0) / 1e6 / steps);
        } catch (IOException e) {
            throw new UncheckedIOException(trace + ": cannot read the profiler's trace", e);
        } finally {
            try {
                Files.deleteIfExists(trace);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    /** One complete event of the Chrome trace. */
    private record Event(String name, long tid, double start, double dur) {
    }

    static OpProfile parse(String step, byte[] chromeTrace, int steps, double wallMsPerStep, double optimizerMs)
            throws IOException {
        JsonNode root = new ObjectMapper().readTree(chromeTrace);
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        List<Event> list = new ArrayList<>();
        for (JsonNode e : events) {
            if (e.path("ph").asText().equals("X") && e.has("dur")) {
                list.add(new Event(e.path("name").asText(), e.path("tid").asLong(), e.path("ts").asDouble(),
                        e.path("dur").asDouble()));
            }
        }
        // self time: an event's duration minus its direct children's (events nested inside it on its thread)
        list.sort(Comparator.comparingLong(Event::tid).thenComparingDouble(Event::start)
                .thenComparing(Comparator.comparingDouble(Event::dur).reversed()));
        Map<String, Double> selfByName = new TreeMap<>();
        Deque<double[]> stack = new ArrayDeque<>(); // {end, index}
        double[] self = new double[list.size()];
        String[] category = new String[list.size()];
        String[] outermost = new String[list.size()];
        long tid = Long.MIN_VALUE;
        for (int i = 0; i < list.size(); i++) {
            Event e = list.get(i);
            if (e.tid() != tid) {
                stack.clear();
                tid = e.tid();
            }
            while (!stack.isEmpty() && stack.peek()[0] <= e.start()) {
                stack.pop();
            }
            self[i] = e.dur();
            // an operator inside a convolution or a GRU (the GRU's cell steps run as narrow, addmm, add_ ...)
            // counts as its caller's category
            String own = category(e.name());
            category[i] = own;
            outermost[i] = stack.isEmpty() ? null : list.get((int) stack.peekLast()[1]).name(); // the stack's bottom
            if (!stack.isEmpty()) {
                int parent = (int) stack.peek()[1];
                self[parent] -= e.dur();
                String inherited = category[parent];
                if (inherited.equals("convolution") || inherited.equals("gru")) {
                    category[i] = inherited;
                }
            }
            stack.push(new double[] {e.start() + e.dur(), i});
        }
        Map<String, Double> byCategory = new LinkedHashMap<>();
        CATEGORIES.forEach(c -> byCategory.put(c, 0.0));
        double total = 0;
        for (int i = 0; i < list.size(); i++) {
            double ms = Math.max(0, self[i]) / 1000 / steps;
            String where = outermost[i] == null ? "" : " in " + outermost[i];
            selfByName.merge(list.get(i).name() + where, ms, Double::sum);
            byCategory.merge(category[i], ms, Double::sum);
            total += ms;
        }
        byCategory.put("optimizer", optimizerMs);
        byCategory.put("other ops", Math.max(0, byCategory.get("other ops") - optimizerMs));
        byCategory.put("outside ops", Math.max(0, wallMsPerStep - total));
        Map<String, Double> top = new LinkedHashMap<>();
        selfByName.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return new OpProfile(step, wallMsPerStep, byCategory, top);
    }

    /** The category of an operator, by its name (forward ATen ops and autograd's backward nodes alike). */
    static String category(String op) {
        String n = op.toLowerCase(Locale.ROOT);
        if (n.contains("conv")) {
            return "convolution";
        }
        if (n.contains("gru") || n.contains("rnn") || n.contains("lstm")) {
            return "gru";
        }
        if (n.equals("aten::mm") || n.equals("aten::addmm") || n.equals("aten::bmm") || n.equals("aten::matmul")
                || n.equals("aten::linear") || n.startsWith("mmbackward") || n.startsWith("addmmbackward")) {
            return "dense/gemm";
        }
        if (n.contains("copy") || n.contains("contiguous") || n.contains("clone") || n.contains("reorder")
                || n.contains("to_dense") || n.contains("_to_copy") || n.contains("cat") && n.startsWith("aten::cat")) {
            return "copy/reorder";
        }
        if (n.contains("empty") || n.contains("zeros") || n.contains("ones") || n.contains("fill_")
                || n.contains("full") || n.contains("resize_")) {
            return "allocation";
        }
        return "other ops";
    }

    /** One line per category, for the terminal. */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  profile %s: %.1f ms per step (profiled)%n",
                step, wallMsPerStep));
        selfMsByCategory.forEach((c, ms) -> s.append(String.format(Locale.ROOT, "    %-14s %8.2f ms  %5.1f %%%n", c, ms,
                100 * ms / wallMsPerStep)));
        s.append("    top operators (self ms per step): ");
        s.append(String.join(", ", top.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(),
                e.getValue())).toList()));
        return s.append('\n').toString();
    }
}
