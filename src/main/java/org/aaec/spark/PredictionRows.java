package org.aaec.spark;

import java.util.ArrayList;
import java.util.List;
import org.aaec.jobs.HeadColumns;
import org.aaec.jobs.Prediction;
import org.aaec.model.HeadSpec;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.TimelineSegment;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows a Spark job writes, in the columns of {@code aaec predict}'s CSV (file, per head its
 * class and {@code <head>_p_<class>} probabilities, seconds, active seconds, reliable, error),
 * typed for Parquet, with a {@code kind} ({@value #FILE} or {@value #WINDOW}) and, for windows,
 * their {@code start} and {@code end} seconds. One schema for both kinds lets one pass over the
 * files produce both; the job splits them when it writes.
 */
final class PredictionRows {

    /** A row for a whole file (its start, as {@code predict} predicts it). */
    static final String FILE = "file";
    /** A row for one timeline window. */
    static final String WINDOW = "window";

    private final List<HeadSpec> heads;
    private final StructType schema;

    PredictionRows(List<HeadSpec> heads) {
        this.heads = List.copyOf(heads);
        List<StructField> f = new ArrayList<>();
        f.add(field("file", DataTypes.StringType));
        f.add(field("kind", DataTypes.StringType));
        f.add(field("start", DataTypes.DoubleType));
        f.add(field("end", DataTypes.DoubleType));
        List<String> names = new HeadColumns(heads).header();
        int i = 0;
        for (HeadSpec h : heads) {
            f.add(field(names.get(i++), DataTypes.StringType));
            for (int c = 0; c < h.size(); c++) {
                f.add(field(names.get(i++), DataTypes.FloatType));
            }
        }
        f.add(field("seconds", DataTypes.DoubleType));
        f.add(field("active_seconds", DataTypes.DoubleType));
        f.add(field("reliable", DataTypes.BooleanType));
        f.add(field("error", DataTypes.StringType));
        this.schema = new StructType(f.toArray(StructField[]::new));
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    StructType schema() {
        return schema;
    }

    /** A file's row: its prediction or its error, under the name the user gave it. */
    Row file(String name, Prediction.Row r) {
        EmotionPrediction p = r.prediction();
        return row(name, FILE, null, null, p, p == null ? null : p.seconds(), p == null ? null : p.activeSeconds(),
                p == null ? null : p.reliable(), r.error());
    }

    /** A window's row; a window speech detection skipped has no classes. */
    Row window(String name, TimelineSegment s) {
        return row(name, WINDOW, s.start(), s.end(), s.predicted() ? s.prediction() : null, s.end() - s.start(),
                Double.isNaN(s.speechSeconds()) ? null : s.speechSeconds(), null, null);
    }

    /** A file whose timeline failed: one window row holding the error. */
    Row windowError(String name, String error) {
        return row(name, WINDOW, null, null, null, null, null, null, error);
    }

    private Row row(String name, String kind, Double start, Double end, EmotionPrediction p, Double seconds,
            Double active, Boolean reliable, String error) {
        List<Object> v = new ArrayList<>(List.of(name, kind));
        v.add(start);
        v.add(end);
        for (int h = 0; h < heads.size(); h++) {
            EmotionPrediction.Head head = p == null ? null : p.heads().get(h);
            v.add(head == null ? null : head.label());
            for (int c : heads.get(h).displayOrder()) {
                v.add(head == null ? null : head.probabilities()[c]);
            }
        }
        v.add(seconds);
        v.add(active);
        v.add(reliable);
        v.add(error);
        return RowFactory.create(v.toArray());
    }
}
