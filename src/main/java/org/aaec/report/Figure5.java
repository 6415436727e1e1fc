package org.aaec.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aaec.features.NpyFile;

/**
 * Figure 5 of the paper, for every configuration with a generator: the generated samples X' of
 * all iterations accumulated in one scatter plot, coloured from early (light) to late (dark)
 * iterations, over the real training and test samples, all projected onto one 2-D PCA fitted on
 * the real training samples. Every configuration is drawn from the same seed (same split, so the
 * same real samples and the same PCA) and on the same axes, so the plots can be laid side by side.
 * Also the mean distance from generated samples to their nearest real training sample per
 * iteration, with the real test samples' distance as the yardstick.
 *
 * <p>Samples are summarised by their spectrum averaged over time (network input scale), as the
 * trainer stores them under {@code generated/} (64 fixed training clips after each iteration).
 */
final class Figure5 {

    /** At most this many colour steps from the first iteration to the last. */
    static final int MAX_STEPS = 5;
    private static final Color LIGHT = new Color(253, 212, 98);
    private static final Color DARK = new Color(128, 0, 38);
    private static final Color TRAIN = new Color(170, 170, 170);
    private static final Color TEST = new Color(31, 119, 180);

    private Figure5() {
    }

    /**
     * Groups of consecutive iterations that share a colour: {@code n} iterations in at most
     * {@link #MAX_STEPS} groups as equal as possible, in order.
     *
     * @param n number of iterations
     * @return per group its first and last iteration index (0-based, inclusive)
     */
    static List<int[]> steps(int n) {
        int k = Math.min(MAX_STEPS, n);
        List<int[]> out = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            int first = g * n / k;
            int last = (g + 1) * n / k - 1;
            out.add(new int[] {first, last});
        }
        return out;
    }

    /** The colour of step {@code g} of {@code k}: light to dark. */
    static Color shade(int g, int k) {
        double a = k == 1 ? 1 : g / (double) (k - 1);
        return new Color((int) Math.round(LIGHT.getRed() + a * (DARK.getRed() - LIGHT.getRed())),
                (int) Math.round(LIGHT.getGreen() + a * (DARK.getGreen() - LIGHT.getGreen())),
                (int) Math.round(LIGHT.getBlue() + a * (DARK.getBlue() - LIGHT.getBlue())));
    }

    /**
     * Axis limits that hold every point of every group, with 5 % margin.
     *
     * @param groups points (n × 2) of every plot
     * @return {@code {xMin, xMax, yMin, yMax}}
     */
    static double[] limits(List<double[][]> groups) {
        double[] l = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (double[][] g : groups) {
            for (double[] p : g) {
                if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                    l[0] = Math.min(l[0], p[0]);
                    l[1] = Math.max(l[1], p[0]);
                    l[2] = Math.min(l[2], p[1]);
                    l[3] = Math.max(l[3], p[1]);
                }
            }
        }
        double mx = Math.max(1e-9, (l[1] - l[0]) * 0.05);
        double my = Math.max(1e-9, (l[3] - l[2]) * 0.05);
        return new double[] {l[0] - mx, l[1] + mx, l[2] - my, l[3] + my};
    }

    /** One configuration's samples on the PCA's two axes. */
    private record Projected(double[][] real, double[][] test, List<double[][]> generated) {
    }

    /** One configuration's stored samples. */
    private record Samples(String variant, RunRecord run, double[][] real, double[][] test, List<Integer> iterations,
            List<double[][]> generated) {
    }

    /**
     * Writes the plots and their section.
     *
     * @param md the report so far
     * @param plots the report's plot folder
     * @param variants configurations in table order
     * @param runs finished runs of a configuration
     * @param display a configuration's display name
     * @throws IOException when a stored sample file cannot be read or a plot written
     */
    static void write(StringBuilder md, Path plots, List<String> variants, Function<String, List<RunRecord>> runs,
            Function<String, String> display) throws IOException {
        md.append("## Figure 5: real and generated samples\n\n");
        String unit = commonUnit(variants, runs);
        List<Samples> all = new ArrayList<>();
        for (String v : variants) {
            RunRecord r = withSamples(runs.apply(v)).filter(x -> unit == null || x.unit().equals(unit)).findFirst()
                    .orElse(null);
            Samples s = r == null ? null : read(v, r);
            if (s != null) {
                all.add(s);
            }
        }
        if (all.isEmpty()) {
            md.append("No run with a generator recorded generated samples.\n\n");
            return;
        }
        md.append("As the paper draws it: each sample is a clip's spectrum averaged over time (network input scale); "
                + "one 2-D PCA is fitted on the real training samples of ").append(all.get(0).run().unit())
                .append(" and every configuration of that seed (same split, so the same real samples) is drawn on it, "
                + "on the same axes. The generated samples X' of every iteration (64 training clips through the "
                + "generator after each iteration's decoder epochs) accumulate in one plot, coloured from the first "
                + "iterations (light) to the last (dark); real training samples grey, real test samples blue. The line "
                + "chart shows the mean distance from generated samples to their nearest real training sample per "
                + "iteration, with the real test samples' distance as the yardstick: a sample at the centre of the "
                + "data is near many real ones, so read it with the generator section's coverage.\n\n");
        Projection pca = Projection.fit(all.get(0).real());
        List<Projected> projected = new ArrayList<>();
        List<double[][]> everything = new ArrayList<>();
        for (Samples s : all) {
            Projected p = new Projected(pca.project(s.real()),
                    s.test().length == 0 ? new double[0][] : pca.project(s.test()),
                    s.generated().stream().map(pca::project).toList());
            projected.add(p);
            everything.add(p.real());
            everything.add(p.test());
            everything.addAll(p.generated());
        }
        double[] axes = limits(everything);
        Map<String, double[][]> distances = new LinkedHashMap<>();
        List<String> gaps = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            Samples s = all.get(k);
            Projected p = projected.get(k);
            Map<String, double[][]> groups = new LinkedHashMap<>();
            Map<String, Color> colors = new LinkedHashMap<>();
            groups.put("real train", p.real());
            colors.put("real train", TRAIN);
            groups.put("real test", p.test());
            colors.put("real test", TEST);
            List<int[]> steps = steps(s.iterations().size());
            for (int g = 0; g < steps.size(); g++) {
                int[] st = steps.get(g);
                List<double[]> points = new ArrayList<>();
                for (int i = st[0]; i <= st[1]; i++) {
                    points.addAll(List.of(p.generated().get(i)));
                }
                int a = s.iterations().get(st[0]);
                int b = s.iterations().get(st[1]);
                String name = "X', iteration" + (a == b ? " " + a : "s " + a + "-" + b);
                groups.put(name, points.toArray(double[][]::new));
                colors.put(name, shade(g, steps.size()));
            }
            String file = "figure5-" + s.variant() + ".png";
            Plots.scatter(plots.resolve(file), display.apply(s.variant()) + " (" + s.run().unit() + ")", groups,
                    colors, axes);
            md.append("![figure 5 ").append(s.variant()).append("](plots/").append(file).append(")\n");

            double[][] dist = new double[2][s.iterations().size()];
            for (int i = 0; i < dist[0].length; i++) {
                dist[0][i] = s.iterations().get(i);
                dist[1][i] = Projection.meanNearestDistance(s.generated().get(i), s.real());
            }
            distances.put(s.variant(), dist);
            int expected = s.iterations().get(s.iterations().size() - 1);
            if (s.iterations().size() < expected || s.iterations().get(0) != 1) {
                gaps.add(s.variant() + " (iterations " + s.iterations() + " stored)");
            }
        }
        md.append('\n');
        Samples first = all.get(0);
        if (first.test().length > 0) {
            double yardstick = Projection.meanNearestDistance(first.test(), first.real());
            double[] its = distances.values().iterator().next()[0];
            double[] flat = new double[its.length];
            java.util.Arrays.fill(flat, yardstick);
            distances.put("real test samples (yardstick)", new double[][] {its, flat});
        }
        Plots.lines(plots.resolve("generated-distance.png"), "distance of samples to the nearest real training sample",
                "iteration", "mean distance", distances);
        md.append("![distance](plots/generated-distance.png)\n\n");
        if (!gaps.isEmpty()) {
            md.append("Runs whose generated samples do not cover every iteration (a run resumed from a checkpoint "
                    + "written by a build that did not store them, or whose files were removed): ")
                    .append(String.join("; ", gaps)).append(".\n\n");
        }
    }

    /** The first seed (and fold) every configuration with stored samples has; {@code null} when there is none. */
    private static String commonUnit(List<String> variants, Function<String, List<RunRecord>> runs) {
        List<List<String>> seeds = new ArrayList<>();
        for (String v : variants) {
            List<String> s = withSamples(runs.apply(v)).map(RunRecord::unit).toList();
            if (!s.isEmpty()) {
                seeds.add(s);
            }
        }
        if (seeds.isEmpty()) {
            return null;
        }
        return seeds.get(0).stream().filter(x -> seeds.stream().allMatch(l -> l.contains(x))).findFirst().orElse(null);
    }

    /** The runs that stored generated samples. */
    private static Stream<RunRecord> withSamples(List<RunRecord> runs) {
        return runs.stream().filter(x -> Files.isDirectory(x.dir().resolve("generated")));
    }

    private static Samples read(String variant, RunRecord r) throws IOException {
        double[][] real = rows(r.dir().resolve("real-train.npy"));
        double[][] test = Files.exists(r.dir().resolve("real-test.npy")) ? rows(r.dir().resolve("real-test.npy"))
                : new double[0][];
        List<Path> files;
        try (Stream<Path> list = Files.list(r.dir().resolve("generated"))) {
            files = list.filter(f -> f.toString().endsWith(".npy")).sorted().toList();
        }
        if (files.isEmpty() || real.length < 3) {
            return null;
        }
        List<Integer> iterations = new ArrayList<>();
        List<double[][]> generated = new ArrayList<>();
        for (Path f : files) {
            iterations.add(iteration(f));
            generated.add(rows(f));
        }
        return new Samples(variant, r, real, test, iterations, generated);
    }

    private static int iteration(Path file) {
        Matcher m = Pattern.compile("(\\d+)").matcher(file.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static double[][] rows(Path npy) throws IOException {
        NpyFile.Array a = NpyFile.read(npy);
        int n = a.shape()[0];
        int d = a.shape()[1];
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                out[i][j] = a.data()[i * d + j];
            }
        }
        return out;
    }
}
