package org.aaec.features;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Consumer;
import org.aaec.audio.AudioClip;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.data.Manifest;
import org.aaec.data.ManifestCsv;
import org.aaec.data.ManifestEntry;
import org.aaec.data.Split;

/**
 * Extracts a whole corpus into a {@link FeatureStore} on all cores: decode, resample, cut/pad,
 * power spectrogram, write. Clips already in the store are skipped (a killed run resumes), a bad
 * file is recorded in the store's errors.csv and never stops the run, and at the end the training
 * split's normalisation statistics and the index are written.
 */
public final class FeatureExtractor {

    private final FeatureConfig config;
    private final int threads;

    /**
     * @param config feature settings
     * @param threads worker threads, at least 1
     */
    public FeatureExtractor(FeatureConfig config, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.config = config;
        this.threads = threads;
    }

    /**
     * @param manifest clips with splits (statistics come from the TRAIN clips)
     * @param store an open store with the same settings
     * @param onClip called once per clip (extracted, skipped or failed), e.g. to move a progress bar
     * @return what was done
     * @throws IOException when the store itself cannot be written
     */
    public ExtractionSummary run(Manifest manifest, FeatureStore store, Consumer<String> onClip) throws IOException {
        if (!store.config().fingerprint().equals(config.fingerprint())) {
            throw new FeatureStoreException(store.dir(), "store settings differ from the extractor's");
        }
        long start = System.nanoTime();
        ManifestCsv.write(manifest, store.dir().resolve("manifest.csv"));
        Map<String, ClipRecord> finished = store.finished();
        List<ManifestEntry> todo = manifest.entries().stream().filter(e -> !finished.containsKey(e.id())).toList();
        int skipped = manifest.size() - todo.size();
        manifest.entries().stream().filter(e -> finished.containsKey(e.id())).forEach(e -> onClip.accept(e.id()));

        List<ClipError> errors = Collections.synchronizedList(new ArrayList<>());
        DoubleAdder audioSeconds = new DoubleAdder();
        AudioLoader loader = new AudioLoader(config.sampleRate());
        ThreadLocal<PowerSpectrogram> stft = ThreadLocal.withInitial(() -> new PowerSpectrogram(config));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "aaec-features");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (ManifestEntry e : todo) {
                futures.add(pool.submit(() -> {
                    try {
                        AudioClip clip = e.isSegment() ? loader.load(e.path(), e.start(), e.end()) : loader.load(e.path());
                        Spectrogram power = stft.get().compute(clip.fitTo(config.maxSeconds()).samples());
                        store.put(e.id(), power, clip.samples().length);
                        audioSeconds.add(clip.durationSeconds());
                    } catch (AudioInputException ex) {
                        errors.add(new ClipError(e.id(), e.path().toString(), ex.problem().name(), ex.getMessage()));
                    } catch (IOException | RuntimeException ex) {
                        errors.add(new ClipError(e.id(), e.path().toString(), "ERROR",
                                e.path() + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage()));
                    } finally {
                        onClip.accept(e.id());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("feature extraction interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("feature extraction failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            store.closeJournal();
        }

        Map<String, ClipRecord> stored = store.finished();
        Normalization normalization = measureNormalization(manifest, store, stored);
        if (normalization != null) {
            store.writeNormalization(normalization);
        }
        store.writeIndex(index(manifest, stored));
        List<ClipError> sortedErrors = new ArrayList<>(errors);
        sortedErrors.sort(java.util.Comparator.comparing(ClipError::id));
        store.writeErrors(sortedErrors);
        double wall = (System.nanoTime() - start) / 1e9;
        return new ExtractionSummary(todo.size() - errors.size(), skipped, errors.size(), audioSeconds.sum(), wall,
                sortedErrors, normalization);
    }

    private Normalization measureNormalization(Manifest manifest, FeatureStore store, Map<String, ClipRecord> stored)
            throws IOException {
        Normalization.Accumulator acc = new Normalization.Accumulator(config.bins(), Normalization.DEFAULT_FLOOR);
        int used = 0;
        for (ManifestEntry e : manifest.entries(Split.TRAIN)) {
            ClipRecord r = stored.get(e.id());
            if (r != null) {
                acc.add(store.get(e.id()), Normalization.validFrames(r.samples(), config));
                used++;
            }
        }
        return used == 0 ? null : acc.result();
    }

    private StoreIndex index(Manifest manifest, Map<String, ClipRecord> stored) {
        List<StoreIndex.Entry> entries = new ArrayList<>();
        double seconds = 0;
        for (ManifestEntry e : manifest.entries()) {
            ClipRecord r = stored.get(e.id());
            if (r == null) {
                continue;
            }
            seconds += r.samples() / (double) config.sampleRate();
            entries.add(new StoreIndex.Entry(e.id(), "clips/" + e.id() + ".npy", e.path().toString(), e.speaker(),
                    e.split() == null ? "" : e.split().label(), e.labels(), r.samples(), r.frames(), r.bins()));
        }
        return new StoreIndex(FeatureStore.FORMAT, FeatureStore.VERSION, config, config.fingerprint(),
                manifest.labelColumns(), seconds, entries);
    }
}
