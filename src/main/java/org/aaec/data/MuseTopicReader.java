package org.aaec.data;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MuSe-Topic (MuSe-CaR, MuSe 2020) labels: {@code label_segments/aggregated/{train,devel,test}.csv}
 * with columns {@code id, segment_id, label_arousal, label_valence, label_topic}. The corpus's own
 * split is kept (devel becomes validation); test rows may have empty labels.
 *
 * <p>Each segment's audio is looked up under the audio folder as {@code <id>/<segment_id>.*},
 * {@code <id>/<id>_<segment_id>.*} or {@code <id>_<segment_id>.*}; failing those, the whole video
 * {@code <id>.*} is used with times from an optional segment table (columns {@code id,
 * segment_id, start, end} in milliseconds). A segment whose audio cannot be found keeps a path that
 * does not exist, so the feature extractor reports it as a failed file instead of stopping.
 */
public final class MuseTopicReader implements CorpusReader {

    private static final String[] PARTITIONS = {"train", "devel", "test"};
    private static final List<String> LABELS = List.of("arousal", "valence", "topic");

    private final Path audioDir;
    private final Path segmentTimes;

    /**
     * @param audioDir folder holding the audio or videos
     * @param segmentTimes segment table in milliseconds, or null
     */
    public MuseTopicReader(Path audioDir, Path segmentTimes) {
        this.audioDir = audioDir;
        this.segmentTimes = segmentTimes;
    }

    @Override
    public Manifest read(Path root) throws IOException {
        Path labels = root.resolve("label_segments").resolve("aggregated");
        if (!Files.isDirectory(labels)) {
            throw new ManifestException(root, 0, "no label_segments/aggregated folder (is this MuSe-Topic?)");
        }
        Map<String, double[]> times = segmentTimes == null ? Map.of() : readTimes(segmentTimes);
        Map<String, Path> byStem = indexAudio();
        List<ManifestEntry> entries = new ArrayList<>();
        for (String partition : PARTITIONS) {
            Path csv = labels.resolve(partition + ".csv");
            if (!Files.exists(csv)) {
                continue;
            }
            for (Map<String, String> row : rows(csv, List.of("id", "segment_id"))) {
                String id = row.get("id");
                String seg = row.get("segment_id");
                Map<String, String> l = new LinkedHashMap<>();
                for (String label : LABELS) {
                    l.put(label, row.getOrDefault("label_" + label, ""));
                }
                String clipId = id + "_" + seg;
                Path segmentFile = first(byStem, id + "/" + seg, id + "/" + id + "_" + seg, id + "_" + seg);
                Double start = null;
                Double end = null;
                Path path = segmentFile;
                if (path == null) {
                    double[] t = times.get(id + "/" + seg);
                    Path whole = byStem.get(id);
                    if (t != null && whole != null) {
                        path = whole;
                        start = t[0];
                        end = t[1];
                    } else {
                        path = audioDir.resolve(id).resolve(seg + ".wav"); // missing: reported by the extractor
                    }
                }
                entries.add(new ManifestEntry(clipId, path, "video_" + id, l, Split.parse(partition), start, end));
            }
        }
        if (entries.isEmpty()) {
            throw new ManifestException(labels, 0, "no train.csv, devel.csv or test.csv with rows");
        }
        return new Manifest(LABELS, entries);
    }

    private Map<String, Path> indexAudio() throws IOException {
        Map<String, Path> byStem = new HashMap<>();
        if (Files.isDirectory(audioDir)) {
            for (Path f : AudioFiles.list(audioDir)) {
                Path rel = audioDir.relativize(f);
                String key = (rel.getParent() == null ? "" : rel.getParent().toString().replace('\\', '/') + "/")
                        + ClipIds.stem(f);
                byStem.putIfAbsent(key, f);
            }
        }
        return byStem;
    }

    private static Path first(Map<String, Path> byStem, String... keys) {
        for (String k : keys) {
            Path p = byStem.get(k);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static Map<String, double[]> readTimes(Path csv) throws IOException {
        Map<String, double[]> times = new HashMap<>();
        int line = 1;
        for (Map<String, String> row : rows(csv, List.of("id", "segment_id", "start", "end"))) {
            line++;
            try {
                times.put(row.get("id") + "/" + row.get("segment_id"), new double[] {
                    Double.parseDouble(row.get("start")) / 1000.0, Double.parseDouble(row.get("end")) / 1000.0});
            } catch (NumberFormatException e) {
                throw new ManifestException(csv, line, "start/end must be milliseconds: " + e.getMessage());
            }
        }
        return times;
    }

    private static List<Map<String, String>> rows(Path csv, List<String> required) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES);
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            List<Map<String, String>> out = new ArrayList<>(it.readAll());
            if (!out.isEmpty()) {
                for (String r : required) {
                    if (!out.get(0).containsKey(r)) {
                        throw new ManifestException(csv, 1, "missing column '" + r + "'");
                    }
                }
            }
            return out;
        } catch (ManifestException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ManifestException(csv, 0, "not a readable CSV: " + e.getMessage());
        }
    }
}
