package org.aaec.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts, drawn with XChart (headless). */
final class Plots {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Plots() {
    }

    /**
     * Line chart, one series per name.
     *
     * @param file PNG to write
     * @param title chart title
     * @param xLabel x axis
     * @param yLabel y axis
     * @param series name to (x values, y values)
     * @throws IOException when writing fails
     */
    static void lines(Path file, String title, String xLabel, String yLabel, Map<String, double[][]> series)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            if (e.getValue()[0].length > 0) {
                chart.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Scatter plot of named point groups on fixed axes (so that several plots compare).
     *
     * @param file PNG to write
     * @param title chart title
     * @param groups name to points (n × 2), drawn in order
     * @param colors name to colour
     * @param axes {@code {xMin, xMax, yMin, yMax}}, or {@code null} to fit the points
     * @throws IOException when writing fails
     */
    static void scatter(Path file, String title, Map<String, double[][]> groups, Map<String, Color> colors,
            double[] axes) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(560).title(title).xAxisTitle("PC 1")
                .yAxisTitle("PC 2").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Horizontal);
        if (axes != null) {
            chart.getStyler().setXAxisMin(axes[0]).setXAxisMax(axes[1]).setYAxisMin(axes[2]).setYAxisMax(axes[3]);
        }
        for (Map.Entry<String, double[][]> e : groups.entrySet()) {
            double[][] p = e.getValue();
            if (p.length == 0) {
                continue;
            }
            double[] x = new double[p.length];
            double[] y = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                x[i] = p[i][0];
                y[i] = p[i][1];
            }
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colors.getOrDefault(e.getKey(), Color.GRAY));
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Confusion matrix as a heat map with the counts.
     *
     * @param file PNG to write
     * @param title chart title
     * @param classes class names
     * @param counts {@code counts[truth][predicted]}
     * @throws IOException when writing fails
     */
    static void confusion(Path file, String title, List<String> classes, int[][] counts) throws IOException {
        HeatMapChart chart = new HeatMapChartBuilder().width(480).height(420).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setRangeColors(new Color[] {new Color(247, 251, 255), new Color(8, 81, 156)});
        int k = classes.size();
        Number[][] heat = new Number[k * k][];
        int i = 0;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                heat[i++] = new Number[] {p, k - 1 - t, counts[t][p]}; // true classes top to bottom
            }
        }
        List<String> reversed = new java.util.ArrayList<>(classes);
        java.util.Collections.reverse(reversed);
        chart.addSeries("counts", classes, reversed, java.util.Arrays.asList(heat));
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
