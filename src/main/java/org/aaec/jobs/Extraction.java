package org.aaec.jobs;

import java.io.IOException;
import java.nio.file.Path;
import org.aaec.data.DataSource;
import org.aaec.data.Manifest;
import org.aaec.features.ClipError;
import org.aaec.features.ExtractionSummary;
import org.aaec.features.FeatureConfig;
import org.aaec.features.FeatureExtractor;
import org.aaec.features.FeatureStore;

/**
 * Features of a source's clips into its feature store (a cache shared by every run that reads the
 * same audio with the same settings): clips already there are reused, bad files are warned about
 * one per line and left out, and a second process extracting into the same store waits for the
 * first. The job behind {@code aaec features} and the first step of every training run.
 */
public final class Extraction {

    /**
     * @param store the store folder
     * @param manifest the clips that were asked for
     * @param summary what was extracted, reused and failed
     */
    public record Result(Path store, Manifest manifest, ExtractionSummary summary) {
    }

    private Extraction() {
    }

    /**
     * The store a source uses: its {@code store} setting, else {@code stores/<name>-<fingerprint>}.
     *
     * @param source the source
     * @param features feature settings
     * @return the folder
     */
    public static Path storeDir(DataSource source, FeatureConfig features) {
        return source.store() != null ? Path.of(source.store())
                : Path.of("stores", source.name() + "-" + features.fingerprint());
    }

    /**
     * @param manifest the clips
     * @param storeDir the store folder (created when new)
     * @param features feature settings
     * @param threads worker threads, at least 1
     * @param task name of the progress stage
     * @param reporter progress and warnings
     * @return what was done
     * @throws IOException when the store cannot be written or holds other settings
     */
    public static Result run(Manifest manifest, Path storeDir, FeatureConfig features, int threads, String task,
            Reporter reporter) throws IOException {
        FeatureStore store = FeatureStore.createOrOpen(storeDir, features);
        ExtractionSummary summary;
        try (Reporter.Stage stage = reporter.stage(task, manifest.size())) {
            summary = new FeatureExtractor(features, threads).run(manifest, store, id -> stage.step(),
                    holder -> reporter.warn("waiting: " + storeDir + " is being written by " + holder));
        }
        for (ClipError e : summary.errors()) {
            reporter.warn("skipped: " + e.message());
        }
        return new Result(storeDir, manifest, summary);
    }
}
