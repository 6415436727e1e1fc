package org.aaec.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.aaec.data.CorpusSource;
import org.aaec.data.Manifest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where the clips come from (a manifest or a corpus folder) and how splits are assigned. */
final class CorpusOptions {

    static final class Source {
        @Option(names = "--manifest", paramLabel = "CSV", required = true,
                description = "Manifest CSV (path, speaker, label columns, optional split).")
        Path manifest;

        @Option(names = "--input", paramLabel = "DIR", required = true,
                description = "A corpus folder; its layout is given by --corpus.")
        Path input;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--corpus", paramLabel = "KIND", defaultValue = "auto",
            description = "Layout of --input: auto, ravdess, emodb, folder-per-class, plain, muse-topic "
                    + "(default: ${DEFAULT-VALUE}; auto recognises RAVDESS and EmoDB names and MuSe label folders).")
    String corpus;

    @Option(names = "--label-map", paramLabel = "CSV",
            description = "Table mapping emotion to arousal/valence, replacing the corpus's built-in one.")
    Path labelMap;

    @Option(names = "--label-name", defaultValue = "emotion",
            description = "Label column named by the folders of a folder-per-class corpus (default: ${DEFAULT-VALUE}).")
    String labelName;

    @Option(names = "--audio-dir", paramLabel = "DIR", description = "MuSe-Topic: folder with the audio (default: INPUT/audio).")
    Path audioDir;

    @Option(names = "--segments", paramLabel = "CSV",
            description = "MuSe-Topic: segment table id,segment_id,start,end in milliseconds.")
    Path segments;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the speaker split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--validation-share", defaultValue = "0.15",
            description = "Share of speakers for validation when the split is assigned (default: ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(names = "--test-share", defaultValue = "0.15",
            description = "Share of speakers for test when the split is assigned (default: ${DEFAULT-VALUE}).")
    double testShare;

    @Option(names = "--folds", paramLabel = "K", description = "Use fold --fold of a K-fold speaker split instead.")
    Integer folds;

    @Option(names = "--fold", defaultValue = "0", description = "Which fold of --folds (0-based, default: ${DEFAULT-VALUE}).")
    int fold;

    @Option(names = "--resplit", description = "Assign new splits even when the manifest has them.")
    boolean resplit;

    /** Reads or builds the manifest and assigns speaker-independent splits where it has none. */
    Manifest load() throws IOException {
        Manifest m = CorpusSource.read(source.manifest, source.input, corpus, labelMap, labelName, audioDir,
                segments);
        return CorpusSource.split(m, validationShare, testShare, folds, fold, seed, resplit);
    }

    /** Prints speakers and clips per split. */
    static void printSplits(java.io.PrintWriter out, Manifest m) {
        for (org.aaec.data.Split split : org.aaec.data.Split.values()) {
            out.printf(java.util.Locale.ROOT, "  %-10s %3d speakers, %5d clips%n", split.label(),
                    m.speakers(split).size(), m.entries(split).size());
        }
    }

    /** Validates option values that picocli cannot. */
    void validate(picocli.CommandLine cl) {
        if (!corpus.equalsIgnoreCase("auto")) {
            try {
                CorpusSource.kind(corpus);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(cl, "--corpus: " + e.getMessage());
            }
        }
    }
}
