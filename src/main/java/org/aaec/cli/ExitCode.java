package org.aaec.cli;

/** The process exit codes of every aaec command. */
public enum ExitCode {
    /** The job finished. */
    OK(0),
    /**
     * The job failed (bad input file, store with other settings, I/O error), or a batch job could
     * not do a single one of its files; one line says why.
     */
    FAILURE(1),
    /** The command line was wrong (unknown option, missing argument). */
    USAGE(2),
    /**
     * A batch job finished but some of its files failed; their error rows (or the store's
     * {@code errors.csv}) say which and why. Every other file's result was written.
     */
    PARTIAL(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /**
     * The code of a batch job that did {@code failed} of {@code total} files wrong.
     *
     * @param total files the job was given
     * @param failed files that failed
     * @return {@link #OK}, {@link #PARTIAL} or, when none succeeded, {@link #FAILURE}
     */
    public static ExitCode ofBatch(int total, int failed) {
        return failed == 0 && total > 0 ? OK : failed >= total ? FAILURE : PARTIAL;
    }

    /** The numeric exit code. */
    public int code() {
        return code;
    }
}
