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
import org.aaec.data.ManifestEntry;

/**
 * Extracts clips into a {@link FeatureStore} on all cores: decode, resample, cut/pad, power
 * spectrogram, write. Clips already in the store (made from the same audio) are skipped, so a
 * killed run resumes and runs share work; a bad file is recorded in the store's errors.csv and never
 * stops the run; at the end the store's index is rewritten. The store's lock is held throughout: a
 * second process extracting into the same store waits, then skips what the first one stored.
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
     * @param manifest clips
     * @param store an open store with the same settings
     * @param onClip called once per clip (extracted, skipped or failed), e.g. to move a progress bar
     * @return what was done
     * @throws IOException when the store itself cannot be written
     */
    public ExtractionSummary run(Manifest manifest, FeatureStore store, Consumer<String> onClip) throws IOException {
        return run(manifest, store, onClip, holder -> { });
    }

    /**
     * @param manifest clips
     * @param store an open store with the same settings
     * @param onClip called once per clip (extracted, skipped or failed), e.g. to move a progress bar
     * @param waiting told once, with the holder, when another writer has the store's lock
     * @return what was done
     * @throws IOException when the store itself cannot be written
     */
    public ExtractionSummary run(Manifest manifest, FeatureStore store, Consumer<String> onClip,
            Consumer<String> waiting) throws IOException {
        if (!store.config().fingerprint().equals(config.fingerprint())) {
            throw new FeatureStoreException(store.dir(), "store settings differ from the extractor's");
        }
        try (org.aaec.io.FolderLock lock = store.lock(waiting)) {
            return extract(manifest, store, onClip);
        }
    }

    private ExtractionSummary extract(Manifest manifest, FeatureStore store, Consumer<String> onClip)
            throws IOException {
        long start = System.nanoTime();
        // under the store's lock no other writer is at work: temporary files are a killed run's leftovers
        org.aaec.io.AtomicFiles.removeLeftovers(store.dir());
        org.aaec.io.AtomicFiles.removeLeftovers(store.dir().resolve("clips"));
        Map<String, ClipRecord> finished = store.finished();
        java.util.function.Predicate<ManifestEntry> stored = e -> finished.containsKey(e.id())
                && finished.get(e.id()).madeFrom(ClipRecord.audioKey(e.path(), e.start(), e.end()));
        List<ManifestEntry> todo = manifest.entries().stream().filter(stored.negate()).toList();
        int skipped = manifest.size() - todo.size();
        manifest.entries().stream().filter(stored).forEach(e -> onClip.accept(e.id()));

        List<ClipError> errors = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicReference<IOException> diskFull = new java.util.concurrent.atomic.AtomicReference<>();
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
                    if (diskFull.get() != null) {
                        return; // nothing more can be written; the clips already stored stay
                    }
                    try {
                        // a whole file is walked to its end for its length, keeping only the input's seconds
                        AudioLoader.Excerpt audio = e.isSegment()
                                ? whole(loader.load(e.path(), e.start(), e.end()))
                                : loader.excerpt(e.path(), config.maxSeconds());
                        Spectrogram power = stft.get().compute(audio.start().fitTo(config.maxSeconds()).samples());
                        store.put(e.id(), power, (int) Math.min(Integer.MAX_VALUE, audio.totalSamples()),
                                ClipRecord.audioKey(e.path(), e.start(), e.end()));
                        audioSeconds.add(audio.totalSamples() / (double) config.sampleRate());
                    } catch (AudioInputException ex) {
                        errors.add(new ClipError(e.id(), e.path().toString(), ex.problem().name(), ex.getMessage()));
                    } catch (IOException | RuntimeException | OutOfMemoryError ex) {
                        if (ex instanceof IOException io && isDiskFull(io)) {
                            diskFull.compareAndSet(null, io); // the disk, not the clip: stop, keep what is done
                        } else { // one clip's failure, whatever it is, is that clip's row in errors.csv
                            errors.add(new ClipError(e.id(), e.path().toString(), "ERROR",
                                    e.path() + ": " + ex.getClass().getSimpleName() + ": " + ex.getMessage()));
                        }
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

        if (diskFull.get() != null) {
            throw new IOException(String.format(java.util.Locale.ROOT, "%s: the disk is full (%s); the %d clip(s) "
                    + "stored so far are kept: free some space and run the same command again to go on",
                    store.dir(), diskFull.get().getMessage(), store.finished().size()), diskFull.get());
        }
        Map<String, ClipRecord> now = store.finished(); // read once: the index and errors.csv both follow it
        store.writeIndex(index(now));
        List<ClipError> sortedErrors = new ArrayList<>(errors);
        sortedErrors.sort(java.util.Comparator.comparing(ClipError::id));
        store.updateErrors(sortedErrors, now.keySet());
        double wall = (System.nanoTime() - start) / 1e9;
        return new ExtractionSummary(todo.size() - errors.size(), skipped, errors.size(), audioSeconds.sum(), wall,
                sortedErrors);
    }

    /** ENOSPC or EDQUOT, as the JDK words them (it gives no error code). */
    static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    private static AudioLoader.Excerpt whole(AudioClip segment) {
        return new AudioLoader.Excerpt(segment, segment.samples().length);
    }

    private StoreIndex index(Map<String, ClipRecord> stored) {
        List<StoreIndex.Entry> entries = new ArrayList<>();
        double seconds = 0;
        for (ClipRecord r : stored.values()) {
            seconds += r.samples() / (double) config.sampleRate();
            entries.add(new StoreIndex.Entry(r.id(), "clips/" + r.id() + ".npy", r.audio(), r.samples(), r.frames(),
                    r.bins()));
        }
        return new StoreIndex(FeatureStore.FORMAT, FeatureStore.VERSION, config, config.fingerprint(), seconds,
                entries);
    }
}
