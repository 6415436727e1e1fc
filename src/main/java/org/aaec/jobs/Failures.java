package org.aaec.jobs;

/**
 * Words for an unexpected failure of one file in a batch job, for its error row: the job goes on
 * with the next file, so the row is all the user sees of it.
 */
final class Failures {

    private Failures() {
    }

    /**
     * @param file the file whose work failed
     * @param e what it threw
     * @return one line naming the file: an {@link AudioInputException}'s own message (it names the
     *     file already), otherwise the file and {@link #describe}
     */
    static String of(java.nio.file.Path file, Throwable e) {
        return e instanceof org.aaec.audio.AudioInputException ? e.getMessage() : file + ": " + describe(e);
    }

    /**
     * @param e what one file's work threw
     * @return a one-line description without a stack trace
     */
    static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            // the file's own arrays are garbage now; the next file starts with the memory back
            return "ran out of memory on this file (" + e.getMessage() + "); the other files are unaffected";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
