package org.aaec.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An editable table that derives labels from a categorical one, such as emotion → 3-class arousal
 * and valence on Russell's circumplex. The CSV's first column is the source label, the others are
 * the derived label columns:
 *
 * <pre>
 * emotion,arousal,valence
 * happy,high,positive
 * </pre>
 *
 * Built-in defaults for RAVDESS and EmoDB follow the corpus READMEs.
 */
public final class LabelMap {

    private final String sourceColumn;
    private final List<String> targetColumns;
    private final Map<String, Map<String, String>> rows;
    private final String origin;

    private LabelMap(String sourceColumn, List<String> targetColumns, Map<String, Map<String, String>> rows,
            String origin) {
        this.sourceColumn = sourceColumn;
        this.targetColumns = List.copyOf(targetColumns);
        this.rows = rows;
        this.origin = origin;
    }

    /**
     * @param corpus {@code ravdess} or {@code emodb}
     * @return that corpus's default mapping
     */
    public static LabelMap builtin(String corpus) {
        String resource = corpus + "-labels.csv";
        try (InputStream in = LabelMap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in label map for corpus '" + corpus + "'");
            }
            return parse(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                    Path.of("builtin:" + resource));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in label map " + resource, e);
        }
    }

    /**
     * @param csv a mapping table
     * @return the mapping
     * @throws ManifestException naming the file and line of a problem
     */
    public static LabelMap load(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new ManifestException(csv, 0, "label map file does not exist");
        }
        try (Reader r = Files.newBufferedReader(csv)) {
            return parse(r, csv);
        }
    }

    private static LabelMap parse(Reader reader, Path origin) throws IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvSchema.emptySchema()).readValues(reader)) {
            if (!it.hasNext()) {
                throw new ManifestException(origin, 1, "empty label map");
            }
            List<String> header = it.next().stream().map(String::trim).toList();
            if (header.size() < 2) {
                throw new ManifestException(origin, 1, "need a source column and at least one derived column");
            }
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            int line = 1;
            while (it.hasNext()) {
                line++;
                List<String> cells = it.next();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                if (cells.size() != header.size()) {
                    throw new ManifestException(origin, line,
                            "expected " + header.size() + " cells like the header, got " + cells.size());
                }
                Map<String, String> derived = new LinkedHashMap<>();
                for (int i = 1; i < header.size(); i++) {
                    derived.put(header.get(i), cells.get(i).trim());
                }
                if (rows.put(cells.get(0).trim(), derived) != null) {
                    throw new ManifestException(origin, line, "class '" + cells.get(0).trim() + "' appears twice");
                }
            }
            return new LabelMap(header.get(0), new ArrayList<>(header.subList(1, header.size())), rows,
                    origin.toString());
        }
    }

    /** The column whose classes are mapped, e.g. {@code emotion}. */
    public String sourceColumn() {
        return sourceColumn;
    }

    /** The derived columns, e.g. {@code arousal, valence}. */
    public List<String> targetColumns() {
        return targetColumns;
    }

    /**
     * @param sourceClass a class of the source column
     * @return the derived labels
     * @throws IllegalArgumentException when the class is not in the table
     */
    public Map<String, String> derive(String sourceClass) {
        Map<String, String> d = rows.get(sourceClass);
        if (d == null) {
            throw new IllegalArgumentException("label '" + sourceClass + "' is not in the label map " + origin
                    + " (known: " + rows.keySet() + ")");
        }
        return d;
    }
}
