package org.aaec.testutil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aaec.data.CorpusKind;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestCsv;
import org.aaec.data.ManifestEntry;
import org.aaec.data.Split;

/** A few real EmoDB clips with speaker-disjoint splits, as a manifest: small enough for unit tests. */
public final class TinyCorpus {

    private TinyCorpus() {
    }

    /**
     * Writes a manifest of {@code perSplit} clips of each of three EmoDB speakers (one per split),
     * spread over the emotions.
     *
     * @param dir where to write {@code manifest.csv}
     * @param perSplit clips per split
     * @return the manifest file
     * @throws IOException when the corpus cannot be read
     */
    public static Path emodb(Path dir, int perSplit) throws IOException {
        Path root = Shared.corpus("emodb");
        Manifest all = CorpusKind.EMODB.reader(null, "emotion", null, null, root).read(root);
        List<String> speakers = all.entries().stream().map(ManifestEntry::speaker).distinct().sorted().toList();
        Split[] splits = Split.values();
        List<ManifestEntry> picked = new ArrayList<>();
        for (int s = 0; s < splits.length; s++) {
            String speaker = speakers.get(s);
            List<ManifestEntry> own = all.entries().stream().filter(e -> e.speaker().equals(speaker))
                    .sorted(java.util.Comparator.comparing(ManifestEntry::id)).toList();
            int step = Math.max(1, own.size() / perSplit);
            for (int i = 0; i < perSplit; i++) {
                picked.add(own.get(i * step).withSplit(splits[s]));
            }
        }
        Path csv = dir.resolve("manifest.csv");
        ManifestCsv.write(new Manifest(all.labelColumns(), picked), csv);
        return csv;
    }
}
