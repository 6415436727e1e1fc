package org.aaec.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes manifests as CSV with a header row.
 *
 * <p>Columns: {@code path} (required; relative paths are resolved against the manifest's folder),
 * optional {@code id}, {@code speaker}, {@code split} (train / validation / test, also devel),
 * {@code start} and {@code end} (seconds, for segments of a longer file). Every other column is a
 * label column, e.g. {@code emotion}, {@code arousal}, {@code valence}.
 */
public final class ManifestCsv {

    /** Column names with a fixed meaning; all others are labels. */
    public static final Set<String> RESERVED = Set.of("id", "path", "speaker", "split", "start", "end");

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private ManifestCsv() {
    }

    /**
     * @param csv a manifest file
     * @return its clips
     * @throws ManifestException naming the file and line of the first problem
     */
    public static Manifest read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new ManifestException(csv, 0, Files.isDirectory(csv) ? "is a directory, not a manifest CSV"
                    : "manifest file does not exist");
        }
        Path base = csv.toAbsolutePath().getParent();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<String> columns;
        List<ManifestEntry> entries = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerFor(Map.class).with(schema).readValues(csv.toFile())) {
            if (!it.hasNext()) {
                throw new ManifestException(csv, 1, "manifest has no rows");
            }
            columns = ((CsvSchema) it.getParserSchema()).getColumnNames();
            if (!columns.contains("path")) {
                throw new ManifestException(csv, 1, "no 'path' column; header is " + columns);
            }
            List<String> labelColumns = columns.stream().filter(c -> !RESERVED.contains(c)).toList();
            List<Path> paths = new ArrayList<>();
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNext()) {
                long line = rows.size() + 2; // the header is line 1
                Map<String, String> row;
                try {
                    row = it.next();
                } catch (RuntimeException e) {
                    throw new ManifestException(csv, line, "unreadable row: " + e.getMessage());
                }
                String p = row.getOrDefault("path", "");
                if (p == null || p.isBlank()) {
                    throw new ManifestException(csv, line, "empty path");
                }
                paths.add(base.resolve(p).normalize());
                rows.add(row);
            }
            Map<Path, String> derived = ClipIds.assign(paths, base);
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                long line = i + 2; // same numbering as above: the header is line 1
                Map<String, String> labels = new LinkedHashMap<>();
                for (String c : labelColumns) {
                    labels.put(c, row.getOrDefault(c, ""));
                }
                String id = blankToNull(row.get("id"));
                try {
                    String split = blankToNull(row.get("split"));
                    entries.add(new ManifestEntry(id != null ? id : derived.get(paths.get(i)), paths.get(i),
                            row.getOrDefault("speaker", ""), labels, split == null ? null : Split.parse(split),
                            seconds(row.get("start")), seconds(row.get("end"))));
                } catch (IllegalArgumentException e) {
                    throw new ManifestException(csv, line, e.getMessage());
                }
            }
            try {
                return new Manifest(labelColumns, entries);
            } catch (IllegalArgumentException e) {
                throw new ManifestException(csv, 0, e.getMessage());
            }
        } catch (ManifestException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ManifestException(csv, 0, "not a readable CSV manifest: " + e.getMessage());
        }
    }

    /**
     * Writes a manifest atomically; paths are written relative to the manifest's folder when below it.
     *
     * @param manifest the clips
     * @param csv target file
     * @throws IOException when writing fails
     */
    public static void write(Manifest manifest, Path csv) throws IOException {
        Path base = csv.toAbsolutePath().getParent();
        Files.createDirectories(base);
        boolean segments = manifest.entries().stream().anyMatch(ManifestEntry::isSegment);
        CsvSchema.Builder b = CsvSchema.builder().addColumn("id").addColumn("path").addColumn("speaker")
                .addColumn("split");
        if (segments) {
            b.addColumn("start").addColumn("end");
        }
        manifest.labelColumns().forEach(b::addColumn);
        CsvSchema schema = b.build().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        for (ManifestEntry e : manifest.entries()) {
            Map<String, String> row = new LinkedHashMap<>();
            Path p = e.path().toAbsolutePath().normalize();
            row.put("id", e.id());
            row.put("path", (p.startsWith(base) ? base.relativize(p) : p).toString());
            row.put("speaker", e.speaker());
            row.put("split", e.split() == null ? "" : e.split().label());
            if (segments) {
                row.put("start", e.start() == null ? "" : String.format(Locale.ROOT, "%.3f", e.start()));
                row.put("end", e.end() == null ? "" : String.format(Locale.ROOT, "%.3f", e.end()));
            }
            row.putAll(e.labels());
            rows.add(row);
        }
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            MAPPER.writer(schema).writeValues(w).writeAll(rows);
        }
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Double seconds(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number of seconds: '" + s + "'");
        }
    }
}
