package org.aaec.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The clips of a corpus with their speakers, labels and splits, and the names of the label
 * columns (one classification head each, later).
 *
 * @param labelColumns label column names in order
 * @param entries clips; ids are unique
 */
public record Manifest(List<String> labelColumns, List<ManifestEntry> entries) {

    /** Checks that ids are unique and every entry has exactly the label columns. */
    public Manifest {
        labelColumns = List.copyOf(labelColumns);
        entries = List.copyOf(entries);
        Map<String, ManifestEntry> seen = new HashMap<>();
        for (ManifestEntry e : entries) {
            ManifestEntry before = seen.put(e.id(), e);
            if (before != null) {
                throw new IllegalArgumentException("duplicate clip id '" + e.id() + "' for " + before.path()
                        + " and " + e.path() + "; give the manifest an id column");
            }
            if (!e.labels().keySet().equals(new LinkedHashSet<>(labelColumns))) {
                throw new IllegalArgumentException("clip " + e.id() + " has labels " + e.labels().keySet()
                        + " but the manifest's label columns are " + labelColumns);
            }
        }
    }

    /** Number of clips. */
    public int size() {
        return entries.size();
    }

    /** Whether every clip has a split. */
    public boolean hasSplits() {
        return !entries.isEmpty() && entries.stream().allMatch(e -> e.split() != null);
    }

    /** The clips of one split. */
    public List<ManifestEntry> entries(Split split) {
        return entries.stream().filter(e -> e.split() == split).toList();
    }

    /** The distinct speaker groups of one split (or of all clips, for null). */
    public Set<String> speakers(Split split) {
        Set<String> s = new LinkedHashSet<>();
        for (ManifestEntry e : entries) {
            if (split == null || e.split() == split) {
                s.add(e.speakerGroup());
            }
        }
        return s;
    }

    /** The distinct non-blank classes of a label column, sorted. */
    public List<String> classes(String labelColumn) {
        List<String> c = new ArrayList<>(new java.util.TreeSet<>(entries.stream()
                .map(e -> e.labels().get(labelColumn)).filter(v -> v != null && !v.isBlank()).toList()));
        return Collections.unmodifiableList(c);
    }

    /** A manifest with every entry transformed. */
    public Manifest map(UnaryOperator<ManifestEntry> f) {
        return new Manifest(labelColumns, entries.stream().map(f).toList());
    }

    /**
     * Clips of several sources as one manifest. With one source it is returned as it is; with more,
     * every id and speaker is prefixed with its source's name ({@code ravdess:03-01-...}), so that
     * speakers of different corpora never merge (RAVDESS actor 03 is not EmoDB speaker 03) and ids
     * stay unique. Label columns are the union of the sources'; a clip is unlabelled (blank) in a
     * column its source does not have.
     *
     * @param bySource source name to its clips, in order
     * @return the pooled clips, splits kept
     */
    public static Manifest pool(java.util.LinkedHashMap<String, Manifest> bySource) {
        if (bySource.size() == 1) {
            return bySource.values().iterator().next();
        }
        java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
        bySource.values().forEach(m -> columns.addAll(m.labelColumns()));
        List<ManifestEntry> all = new ArrayList<>();
        bySource.forEach((name, m) -> {
            for (ManifestEntry e : m.entries()) {
                Map<String, String> labels = new java.util.LinkedHashMap<>();
                for (String c : columns) {
                    labels.put(c, e.labels().getOrDefault(c, ""));
                }
                all.add(new ManifestEntry(name + ":" + e.id(), e.path(), e.speaker().isBlank() ? ""
                        : name + ":" + e.speaker(), labels, e.split(), e.start(), e.end()));
            }
        });
        return new Manifest(List.copyOf(columns), all);
    }
}
