package org.aaec.bench;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.aaec.io.AtomicFiles;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/**
 * Time and peak resident memory of {@code aaec predict} on a long MP3 (issue 14: a 2-hour file
 * once took 5 GB and died), measured on the real command in a process of its own, beside the same
 * command on a short clip so that the difference is what the length costs.
 */
public final class LongFileBenchmark {

    /** What one {@code predict} process took. */
    public record Run(String input, double audioSeconds, double wallSeconds, double peakResidentMiB) {
    }

    private static final int RATE = 44_100;

    private LongFileBenchmark() {
    }

    /**
     * An MP3 of a drifting tone with noise, 44.1 kHz mono at 64 kb/s; kept between runs (the
     * encoding of two hours takes about a minute) and rewritten when its length differs.
     *
     * @param dir folder for the file
     * @param seconds its length
     * @return the file
     * @throws IOException when it cannot be written
     */
    public static Path longMp3(Path dir, int seconds) throws IOException {
        Path file = dir.resolve("long-" + seconds + "s.mp3");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve(file.getFileName() + AtomicFiles.TEMP_SUFFIX + ".mp3"); // FFmpeg picks the container by name
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), 1)) {
            rec.setSampleRate(RATE);
            rec.setAudioCodec(avcodec.AV_CODEC_ID_MP3);
            rec.setAudioBitrate(64_000);
            rec.start();
            Random r = new Random(1);
            float[] block = new float[RATE];
            for (int s = 0; s < seconds; s++) {
                double hz = 200 + s % 50;
                for (int i = 0; i < RATE; i++) {
                    block[i] = (float) (0.2 * Math.sin(2 * Math.PI * hz * i / RATE) + 0.02 * r.nextGaussian());
                }
                rec.recordSamples(RATE, 1, FloatBuffer.wrap(block));
            }
            rec.stop();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    /**
     * Runs {@code java -jar JAR predict FILE} (plus {@code extra} arguments) to its end in a process
     * of its own (see {@link #command}).
     *
     * @param jar the application jar
     * @param file the audio
     * @param audioSeconds its length, for the record
     * @param extra further arguments of {@code predict}
     * @return wall time and peak memory
     * @throws IOException when the child fails
     * @throws InterruptedException when interrupted
     */
    public static Run predict(Path jar, Path file, double audioSeconds, String... extra)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("predict", file.toString()));
        args.addAll(List.of(extra));
        double[] r = command(jar, args);
        return new Run(file.getFileName() + (extra.length == 0 ? "" : " " + String.join(" ", extra)), audioSeconds,
                r[0], r[1]);
    }

    /**
     * Runs {@code java -jar JAR ARGS...} to its end, reading the child's peak resident set
     * ({@code VmHWM}, which only grows) every 20 ms until it exits.
     *
     * @param jar the application jar
     * @param args the command's arguments
     * @return wall seconds and peak resident MiB
     * @throws IOException when the child fails
     * @throws InterruptedException when interrupted
     */
    public static double[] command(Path jar, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-jar", jar.toString()));
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        double peak = 0;
        while (!p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            double now = Benchmarks.status(p.pid(), "VmHWM:");
            if (!Double.isNaN(now)) { // NaN: the process ended between two reads; keep the peak read before
                peak = Math.max(peak, now);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", args.subList(0, Math.min(2, args.size()))) + " failed with exit code "
                    + p.exitValue());
        }
        return new double[] {wall, peak};
    }
}
