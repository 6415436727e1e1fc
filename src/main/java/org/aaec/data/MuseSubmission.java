package org.aaec.data;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Predictions in the MuSe-Topic submission format, the counterpart of {@link MuseTopicReader}:
 * {@code id, segment_id, prediction_arousal, prediction_valence}. A clip's video id is its file's
 * folder and its segment id the file name without extension ({@code audio/<id>/<segment>.wav}).
 * Rows are written as they come.
 */
public final class MuseSubmission implements AutoCloseable {

    private final SequenceWriter rows;

    /**
     * @param out where the CSV goes (closed with this writer)
     * @throws IOException when writing fails
     */
    public MuseSubmission(Writer out) throws IOException {
        rows = new CsvMapper().writerFor(String[].class).with(CsvSchema.emptySchema()).writeValues(out);
        rows.write(new String[] {"id", "segment_id", "prediction_arousal", "prediction_valence"});
    }

    /**
     * @param file a predicted clip's file
     * @param arousal predicted arousal class (blank when the model has no arousal head)
     * @param valence predicted valence class (blank when the model has no valence head)
     * @throws IOException when writing fails
     */
    public void add(Path file, String arousal, String valence) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        String id = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        rows.write(new String[] {id, ClipIds.stem(file), arousal, valence});
        rows.flush();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
