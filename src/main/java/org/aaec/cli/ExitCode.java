package org.aaec.cli;

/** The process exit codes of every aaec command. */
public enum ExitCode {
    /** The job finished. */
    OK(0),
    /** The job failed (bad input file, store with other settings, I/O error); one line says why. */
    FAILURE(1),
    /** The command line was wrong (unknown option, missing argument). */
    USAGE(2);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The numeric exit code. */
    public int code() {
        return code;
    }
}
