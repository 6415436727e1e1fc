package org.aaec.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.aaec.model.HeadSpec;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.Timeline;
import org.aaec.serving.TimelineSegment;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Emotion over time as a PNG: one panel per head (arousal, valence), the probability of each
 * class at the centre of every predicted window, on one time axis. Windows skipped for lack of
 * speech leave gaps.
 */
public final class TimelinePlot {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TimelinePlot() {
    }

    /**
     * @param file PNG to write (atomically)
     * @param title the chart's title (the recording's name)
     * @param heads the model's heads, in display order of their classes
     * @param timeline the timeline, with its segments
     * @throws IOException when writing fails
     */
    public static void write(Path file, String title, List<HeadSpec> heads, Timeline timeline) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        for (HeadSpec head : heads) {
            XYChart chart = new XYChartBuilder().width(900).height(300).title(charts.isEmpty() ? title : "")
                    .xAxisTitle("time (s)").yAxisTitle(head.name() + " probability").build();
            chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0)
                    .setXAxisMax(Math.max(timeline.seconds(), 1e-3));
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            for (int c : head.displayOrder()) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                for (TimelineSegment s : timeline.segments()) {
                    x.add((s.start() + s.end()) / 2);
                    y.add(s.predicted() ? probability(s.prediction(), head.name(), c) : Double.NaN);
                }
                if (!x.isEmpty()) {
                    chart.addSeries(head.classes().get(c), x, y).setMarker(SeriesMarkers.CIRCLE);
                }
            }
            charts.add(chart);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp.png");
        BitmapEncoder.saveBitmap(charts, charts.size(), 1, tmp.toString(), BitmapEncoder.BitmapFormat.PNG);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static double probability(EmotionPrediction p, String head, int c) {
        return p.head(head).probabilities()[c];
    }
}
