package org.aaec.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aaec.model.HeadSpec;
import org.aaec.serving.Timeline;
import org.aaec.serving.TimelineSegment;

/**
 * Writes timelines as they come: CSV with one row per window and one summary row per file, or a
 * JSON array with one object per file (its windows and summary), each written when the file ends.
 *
 * <pre>
 * file,row,start,end,speech_seconds,arousal,arousal_p_low,...,valence,...,error
 * talk.wav,window,0.000,4.000,3.120,high,0.0800,0.2100,0.7100,...,
 * talk.wav,summary,0.000,49.000,,high,0.1200,...,
 * </pre>
 *
 * <p>A window skipped for too little speech has its speech seconds and empty classes; the
 * summary row holds the duration-weighted mean probabilities and, as the class, the one of the
 * largest mean.
 */
public final class TimelineWriter implements TimelinePrediction.Sink, AutoCloseable {

    private final PredictionWriter.Format format;
    private final List<HeadSpec> heads;
    private final HeadColumns columns;
    private final SequenceWriter out;
    private final ObjectMapper json = new ObjectMapper();
    private final PredictionJson shape;
    private ArrayNode windows; // JSON: the current file's windows
    private int rows;

    /**
     * @param writer where to write (closed with this writer)
     * @param format CSV or JSON
     * @param heads the model's heads
     * @throws IOException when writing the header fails
     */
    public TimelineWriter(Writer writer, PredictionWriter.Format format, List<HeadSpec> heads) throws IOException {
        this.format = format;
        this.heads = List.copyOf(heads);
        this.columns = new HeadColumns(heads);
        this.shape = new PredictionJson(heads);
        if (format == PredictionWriter.Format.JSON) {
            out = json.writerWithDefaultPrettyPrinter().writeValues(writer).init(true);
        } else {
            out = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(writer);
            List<String> header = new ArrayList<>(List.of("file", "row", "start", "end", "speech_seconds"));
            header.addAll(columns.header());
            header.add("error");
            out.write(header.toArray(String[]::new));
        }
    }

    /** Rows (CSV) or files (JSON) written so far. */
    public int rows() {
        return rows;
    }

    @Override
    public void window(Path file, TimelineSegment s) throws IOException {
        if (format == PredictionWriter.Format.JSON) {
            if (windows == null) {
                windows = json.createArrayNode();
            }
            windows.add(shape.segment(s));
            return;
        }
        List<String> cells = new ArrayList<>(List.of(file.toString(), "window", secs(s.start()), secs(s.end()),
                Double.isNaN(s.speechSeconds()) ? "" : secs(s.speechSeconds())));
        columns.add(cells, HeadColumns.of(s.prediction()));
        cells.add("");
        write(cells);
    }

    @Override
    public void file(Path file, Timeline t, String error) throws IOException {
        if (format == PredictionWriter.Format.JSON) {
            ObjectNode o = json.createObjectNode();
            o.put("file", file.toString());
            if (error != null) {
                o.put("error", error);
            } else {
                o.setAll(shape.timeline(t));
                o.set("segments", windows == null ? json.createArrayNode() : windows);
            }
            windows = null;
            out.write(o);
            out.flush();
            rows++;
            return;
        }
        List<String> cells = new ArrayList<>(List.of(file.toString(), "summary", error == null ? secs(0) : "",
                error == null ? secs(t.seconds()) : "", ""));
        columns.add(cells, new HeadColumns.Answer() { // the summary: the largest mean and the means
            @Override
            public String label(int head) {
                Timeline.Summary s = summaryOf(t, heads.get(head).name());
                return s == null ? null : s.label();
            }

            @Override
            public Number probability(int head, int cls) {
                return summaryOf(t, heads.get(head).name()).meanProbabilities()[cls];
            }
        });
        cells.add(error == null ? "" : error);
        write(cells);
    }

    private static Timeline.Summary summaryOf(Timeline t, String head) {
        return t == null ? null : t.summary().stream().filter(s -> s.name().equals(head)).findFirst().orElse(null);
    }

    private void write(List<String> cells) throws IOException {
        out.write(cells.toArray(String[]::new));
        out.flush();
        rows++;
    }

    private static String secs(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
