package org.aaec.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aaec.model.HeadSpec;
import org.aaec.serving.EmotionPrediction;

/**
 * Writes prediction rows as they come, as CSV or as a JSON array, with each head's classes in
 * display order (low, medium, high; negative, neutral, positive).
 *
 * <pre>
 * file,arousal,arousal_p_low,arousal_p_medium,arousal_p_high,valence,valence_p_negative,...,seconds,active_seconds,reliable,error
 * </pre>
 *
 * <p>{@code seconds} is the audio the model was given, {@code active_seconds} the part of it above
 * the noise floor; {@code reliable} is false when that is too little to go on (JSON: the same under
 * {@code seconds}, {@code activeSeconds}, {@code reliable}).
 */
public final class PredictionWriter implements Prediction.Sink, AutoCloseable {

    /** Output formats. */
    public enum Format {
        /** One header row, then one row per file. */
        CSV,
        /** An array of objects: file, then per head its label and probabilities, or error. */
        JSON;

        /**
         * @param name csv or json, any case
         * @return the format
         * @throws IllegalArgumentException for anything else
         */
        public static Format parse(String name) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format must be csv or json, not '" + name + "'");
        }
    }

    private final Format format;
    private final HeadColumns columns;
    private final SequenceWriter out;
    private final ObjectMapper json = new ObjectMapper();
    private final PredictionJson shape;
    private int rows;

    /**
     * @param writer where to write (closed with this writer)
     * @param format CSV or JSON
     * @param heads the model's heads
     * @throws IOException when writing the header fails
     */
    public PredictionWriter(Writer writer, Format format, List<HeadSpec> heads) throws IOException {
        this.format = format;
        this.columns = new HeadColumns(heads);
        this.shape = new PredictionJson(heads);
        if (format == Format.JSON) {
            out = json.writerWithDefaultPrettyPrinter().writeValues(writer).init(true);
        } else {
            out = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(writer);
            List<String> header = new ArrayList<>(List.of("file"));
            header.addAll(columns.header());
            header.addAll(List.of("seconds", "active_seconds", "reliable", "error"));
            out.write(header.toArray(String[]::new));
        }
    }

    @Override
    public void accept(Prediction.Row r) throws IOException {
        if (format == Format.JSON) {
            out.write(jsonRow(r));
        } else {
            out.write(csvRow(r));
        }
        out.flush();
        rows++;
    }

    /** Rows written so far. */
    public int rows() {
        return rows;
    }

    private ObjectNode jsonRow(Prediction.Row r) {
        ObjectNode o = json.createObjectNode();
        o.put("file", r.file().toString());
        if (r.error() != null) {
            o.put("error", r.error());
            return o;
        }
        return o.setAll(shape.prediction(r.prediction()));
    }

    private String[] csvRow(Prediction.Row r) {
        List<String> cells = new ArrayList<>(List.of(r.file().toString()));
        columns.add(cells, HeadColumns.of(r.prediction()));
        EmotionPrediction p = r.prediction();
        cells.add(p == null ? "" : String.format(Locale.ROOT, "%.3f", p.seconds()));
        cells.add(p == null ? "" : String.format(Locale.ROOT, "%.3f", p.activeSeconds()));
        cells.add(p == null ? "" : String.valueOf(p.reliable()));
        cells.add(r.error() == null ? "" : r.error());
        return cells.toArray(String[]::new);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
