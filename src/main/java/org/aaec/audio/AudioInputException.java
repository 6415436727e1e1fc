package org.aaec.audio;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An audio file that cannot be used, with the file and the kind of problem, so that a long job
 * can list it in its error report and carry on with the next file.
 */
public class AudioInputException extends IOException {

    /** What is wrong with the file. */
    public enum Problem {
        /** The path does not exist. */
        MISSING("file does not exist"),
        /** The path is a directory. */
        DIRECTORY("is a directory, not an audio file"),
        /** The path is a FIFO, device or socket: refused without opening it, since reading could block forever. */
        NOT_REGULAR("is not a regular file"),
        /** The file cannot be opened for reading. */
        UNREADABLE("cannot be read"),
        /** The file has zero bytes. */
        EMPTY_FILE("file is empty (0 bytes)"),
        /** The file decodes to no samples. */
        NO_AUDIO("contains no audio samples"),
        /** The file is not in any format the decoders know. */
        NOT_AUDIO("is not an audio file in a known format"),
        /** The file has a known format but is truncated or damaged. */
        CORRUPT("is truncated or corrupt"),
        /** The format is known but this variant is not supported. */
        UNSUPPORTED("uses an unsupported encoding"),
        /** Samples that no recording holds: NaN, infinite, or far beyond full scale. */
        INVALID_SAMPLES("holds samples that are not audio"),
        /** Too little audio to judge. */
        TOO_SHORT("is too short"),
        /** More audio than a whole-file read keeps in memory. */
        TOO_LONG("is too long to read whole");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        /** A short human description. */
        public String description() {
            return description;
        }
    }

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final Problem problem;

    /**
     * @param file the file that failed
     * @param problem the kind of problem
     * @param detail what exactly was found, or null
     */
    public AudioInputException(Path file, Problem problem, String detail) {
        this(file, problem, detail, null);
    }

    /**
     * @param file the file that failed
     * @param problem the kind of problem
     * @param detail what exactly was found, or null
     * @param cause the underlying failure, or null
     */
    public AudioInputException(Path file, Problem problem, String detail, Throwable cause) {
        super(file + ": " + problem.description() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"),
                cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that failed. */
    public Path file() {
        return file;
    }

    /** The kind of problem. */
    public Problem problem() {
        return problem;
    }
}
