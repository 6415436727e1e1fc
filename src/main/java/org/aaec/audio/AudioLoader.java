package org.aaec.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The front door of the audio package: checks the path, picks the decoder by the file's content
 * (not its name), mixes to mono and resamples to the target rate.
 */
public final class AudioLoader {

    /** The sample rate every feature is computed at (SPEC.md "Input features"). */
    public static final int DEFAULT_SAMPLE_RATE = 16_000;

    private final int targetRate;
    private final AudioDecoder wav = new WavDecoder();
    private final AudioDecoder ffmpeg = new FfmpegDecoder();

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
     * Loads a whole file.
     *
     * @param file any audio or video file
     * @return mono samples at {@link #targetRate()}
     * @throws AudioInputException naming the file and the problem
     */
    public AudioClip load(Path file) throws AudioInputException {
        byte[] head = checkReadable(file);
        AudioDecoder decoder = WavDecoder.looksLikeWav(head) ? wav : ffmpeg;
        AudioClip native_ = decoder.decode(file);
        if (native_.samples().length == 0) {
            throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, "zero-length audio");
        }
        return Resampler.resample(native_, targetRate);
    }

    /**
     * Loads one segment of a file.
     *
     * @param file any audio or video file
     * @param startSeconds segment start
     * @param endSeconds segment end
     * @return the segment, mono at {@link #targetRate()}
     * @throws AudioInputException naming the file and the problem, including an empty segment
     */
    public AudioClip load(Path file, double startSeconds, double endSeconds) throws AudioInputException {
        AudioClip whole = load(file);
        if (!(endSeconds > startSeconds) || startSeconds >= whole.durationSeconds()) {
            throw new AudioInputException(file, AudioInputException.Problem.NO_AUDIO, String.format(
                    "segment %.3f-%.3f s is empty or beyond the %.3f s of audio",
                    startSeconds, endSeconds, whole.durationSeconds()));
        }
        return whole.segment(startSeconds, endSeconds);
    }

    private static byte[] checkReadable(Path file) throws AudioInputException {
        if (!Files.exists(file)) {
            throw new AudioInputException(file, AudioInputException.Problem.MISSING, null);
        }
        if (Files.isDirectory(file)) {
            throw new AudioInputException(file, AudioInputException.Problem.DIRECTORY, null);
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
