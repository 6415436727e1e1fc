package org.aaec.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.aaec.server.EmotionServer;
import org.aaec.server.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code aaec serve}: the model as an HTTP service with a web page, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the model over HTTP: POST /v1/predict (audio as the body or the multipart field "
            + "'file'; ?timeline=true&window=&hop=&vad=true for emotion over time), GET /v1/model, /health, "
            + "/metrics (Prometheus) and a web page at /.",
            "Binds to 127.0.0.1 unless --host says otherwise. Ctrl-C finishes the requests in flight, then stops."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: "
            + "${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0: any "
            + "free port, printed).")
    int port;

    @Option(names = "--workers", description = "Recognizers predicting in parallel (default: one per core).")
    Integer workers;

    @Option(names = "--max-batch", defaultValue = "8", description = "Most clips predicted together "
            + "(default: ${DEFAULT-VALUE}; 1 turns micro-batching off).")
    int maxBatch;

    @Option(names = "--max-delay-ms", defaultValue = "5", description = "Longest a clip waits for others to "
            + "join its batch (default: ${DEFAULT-VALUE}).")
    long maxDelayMs;

    @Option(names = "--max-requests", defaultValue = "64", description = "Requests admitted at once; more get "
            + "503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int maxRequests;

    @Option(names = "--max-body-mb", defaultValue = "50", description = "Largest request body in MB; larger "
            + "gets 413 (default: ${DEFAULT-VALUE}).")
    double maxBodyMb;

    @Option(names = "--decode-timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Longest a "
            + "request's audio may take to decode (and, for timelines, to predict); longer gets 408 (default: "
            + "${DEFAULT-VALUE}).")
    double decodeTimeout;

    @Override
    public Integer call() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int w = workers == null ? cores : workers;
        ServerSettings settings;
        try {
            settings = new ServerSettings(host, port, w, maxBatch, maxDelayMs, maxRequests,
                    (long) (maxBodyMb * (1 << 20)), decodeTimeout);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int threads = Math.max(1, cores / w); // the workers share the cores
        Engines.configureThreads(threads);
        Terminal t = Terminal.of(spec);
        EmotionServer server = EmotionServer.start(settings, () -> modelOption.open(threads));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(30);
            stopped.countDown();
        }, "aaec-shutdown"));
        t.info(String.format(Locale.ROOT, "serving %s on http://%s:%d/ (%d worker(s), batches of up to %d, "
                + "%d request(s) at once); Ctrl-C stops", modelOption.describe(), host, server.port(), w, maxBatch,
                maxRequests));
        t.out().flush();
        stopped.await();
        return 0;
    }
}
