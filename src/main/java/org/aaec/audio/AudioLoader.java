package org.aaec.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Locale;

/**
 * The front door of the audio package: checks the path (a regular file, or a symbolic link to one),
 * picks the decoder by the file's content (not its name), checks the samples, mixes to mono and
 * resamples to the target rate.
 *
 * <p>Memory is bounded by what the caller asks for, never by the file: {@link #loadStart} decodes
 * only the first seconds (a two-hour MP3 costs what its first four seconds cost),
 * {@link #excerpt} walks the whole file keeping only its start, and {@link #load(Path)} refuses
 * files longer than {@link #MAX_WHOLE_SECONDS}. Whatever the cut, the samples kept are exactly the
 * ones resampling the whole file would give (see {@link Resampler#inputMargin}).
 */
public final class AudioLoader {

    /** The sample rate every feature is computed at (SPEC.md "Input features"). */
    public static final int DEFAULT_SAMPLE_RATE = 16_000;
    /** Sample rates outside this range are refused: no recorder makes them, and they are how malformed headers look. */
    public static final int MIN_FILE_RATE = 1_000;
    /** The highest sample rate read (FFmpeg's own limit for PCM). */
    public static final int MAX_FILE_RATE = 768_000;
    /** Audio shorter than this (100 ms, less than a syllable) is refused rather than given a confident answer. */
    public static final double MIN_SECONDS = 0.1;
    /** The longest file {@link #load(Path)} reads whole (30 minutes); longer ones are read in parts. */
    public static final double MAX_WHOLE_SECONDS = 30 * 60;
    /**
     * Samples beyond ±1000 (60 dB above full scale) are not a recording but garbage, as are NaN and
     * infinities; float files may legitimately go somewhat beyond ±1.
     */
    public static final float MAX_ABS_SAMPLE = 1000f;

    private final int targetRate;
    private final AudioDecoder wav = new WavDecoder();
    private final AudioDecoder ffmpeg = new FfmpegDecoder();

    /**
     * The start of a file and the length of all of it.
     *
     * @param start the first seconds asked for, at the target rate
     * @param totalSamples the whole file's length at the target rate
     */
    public record Excerpt(AudioClip start, long totalSamples) {
    }

    /** A loader that produces 16 kHz mono. */
    public AudioLoader() {
        this(DEFAULT_SAMPLE_RATE);
    }

    /**
     * @param targetRate output sample rate in Hz
     */
    public AudioLoader(int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("target rate must be positive: " + targetRate);
        }
        this.targetRate = targetRate;
    }

    /** The output sample rate. */
    public int targetRate() {
        return targetRate;
    }

    /**
     * Loads a whole file of at most {@link #MAX_WHOLE_SECONDS}.
     *
     * @param file any audio or video file
     * @return mono samples at {@link #targetRate()}
     * @throws AudioInputException naming the file and the problem, including a file that is too long
     */
    public AudioClip load(Path file) throws AudioInputException {
        return read(file, Double.POSITIVE_INFINITY, false).start();
    }

    /**
     * Loads the first seconds of a file and reads no further: what a model with a fixed input
     * length needs.
     *
     * @param file any audio or video file
     * @param seconds how much to keep
     * @return at most {@code round(seconds · targetRate)} samples, equal to the start of the whole file's
     * @throws AudioInputException naming the file and the problem
     */
    public AudioClip loadStart(Path file, double seconds) throws AudioInputException {
        return read(file, seconds, false).start();
    }

    /**
     * Loads the first seconds of a file and reads no further, saying whether the file goes on.
     *
     * @param file any audio or video file
     * @param seconds how much to keep
     * @return the start, with the whole length when the file ended within what was read, or
     *     {@code -1} when it goes on beyond it
     * @throws AudioInputException naming the file and the problem
     */
    public Excerpt startOf(Path file, double seconds) throws AudioInputException {
        return read(file, seconds, false);
    }

    /**
     * Loads the first seconds of a file and measures the whole of it, decoding to the end but
     * keeping only the start (and checking every sample).
     *
     * @param file any audio or video file
     * @param seconds how much to keep
     * @return the start and the whole length
     * @throws AudioInputException naming the file and the problem
     */
    public Excerpt excerpt(Path file, double seconds) throws AudioInputException {
        return read(file, seconds, true);
    }

    /**
     * Loads one segment of a file, reading up to the segment's end.
     *
     * @param file any audio or video file
     * @param startSeconds segment start
     * @param endSeconds segment end
     * @return the segment, mono at {@link #targetRate()}
     * @throws AudioInputException naming the file and the problem, including an empty segment
     */
    public AudioClip load(Path file, double startSeconds, double endSeconds) throws AudioInputException {
        AudioClip upToEnd = loadStart(file, endSeconds);
        if (!(endSeconds > startSeconds) || startSeconds >= upToEnd.durationSeconds()) {
            throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, String.format(Locale.ROOT,
                    "segment %.3f-%.3f s is empty or beyond the %.3f s of audio",
                    startSeconds, endSeconds, upToEnd.durationSeconds()));
        }
        AudioClip segment = upToEnd.segment(startSeconds, endSeconds);
        checkLongEnough(file, segment.samples().length, "the segment holds");
        return segment;
    }

    /**
     * Opens a file for reading block by block at its own rate, after the same checks as the other
     * methods (regular file, known format, sample rate in range); for jobs that walk long files.
     *
     * @param file any audio or video file
     * @return the open source (close it)
     * @throws AudioInputException naming the file and the problem
     */
    public AudioSource open(Path file) throws AudioInputException {
        byte[] head = checkReadable(file);
        AudioSource in = (WavDecoder.looksLikeWav(head) ? wav : ffmpeg).open(file);
        int rate = in.sampleRate();
        if (rate < MIN_FILE_RATE || rate > MAX_FILE_RATE) {
            in.close();
            throw new AudioInputException(file, AudioInputException.Problem.UNSUPPORTED, String.format(Locale.ROOT,
                    "sample rate %d Hz; aaec reads %d to %d Hz", rate, MIN_FILE_RATE, MAX_FILE_RATE));
        }
        return in;
    }

    /**
     * Opens a file for reading block by block at the target rate, resampled as it streams (bit for
     * bit as a whole-file read would be), each block checked for invalid samples and, at the end,
     * the whole for the minimum length ({@value #MIN_SECONDS} s): for jobs that walk a long
     * recording window by window in bounded memory.
     *
     * @param file any audio or video file
     * @return the open source at {@link #targetRate()} (close it)
     * @throws AudioInputException naming the file and the problem
     */
    public AudioSource stream(Path file) throws AudioInputException {
        AudioSource in = open(file);
        AudioSource checked = new AudioSource() {
            private long offset;

            @Override
            public int sampleRate() {
                return in.sampleRate();
            }

            @Override
            public float[] next() throws AudioInputException {
                float[] block = in.next();
                if (block != null) {
                    checkSamples(file, block, offset, in.sampleRate());
                    offset += block.length;
                } else { // the same minimum a whole read has, counted at the target rate
                    checkLongEnough(file, Resampler.outputLength(offset, in.sampleRate(), targetRate), "it holds");
                }
                return block;
            }

            @Override
            public void close() {
                in.close();
            }
        };
        return Resampler.stream(checked, targetRate);
    }

    /**
     * Reads until {@code seconds} at the target rate are covered (all of the file when infinite),
     * and on to the end when {@code drain}, keeping only what is needed.
     */
    private Excerpt read(Path file, double seconds, boolean drain) throws AudioInputException {
        try (AudioSource in = open(file)) {
            int rate = in.sampleRate();
            boolean whole = Double.isInfinite(seconds);
            long wanted = whole ? Long.MAX_VALUE : Math.round(seconds * targetRate);
            long keep = whole ? (long) Math.ceil(MAX_WHOLE_SECONDS * rate) + 1
                    : (long) Math.ceil(wanted * (double) rate / targetRate) + Resampler.inputMargin(rate, targetRate);
            SampleBuffer kept = new SampleBuffer();
            long total = 0;
            float[] block;
            while ((block = in.next()) != null) {
                checkSamples(file, block, total, rate);
                int take = (int) Math.max(0, Math.min(block.length, keep - kept.size()));
                if (whole && take < block.length) {
                    throw new AudioInputException(file, AudioInputException.Problem.TOO_LONG, String.format(Locale.ROOT,
                            "more than %.0f minutes; predict and features read only the start they need",
                            MAX_WHOLE_SECONDS / 60));
                }
                kept.append(block, take);
                total += block.length;
                if (!drain && kept.size() >= keep) {
                    break; // the rest of the file is never decoded
                }
            }
            if (total == 0) {
                throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, "zero-length audio");
            }
            AudioClip resampled = Resampler.resample(new AudioClip(kept.toArray(), rate), targetRate);
            long totalOut = kept.size() == total ? resampled.samples().length
                    : Resampler.outputLength(total, rate, targetRate);
            if (resampled.samples().length > wanted) {
                resampled = new AudioClip(Arrays.copyOf(resampled.samples(), (int) wanted), targetRate);
            }
            boolean readToEnd = drain || kept.size() == total && kept.size() < keep;
            checkLongEnough(file, readToEnd ? totalOut : resampled.samples().length, "it holds");
            return new Excerpt(resampled, readToEnd ? totalOut : -1);
        }
    }

    private void checkLongEnough(Path file, long samples, String what) throws AudioInputException {
        if (samples < Math.round(MIN_SECONDS * targetRate)) {
            throw new AudioInputException(file, AudioInputException.Problem.TOO_SHORT, String.format(Locale.ROOT,
                    "%s %s s of audio; at least %s s are needed", what, seconds(samples / (double) targetRate),
                    seconds(MIN_SECONDS)));
        }
    }

    /**
     * Seconds as people read them in a message: four significant digits, no trailing zeros
     * ({@code 4}, {@code 0.1}, {@code 0.0000625}).
     *
     * @param s seconds
     * @return the number as text
     */
    public static String seconds(double s) {
        return new java.math.BigDecimal(s).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** NaN, infinite or absurd samples are an error naming the file and the first bad sample's time. */
    private static void checkSamples(Path file, float[] block, long offset, int rate) throws AudioInputException {
        for (int i = 0; i < block.length; i++) {
            float v = block[i];
            if (!(Math.abs(v) <= MAX_ABS_SAMPLE)) { // also true for NaN
                throw new AudioInputException(file, AudioInputException.Problem.INVALID_SAMPLES, String.format(
                        Locale.ROOT, "sample %d (at %.3f s) is %s", offset + i, (offset + i) / (double) rate,
                        Float.isNaN(v) ? "NaN" : Float.isInfinite(v) ? "infinite" : v + ", beyond ±" + MAX_ABS_SAMPLE));
            }
        }
    }

    /**
     * A path that exists and is a regular file (after following symbolic links), with its first
     * bytes. Anything else is refused before it is opened for reading: opening a FIFO blocks until
     * a writer comes, which may be never.
     */
    private static byte[] checkReadable(Path file) throws AudioInputException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new AudioInputException(file, AudioInputException.Problem.MISSING,
                    Files.isSymbolicLink(file) ? "a symbolic link to nothing" : null);
        } catch (IOException e) {
            throw new AudioInputException(file, AudioInputException.Problem.UNREADABLE, e.getMessage(), e);
        }
        if (attributes.isDirectory()) {
            throw new AudioInputException(file, AudioInputException.Problem.DIRECTORY, null);
        }
        if (!attributes.isRegularFile()) {
            throw new AudioInputException(file, AudioInputException.Problem.NOT_REGULAR,
                    "a FIFO, device or socket; not opened");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            if (head.length == 0) {
                throw new AudioInputException(file, AudioInputException.Problem.EMPTY_FILE, null);
            }
            return head;
        } catch (AudioInputException e) {
            throw e;
        } catch (IOException e) {
            throw new AudioInputException(file, AudioInputException.Problem.UNREADABLE, e.getMessage(), e);
        }
    }
}
