package org.aaec.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aaec.io.AtomicFiles;
import org.aaec.io.FolderLock;

/**
 * A cache of extracted features that training reads without decoding audio again. It holds facts
 * about clips' audio only, nothing of the runs that use it (no split, no labels, no normalisation
 * statistics: runs compute those from their own training clips), so any number of runs, seeds and
 * manifests can share one store.
 *
 * <pre>
 * store.json          format, feature settings and their fingerprint (written first)
 * clips/&lt;id&gt;.npy     raw power spectrogram, float32, T x F (np.load-able)
 * journal.jsonl       one line per finished clip, with the audio it came from (makes extraction resumable)
 * index.json          settings + one entry per stored clip (rewritten after every extraction)
 * errors.csv          clips whose audio could not be read when last tried, with the reason
 * .aaec.lock          held by the process extracting into the store; others wait for it
 * </pre>
 *
 * A store holds features of one setting only: opening it with other settings fails. Writers take
 * the store's {@link FolderLock} ({@link #lock}); readers need none, since every feature file is
 * written atomically and the journal line follows it.
 */
public final class FeatureStore {

    /** The value of {@code format} in store.json and index.json. */
    public static final String FORMAT = "aaec-feature-store";
    /** Current format version. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectMapper JSON_LINE = new ObjectMapper();

    private final Path dir;
    private final FeatureConfig config;
    private BufferedWriter journal;

    private record Header(String format, int version, FeatureConfig features, String fingerprint) {
    }

    private FeatureStore(Path dir, FeatureConfig config) {
        this.dir = dir;
        this.config = config;
    }

    /**
     * Opens a store for writing, creating it if needed.
     *
     * @param dir store folder
     * @param config the settings features will be made with
     * @return the store
     * @throws FeatureStoreException when the folder holds features made with other settings
     */
    public static FeatureStore createOrOpen(Path dir, FeatureConfig config) throws IOException {
        Path header = dir.resolve("store.json");
        if (Files.exists(header)) {
            Header h = readHeader(dir);
            if (!config.fingerprint().equals(h.fingerprint())) {
                throw new FeatureStoreException(dir, "holds features made with other settings ("
                        + h.features() + ", fingerprint " + h.fingerprint() + "); asked for " + config
                        + " (fingerprint " + config.fingerprint() + "). Use another --out folder.");
            }
        } else {
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    // what another process creating the same store at this moment may already have made
                    if (s.anyMatch(f -> !isStoreScaffolding(f.getFileName().toString()))) {
                        if (Files.exists(header)) {
                            return createOrOpen(dir, config); // made by another process since we looked
                        }
                        throw new FeatureStoreException(dir, "exists and is not a feature store (no store.json);"
                                + " choose an empty or new folder");
                    }
                }
            } else if (Files.exists(dir)) {
                throw new FeatureStoreException(dir, "is a file, not a folder");
            }
            Files.createDirectories(dir.resolve("clips"));
            writeJsonAtomically(header, new Header(FORMAT, VERSION, config, config.fingerprint()));
            // another process may have written its header at the same moment: the last rename wins, so
            // read back which settings the store now has
            Header h = readHeader(dir);
            if (!config.fingerprint().equals(h.fingerprint())) {
                throw new FeatureStoreException(dir, "was created at the same time with other settings ("
                        + h.features() + "); use another folder");
            }
        }
        Files.createDirectories(dir.resolve("clips"));
        return new FeatureStore(dir, config);
    }

    /**
     * Opens a finished store for reading.
     *
     * @param dir store folder
     * @return the store
     * @throws FeatureStoreException when the folder is not a store
     */
    public static FeatureStore open(Path dir) throws IOException {
        if (!Files.exists(dir.resolve("store.json"))) {
            throw new FeatureStoreException(dir, "is not a feature store (no store.json); run `aaec features` first");
        }
        return new FeatureStore(dir, readHeader(dir).features());
    }

    private static Header readHeader(Path dir) throws IOException {
        try {
            Header h = JSON.readValue(dir.resolve("store.json").toFile(), Header.class);
            if (!FORMAT.equals(h.format())) {
                throw new FeatureStoreException(dir, "store.json has format '" + h.format() + "', not " + FORMAT);
            }
            return h;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new FeatureStoreException(dir, "store.json is unreadable: " + e.getOriginalMessage());
        }
    }

    private static boolean isStoreScaffolding(String name) {
        return name.equals("clips") || name.equals(FolderLock.FILE_NAME) || name.endsWith(".tmp");
    }

    /**
     * Takes the store's writer lock, waiting while another process (or thread) extracts into it.
     *
     * @param waiting told once, with the holder, when the store is busy
     * @return the held lock
     * @throws IOException when the lock file cannot be opened
     */
    public FolderLock lock(java.util.function.Consumer<String> waiting) throws IOException {
        return FolderLock.acquire(dir, waiting);
    }

    /** The store folder. */
    public Path dir() {
        return dir;
    }

    /** The settings its features were made with. */
    public FeatureConfig config() {
        return config;
    }

    /** The feature file of a clip. */
    public Path clipFile(String id) {
        String unsafe = org.aaec.data.ClipIds.whyUnsafe(id);
        if (unsafe != null) { // manifests check ids when read; this guards every other way in
            throw new IllegalArgumentException("clip id '" + org.aaec.data.ClipIds.printable(id) + "' " + unsafe);
        }
        return dir.resolve("clips").resolve(id + ".npy");
    }

    /**
     * The finished clips by id, read from the journal (a line cut short by a kill is ignored, and
     * a clip whose feature file is gone does not count).
     *
     * @return id to record
     * @throws IOException when the journal cannot be read
     */
    public Map<String, ClipRecord> finished() throws IOException {
        Map<String, ClipRecord> done = new LinkedHashMap<>();
        Path file = dir.resolve("journal.jsonl");
        if (!Files.exists(file)) {
            return done;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                ClipRecord r = JSON_LINE.readValue(line, ClipRecord.class);
                if (Files.exists(clipFile(r.id()))) {
                    done.put(r.id(), r);
                }
            } catch (IOException e) {
                // a partial last line from a killed run: that clip is simply redone
            }
        }
        return done;
    }

    /**
     * Stores one clip: the feature file atomically, then its journal line.
     *
     * @param id clip id
     * @param power raw power spectrogram
     * @param decodedSamples samples before cutting or padding
     * @param audio {@link ClipRecord#audioKey} of the audio it was made from
     * @throws IOException when writing fails
     */
    public void put(String id, Spectrogram power, int decodedSamples, String audio) throws IOException {
        NpyFile.writeFloat32(clipFile(id), power.data(), power.frames(), power.bins());
        String line = JSON_LINE.writeValueAsString(new ClipRecord(id, decodedSamples, power.frames(), power.bins(),
                audio));
        synchronized (this) {
            if (journal == null) {
                Path file = dir.resolve("journal.jsonl");
                boolean cutShort = Files.exists(file) && !endsWithNewline(file);
                journal = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                if (cutShort) {
                    journal.newLine(); // end the partial line a killed run left, so the next line stands alone
                }
            }
            journal.write(line);
            journal.newLine();
            journal.flush();
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() == 0) {
                return true;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            ch.read(last, ch.size() - 1);
            return last.get(0) == '\n';
        }
    }

    /**
     * Reads a clip's raw power spectrogram.
     *
     * @param id clip id
     * @return T x F power
     * @throws IOException naming the file when it is missing or damaged
     */
    public Spectrogram get(String id) throws IOException {
        Path f = clipFile(id);
        if (!Files.exists(f)) {
            throw new FeatureStoreException(dir, "no features for clip '" + id + "' (" + f + ")");
        }
        return NpyFile.read(f).asSpectrogram();
    }

    /** Closes the journal. */
    public synchronized void closeJournal() throws IOException {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    /** Writes index.json atomically. */
    public void writeIndex(StoreIndex index) throws IOException {
        writeJsonAtomically(dir.resolve("index.json"), index);
    }

    /**
     * @return the index of a finished store
     * @throws FeatureStoreException when extraction never finished
     */
    public StoreIndex index() throws IOException {
        return readJson("index.json", StoreIndex.class,
                "has no index.json: extraction did not finish; run `aaec features` again");
    }

    private <T> T readJson(String name, Class<T> type, String whenMissing) throws IOException {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            throw new FeatureStoreException(dir, whenMissing);
        }
        return JSON.readValue(f.toFile(), type);
    }

    private static final CsvSchema ERRORS = new CsvMapper().schemaFor(ClipError.class).withHeader()
            .sortedBy("id", "file", "problem", "message");

    /**
     * The clips that failed when last tried.
     *
     * @return id to error, in id order
     * @throws IOException when errors.csv cannot be read
     */
    public Map<String, ClipError> errors() throws IOException {
        Map<String, ClipError> out = new java.util.TreeMap<>();
        Path f = dir.resolve("errors.csv");
        if (Files.exists(f)) {
            try (com.fasterxml.jackson.databind.MappingIterator<ClipError> it = new CsvMapper()
                    .readerFor(ClipError.class).with(ERRORS).readValues(f.toFile())) {
                it.forEachRemaining(e -> out.put(e.id(), e));
            }
        }
        return out;
    }

    /**
     * Rewrites errors.csv: the clips that failed now, plus those that failed before and were not
     * tried again; clips that are now stored are dropped from it.
     *
     * @param failedNow clips that failed in this extraction
     * @param stored ids of the clips the store holds now ({@link #finished()})
     * @throws IOException when writing fails
     */
    public void updateErrors(List<ClipError> failedNow, java.util.Set<String> stored) throws IOException {
        Map<String, ClipError> all = errors();
        all.keySet().removeAll(stored);
        failedNow.forEach(e -> all.put(e.id(), e));
        AtomicFiles.write(dir.resolve("errors.csv"),
                os -> new CsvMapper().writer(ERRORS).writeValue(os, List.copyOf(all.values())));
    }

    private static void writeJsonAtomically(Path file, Object value) throws IOException {
        AtomicFiles.write(file, os -> JSON.writeValue(os, value));
    }
}
