package org.aaec.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.data.AudioFiles;

/**
 * Load on {@code aaec serve}: the real server in a process of its own on loopback, {@code clients}
 * threads each posting real clips of 2 to 6 s one after another for a fixed time. Reports errors,
 * clips per second, latency percentiles and the server's resident memory after warm-up and at the
 * end (it should stay flat).
 */
public final class ServeBenchmark {

    /**
     * One load run.
     *
     * @param maxBatch the server's {@code --max-batch}
     * @param clients concurrent clients
     * @param seconds measured time
     * @param requests answered requests
     * @param errors requests not answered with 200
     * @param clipsPerSecond answered requests per second
     * @param p50 median latency in ms
     * @param p95 95th percentile in ms
     * @param p99 99th percentile in ms
     * @param rssStartMiB the server's resident memory after warm-up
     * @param rssEndMiB the server's resident memory at the end
     */
    public record Result(int maxBatch, int clients, double seconds, int requests, int errors, double clipsPerSecond,
            double p50, double p95, double p99, double rssStartMiB, double rssEndMiB) {
    }

    private static final Pattern PORT = Pattern.compile("http://[^:]+:(\\d+)/");

    private ServeBenchmark() {
    }

    /**
     * Real clips of 2 to 6 s below a folder, as bytes to post.
     *
     * @param dir a folder of audio (the EmoDB corpus by default)
     * @param most how many to keep
     * @return the files' bytes
     * @throws IOException when the folder cannot be read or holds none
     */
    public static List<byte[]> clips(Path dir, int most) throws IOException {
        AudioLoader loader = new AudioLoader();
        List<byte[]> out = new ArrayList<>();
        for (Path f : AudioFiles.list(dir)) {
            try {
                double s = loader.load(f).durationSeconds();
                if (s >= 2 && s <= 6) {
                    out.add(Files.readAllBytes(f));
                }
            } catch (AudioInputException e) {
                continue; // not a usable clip
            }
            if (out.size() == most) {
                break;
            }
        }
        if (out.isEmpty()) {
            throw new IOException(dir + ": no audio clips of 2 to 6 s");
        }
        return out;
    }

    /**
     * Starts the server, loads it, stops it.
     *
     * @param jar the application jar
     * @param clips bodies to post
     * @param maxBatch the server's {@code --max-batch}
     * @param clients concurrent clients
     * @param warmupSeconds unmeasured load first
     * @param seconds measured load
     * @param extra further arguments of {@code serve} (an engine, a model)
     * @return the figures
     * @throws IOException when the server does not start
     * @throws InterruptedException when interrupted
     */
    public static Result run(Path jar, List<byte[]> clips, int maxBatch, int clients, double warmupSeconds,
            double seconds, String... extra) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-jar", jar.toString(), "serve", "--port", "0", "--max-batch",
                Integer.toString(maxBatch), "--max-requests", Integer.toString(Math.max(64, clients * 2))));
        cmd.addAll(List.of(extra));
        Process server = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            int port = port(server);
            URI uri = URI.create("http://127.0.0.1:" + port + "/v1/predict");
            load(uri, clips, clients, warmupSeconds, new ArrayList<>(), new AtomicInteger());
            double rssStart = Benchmarks.status(server.pid(), "VmRSS:");
            List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            load(uri, clips, clients, seconds, latencies, errors);
            double rssEnd = Benchmarks.status(server.pid(), "VmRSS:");
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return new Result(maxBatch, clients, seconds, sorted.size(), errors.get(), sorted.size() / seconds,
                    percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), rssStart, rssEnd);
        } finally {
            server.destroy(); // SIGTERM: the server finishes what is in flight and stops
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static int port(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = PORT.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the pipe empty
                        }
                    } catch (IOException e) {
                        // the server ended
                    }
                }, "serve-bench-drain");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("the server ended before it listened");
    }

    private static void load(URI uri, List<byte[]> clips, int clients, double seconds, List<Double> latencies,
            AtomicInteger errors) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                Random r = new Random(id);
                while (System.nanoTime() < end) {
                    byte[] body = clips.get(r.nextInt(clips.size()));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(uri)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() == 200) {
                            latencies.add((System.nanoTime() - t0) / 1e6);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "serve-bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
