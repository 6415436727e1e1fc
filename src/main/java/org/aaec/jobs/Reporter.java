package org.aaec.jobs;

/**
 * How a job tells its caller what it is doing, without knowing whether a terminal, a server or a
 * test is listening: loops report as {@link Stage}s (a progress bar on a terminal, one line when
 * finished otherwise), and single lines are either information or a warning about one input.
 */
public interface Reporter {

    /** Says nothing. */
    Reporter SILENT = new Reporter() {
        @Override
        public Stage stage(String task, long total) {
            return Stage.NONE;
        }

        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };

    /**
     * Starts a loop over {@code total} items.
     *
     * @param task short name, e.g. {@code features}
     * @param total items the loop will go through
     * @return the stage, to step and close
     */
    Stage stage(String task, long total);

    /**
     * @param line a message about the job's progress (settings used, what was written)
     */
    void info(String line);

    /**
     * @param line a message about one input that was left out or a setting that looks wrong
     */
    void warn(String line);

    /** One loop's progress. */
    interface Stage extends AutoCloseable {

        /** Does nothing. */
        Stage NONE = new Stage() {
            @Override
            public void step(long n) {
            }

            @Override
            public void extra(String message) {
            }

            @Override
            public void close() {
            }
        };

        /**
         * @param n items finished since the last call
         */
        void step(long n);

        /** One item finished. */
        default void step() {
            step(1);
        }

        /**
         * @param message a short running status shown beside the bar (e.g. the mean loss so far)
         */
        void extra(String message);

        /** The loop ended. */
        @Override
        void close();
    }
}
