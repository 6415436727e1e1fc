package org.aaec.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.aaec.data.DataSource;
import org.aaec.data.Manifest;
import org.aaec.data.Split;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where the clips come from (a manifest or a corpus folder) and how splits are assigned: the
 * command-line form of a {@link DataSource}, the same record a config's {@code data:} builds.
 */
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

    @Option(names = "--corpus", paramLabel = "KIND",
            description = "Layout of --input: auto, ravdess, emodb, folder-per-class, plain, muse-topic "
                    + "(default: auto, which recognises RAVDESS and EmoDB names and MuSe label folders).")
    String corpus;

    @Option(names = "--label-map", paramLabel = "CSV",
            description = "Table mapping emotion to arousal/valence, replacing the corpus's built-in one.")
    Path labelMap;

    @Option(names = {"--label-column", "--label-name"}, paramLabel = "NAME",
            description = "Label column named by the folders of a folder-per-class corpus (default: emotion).")
    String labelColumn;

    @Option(names = "--audio-dir", paramLabel = "DIR", description = "MuSe-Topic: folder with the audio (default: INPUT/audio).")
    Path audioDir;

    @Option(names = "--segments", paramLabel = "CSV",
            description = "MuSe-Topic: segment table id,segment_id,start,end in milliseconds.")
    Path segments;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the speaker split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--validation-share", description = "Share of speakers for validation when the split is "
            + "assigned (default: 0.15).")
    Double validationShare;

    @Option(names = "--test-share", description = "Share of speakers for test when the split is assigned "
            + "(default: 0.15).")
    Double testShare;

    @Option(names = "--folds", paramLabel = "K", description = "Use fold --fold of a K-fold speaker split instead.")
    Integer folds;

    @Option(names = "--fold", description = "Which fold of --folds (0-based, default: 0).")
    Integer fold;

    @Option(names = "--resplit", description = "Assign new splits even when the manifest has them.")
    boolean resplit;

    /**
     * The options as a data source; contradictions are usage errors naming the option.
     *
     * @param cl the command, for the usage error
     * @return the source
     */
    DataSource source(CommandLine cl) {
        try {
            return new DataSource(null, str(source.input), str(source.manifest), corpus, str(labelMap), labelColumn,
                    str(audioDir), str(segments), validationShare, testShare, seed, folds, fold, resplit, null);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage().replace("'input'", "--input")
                    .replace("'manifest'", "--manifest").replace("'corpus'", "--corpus")
                    .replace("'validationShare'", "--validation-share").replace("'testShare'", "--test-share")
                    .replace("'folds'", "--folds").replace("'fold'", "--fold"));
        }
    }

    /**
     * Reads the clips and assigns speaker-independent splits where they have none.
     *
     * @param cl the command
     * @return the clips with splits
     * @throws java.io.IOException when reading fails
     */
    Manifest load(CommandLine cl) throws java.io.IOException {
        return source(cl).load(seed);
    }

    /** Prints speakers and clips per split. */
    static void printSplits(java.io.PrintWriter out, Manifest m) {
        for (Split split : Split.values()) {
            out.printf(Locale.ROOT, "  %-10s %3d speakers, %5d clips%n", split.label(), m.speakers(split).size(),
                    m.entries(split).size());
        }
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }
}
