package org.aaec.testutil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aaec.data.DataSource;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestCsv;
import org.aaec.data.ManifestEntry;
import org.aaec.data.Split;

/** A few real RAVDESS clips of actors 03, 08 and 09 (one per split), as a manifest. */
public final class TinyRavdess {

    private TinyRavdess() {
    }

    /**
     * @param csv where to write the manifest
     * @param perSplit clips per split
     * @return the manifest file
     * @throws IOException when the corpus cannot be read
     */
    public static Path write(Path csv, int perSplit) throws IOException {
        Manifest all = DataSource.folder(Shared.corpus("ravdess").toString()).read();
        String[] actors = {"ravdess_actor_03", "ravdess_actor_08", "ravdess_actor_09"};
        List<ManifestEntry> picked = new ArrayList<>();
        for (int s = 0; s < actors.length; s++) {
            String actor = actors[s];
            List<ManifestEntry> own = all.entries().stream().filter(e -> e.speaker().equals(actor))
                    .sorted(java.util.Comparator.comparing(ManifestEntry::id)).toList();
            int step = own.size() / perSplit;
            for (int i = 0; i < perSplit; i++) {
                picked.add(own.get(i * step).withSplit(Split.values()[s]));
            }
        }
        ManifestCsv.write(new Manifest(all.labelColumns(), picked), csv);
        return csv;
    }
}
