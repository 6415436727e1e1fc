package org.aaec.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import org.aaec.audio.PcmStream;
import org.aaec.jobs.PredictionWriter;
import org.aaec.jobs.TimelineWriter;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Timeline;
import org.aaec.serving.TimelineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aaec listen}: emotion in live audio, one row per window as it completes. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = {"Predict live audio from the default microphone, or raw PCM from standard input "
            + "(--stdin), printing one CSV row per window as soon as the window's audio has arrived, and a summary "
            + "row at the end (Ctrl-C, or the end of the input).",
            "Example: ffmpeg -i talk.mp3 -f s16le -ac 1 -ar 16000 - | aaec listen --stdin"})
final class ListenCommand implements Callable<Integer> {

    /** Frames read at most per block: 20 ms at 16 kHz, so a window is passed on within a block of arriving. */
    private static final int BLOCK_SECONDS_DIVISOR = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--stdin", description = "Read raw PCM from standard input instead of the microphone.")
    boolean stdin;

    @Option(names = "--rate", defaultValue = "16000", description = "Sample rate of the input in Hz (default: "
            + "${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--format", defaultValue = "s16le", description = "With --stdin: s16le or f32le (default: "
            + "${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--channels", defaultValue = "1", description = "With --stdin: interleaved channels, "
            + "averaged (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--window", paramLabel = "SECONDS", description = "Window (default: the model's input length).")
    Double window;

    @Option(names = "--hop", paramLabel = "SECONDS", description = "Time between windows (default: half the "
            + "window).")
    Double hop;

    @Option(names = "--vad", description = "Predict only windows with enough speech (energy detector).")
    boolean vad;

    @Override
    public Integer call() throws Exception {
        PcmStream.Format fmt;
        try {
            fmt = PcmStream.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        Terminal t = Terminal.of(spec);
        try (EmotionRecognizer model = modelOption.open()) {
            TimelineOptions options;
            try {
                options = TimelineOptions.of(model.info(), window, hop, vad).withBatch(1).keeping(false);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--window/--hop: " + e.getMessage());
            }
            Path name = Path.of(stdin ? "-" : "microphone");
            try (PcmStream source = new PcmStream(stdin ? System.in : microphone(), name, rate,
                    stdin ? fmt : PcmStream.Format.S16LE, stdin ? channels : 1,
                    Math.max(1, rate / BLOCK_SECONDS_DIVISOR));
                    TimelineWriter rows = new TimelineWriter(new KeepOpen(t.out()), PredictionWriter.Format.CSV,
                            model.info().model().heads())) {
                Timeline timeline = model.timeline(source, options, s -> {
                    try {
                        rows.window(name, s);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                rows.file(name, timeline, timeline.windows() == 0 ? "no audio arrived" : null);
            }
        }
        return 0;
    }

    /** The default capture line at the chosen rate, 16-bit mono, as a stream. */
    private InputStream microphone() {
        AudioFormat fmt = new AudioFormat(rate, 16, 1, true, false);
        try {
            TargetDataLine line = AudioSystem.getTargetDataLine(fmt);
            line.open(fmt);
            line.start();
            return new AudioInputStream(line);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "no microphone at %d Hz "
                    + "16-bit mono (%s); pipe audio in with --stdin instead", rate, e.getMessage()));
        }
    }
}
