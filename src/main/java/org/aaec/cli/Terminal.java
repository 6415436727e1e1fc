package org.aaec.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.aaec.jobs.Reporter;

/**
 * The command line's {@link Reporter}: results go to standard output, everything else to standard
 * error. Progress bars are drawn only when standard error is a terminal; otherwise each loop prints
 * one line when it ends. A warning never shares a line with a bar: the bar's line is cleared
 * first and redrawn at its next refresh.
 *
 * <p>Whether standard error is a terminal: the launcher tests it ({@code [ -t 2 ]}) and passes
 * {@code -Daaec.stderr.tty=true|false}; without the property, Java's {@code System.console()}
 * (standard input and output are a terminal) stands in for it.
 */
final class Terminal implements Reporter {

    /** System property set by the launcher: whether file descriptor 2 is a terminal. */
    static final String TTY_PROPERTY = "aaec.stderr.tty";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean tty;
    private final Object lock = new Object();
    private volatile boolean barShown;

    Terminal(PrintWriter out, PrintWriter err, boolean tty) {
        this.out = out;
        this.err = err;
        this.tty = tty;
    }

    /**
     * @param spec the running command
     * @return a terminal on the command's output streams
     */
    static Terminal of(picocli.CommandLine.Model.CommandSpec spec) {
        return new Terminal(spec.commandLine().getOut(), spec.commandLine().getErr(), stderrIsTerminal());
    }

    /** Whether standard error of this process is a terminal (see the class comment). */
    static boolean stderrIsTerminal() {
        String p = System.getProperty(TTY_PROPERTY);
        return p != null ? Boolean.parseBoolean(p) : System.console() != null;
    }

    /** Standard output, for results. */
    PrintWriter out() {
        return out;
    }

    /** Standard error. */
    PrintWriter err() {
        return err;
    }

    @Override
    public Stage stage(String task, long total) {
        return tty ? new BarStage(task, total) : new LineStage(task, total);
    }

    /**
     * A bar on a terminal and nothing otherwise: for loops whose end the caller reports itself
     * (a training epoch ends with its own line on standard output).
     *
     * @param task short name
     * @param total items
     * @return the stage
     */
    Stage barOnly(String task, long total) {
        return tty ? new BarStage(task, total) : Stage.NONE;
    }

    /** Information goes to standard error, so that standard output holds only results (CSV, JSON, tables). */
    @Override
    public void info(String line) {
        ownLine(line);
    }

    @Override
    public void warn(String line) {
        ownLine(line);
    }

    /** A line on standard error that never shares its line with a bar. */
    private void ownLine(String line) {
        synchronized (lock) {
            if (barShown) {
                err.print("\r\033[2K"); // clear the bar's line; the bar redraws below at its next refresh
            }
            err.println(line);
            err.flush();
        }
    }

    /** A bar on a terminal. */
    private final class BarStage implements Stage {
        private final ProgressBar bar;

        BarStage(String task, long total) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).continuousUpdate().setConsumer(new Consumer()).build();
        }

        @Override
        public void step(long n) {
            bar.stepBy(n);
        }

        @Override
        public void extra(String message) {
            bar.setExtraMessage(message);
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** Draws the bar on standard error under the terminal's lock. */
    private final class Consumer implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return 120;
        }

        @Override
        public void accept(String rendered) {
            synchronized (lock) {
                err.print("\r" + rendered);
                err.flush();
                barShown = true;
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                err.println();
                err.flush();
                barShown = false;
            }
        }
    }

    /** One line on standard error when the loop ends. */
    private final class LineStage implements Stage {
        private final String task;
        private final long total;
        private final long start = System.nanoTime();
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();

        LineStage(String task, long total) {
            this.task = task;
            this.total = total;
        }

        @Override
        public void step(long n) {
            done.addAndGet(n); // workers of a parallel loop step concurrently
        }

        @Override
        public void extra(String message) {
        }

        @Override
        public void close() {
            synchronized (lock) {
                err.printf(Locale.ROOT, "%s: %d of %d done in %.1f s%n", task, done.get(), total,
                        (System.nanoTime() - start) / 1e9);
                err.flush();
            }
        }
    }
}
