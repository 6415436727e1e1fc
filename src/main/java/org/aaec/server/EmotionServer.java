package org.aaec.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aaec.audio.AudioInputException;
import org.aaec.audio.AudioLoader;
import org.aaec.audio.AudioSource;
import org.aaec.jobs.PredictionJson;
import org.aaec.model.HeadSpec;
import org.aaec.serving.ModelInfo;
import org.aaec.serving.Timeline;
import org.aaec.serving.TimelineOptions;
import org.aaec.serving.TimelineRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code aaec serve}: the model over HTTP.
 *
 * <ul>
 *   <li>{@code POST /v1/predict}: audio as the body or as the multipart field {@code file}, any
 *       format the CLI decodes; {@code ?timeline=true&window=&hop=&vad=} for emotion over time;
 *       JSON with per-head class and probabilities (and segments).
 *   <li>{@code GET /v1/model}: heads, classes, feature settings, scores, data licence, engine.
 *   <li>{@code GET /health}, {@code GET /metrics} (Prometheus text), {@code GET /}: the web page.
 * </ul>
 * Every error is JSON ({@code error}, {@code problem}, {@code status}), never a stack trace: 400
 * for bad audio or parameters, 413 for a body over the limit, 415 for a body that is not audio,
 * 408 when decoding takes too long, 503 with {@code Retry-After} when the admitted requests are
 * all busy or the server is stopping. {@link #stop} finishes the requests in flight first.
 */
public final class EmotionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmotionServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COPY_BUFFER = 64 * 1024;

    private final ServerSettings settings;
    private final BatchingPool pool;
    private final ServerMetrics metrics;
    private final Semaphore admission;
    private final ExecutorService decoders;
    private final PredictionJson shape;
    private final Javalin app;
    private volatile boolean stopping;

    private EmotionServer(ServerSettings settings, BatchingPool pool) {
        this.settings = settings;
        this.pool = pool;
        this.metrics = new ServerMetrics(pool::queued);
        this.admission = new Semaphore(settings.maxRequests());
        this.decoders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aaec-decode");
            t.setDaemon(true);
            return t;
        });
        this.shape = new PredictionJson(pool.info().model().heads());
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.multipartConfig.maxFileSize(settings.maxBodyBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(settings.maxBodyBytes(), io.javalin.config.SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/org/aaec/server/web";
                files.location = Location.CLASSPATH;
            });
        });
        app.get("/health", this::health);
        app.get("/v1/model", this::model);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.post("/v1/predict", this::predict);
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("request failed: {}", e.toString());
            metrics.error("internal");
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "the request failed: " + e.getClass()
                    .getSimpleName());
        });
    }

    /**
     * Opens the recognizers and starts listening.
     *
     * @param settings host, port, pool and limits
     * @param factory opens one recognizer per worker
     * @return the running server
     * @throws IOException when the model cannot be loaded
     */
    public static EmotionServer start(ServerSettings settings, BatchingPool.Factory factory) throws IOException {
        // the metrics need the pool and the pool reports to the metrics: the pool's batches are counted via a holder
        ServerMetrics[] holder = new ServerMetrics[1];
        BatchingPool pool = new BatchingPool(factory, settings.workers(), settings.maxBatch(),
                settings.maxDelayMillis(), size -> {
                    if (holder[0] != null) {
                        holder[0].batch(size);
                    }
                });
        EmotionServer server = new EmotionServer(settings, pool);
        holder[0] = server.metrics;
        server.app.start(settings.host(), settings.port());
        return server;
    }

    /** The port listened on (the chosen one when started with port 0). */
    public int port() {
        return app.port();
    }

    /** The settings it runs with. */
    public ServerSettings settings() {
        return settings;
    }

    private void health(Context ctx) {
        ObjectNode o = JSON.createObjectNode();
        o.put("status", stopping ? "stopping" : "ok");
        o.put("inFlight", metrics.inFlight().get());
        o.put("queued", pool.queued());
        ctx.status(stopping ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).json(o);
    }

    private void model(Context ctx) {
        ModelInfo info = pool.info();
        ObjectNode o = JSON.createObjectNode();
        o.put("variant", info.variant());
        o.put("trainedOn", info.trainedOn());
        o.put("created", info.created());
        o.put("engine", pool.engine().id());
        ArrayNode heads = o.putArray("heads");
        for (HeadSpec h : info.model().heads()) {
            ObjectNode head = heads.addObject();
            head.put("name", h.name());
            ArrayNode classes = head.putArray("classes");
            for (int c : h.displayOrder()) {
                classes.add(h.classes().get(c));
            }
        }
        o.set("features", JSON.valueToTree(info.features()));
        o.put("inputSeconds", info.features().maxSeconds());
        o.set("validation", JSON.valueToTree(info.validation()));
        o.set("test", JSON.valueToTree(info.test()));
        o.put("dataLicence", dataLicence(info.trainedOn()));
        ctx.json(o);
    }

    /** The licence of the training data, which binds what the model may be used for. */
    static String dataLicence(String trainedOn) {
        String t = String.valueOf(trainedOn).toLowerCase(Locale.ROOT);
        if (t.contains("ravdess")) {
            return "trained on RAVDESS, CC BY-NC-SA 4.0: non-commercial use, share alike";
        }
        if (t.contains("emodb")) {
            return "trained on EmoDB, CC0";
        }
        return "unknown: the model was trained on '" + trainedOn + "'; its data's licence applies";
    }

    private void predict(Context ctx) throws Exception {
        long start = System.nanoTime();
        if (stopping) {
            ctx.header("Retry-After", "5");
            answer(ctx, start, () -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "STOPPING", "the server is stopping"),
                    "overloaded");
            return;
        }
        if (!admission.tryAcquire()) {
            ctx.header("Retry-After", "1");
            answer(ctx, start, () -> error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "OVERLOADED", String.format(
                    Locale.ROOT, "%d requests are being served; try again shortly", settings.maxRequests())),
                    "overloaded");
            return;
        }
        metrics.inFlight().incrementAndGet();
        Path body = null;
        try {
            Request request = Request.parse(ctx, pool.info());
            long declared = ctx.contentLength();
            if (declared > settings.maxBodyBytes()) {
                throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE", "too_large", tooLarge());
            }
            Upload upload = receive(ctx);
            body = upload.file();
            Path file = body;
            String name = upload.name();
            Future<ObjectNode> work = decoders.submit(() -> request.timeline() ? timeline(file, name, request)
                    : clip(file, name));
            ObjectNode result;
            try {
                result = work.get(Math.round(settings.decodeTimeoutSeconds() * 1000), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                work.cancel(true);
                throw new Refusal(HttpStatus.REQUEST_TIMEOUT, "TIMEOUT", "timeout", String.format(Locale.ROOT,
                        "%s took longer than %s s to decode", name, settings.decodeTimeoutSeconds()));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            }
            answer(ctx, start, () -> ctx.json(result), null);
        } catch (Refusal r) {
            answer(ctx, start, () -> error(ctx, r.status, r.problem, r.getMessage()), r.kind);
        } catch (AudioInputException e) {
            AudioInputException.Problem p = e.problem();
            boolean notAudio = p == AudioInputException.Problem.NOT_AUDIO || p == AudioInputException.Problem.UNSUPPORTED;
            String message = e.getMessage().startsWith(e.file() + ": ")
                    ? e.getMessage().substring(e.file().toString().length() + 2) : e.getMessage();
            answer(ctx, start, () -> error(ctx, notAudio ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.BAD_REQUEST,
                    p.name(), "the audio " + message), "bad_audio");
        } catch (IllegalArgumentException e) {
            answer(ctx, start, () -> error(ctx, HttpStatus.BAD_REQUEST, "BAD_PARAMETER", e.getMessage()), "bad_request");
        } finally {
            metrics.inFlight().decrementAndGet();
            admission.release();
            if (body != null) {
                Files.deleteIfExists(body);
            }
        }
    }

    private String tooLarge() {
        return String.format(Locale.ROOT, "the body is larger than the limit of %d bytes (--max-body-mb)",
                settings.maxBodyBytes());
    }

    private void answer(Context ctx, long start, Runnable write, String errorKind) {
        write.run();
        if (errorKind != null) {
            metrics.error(errorKind);
        }
        metrics.request("predict", ctx.statusCode(), System.nanoTime() - start);
    }

    private static void error(Context ctx, HttpStatus status, String problem, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("error", message);
        o.put("problem", problem);
        o.put("status", status.getCode());
        ctx.status(status).json(o);
    }

    /** The audio of a request, in a temporary file, and the name to call it by in messages. */
    private record Upload(Path file, String name) {
    }

    /** Copies the body (or its multipart {@code file} field) to a temporary file, refusing it past the limit. */
    private Upload receive(Context ctx) throws IOException, Refusal {
        String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
        String name = "body";
        InputStream in;
        if (type.startsWith("multipart/form-data")) {
            UploadedFile file;
            try {
                file = ctx.uploadedFile("file");
            } catch (RuntimeException e) {
                if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("exceed")) {
                    throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE", "too_large", tooLarge());
                }
                throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_MULTIPART", "bad_request",
                        "the multipart body could not be read: " + e.getMessage());
            }
            if (file == null) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "NO_FILE", "bad_request",
                        "a multipart request needs the audio in a field named 'file'");
            }
            name = file.filename() == null || file.filename().isBlank() ? "file" : file.filename();
            in = file.content();
        } else {
            in = ctx.req().getInputStream();
        }
        Path tmp = Files.createTempFile("aaec-upload", ".audio");
        long copied = 0;
        try (InputStream src = in; OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buffer = new byte[COPY_BUFFER];
            int n;
            while ((n = src.read(buffer)) >= 0) {
                copied += n;
                if (copied > settings.maxBodyBytes()) {
                    throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE", "too_large", tooLarge());
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | Refusal | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (copied == 0) {
            Files.deleteIfExists(tmp);
            throw new Refusal(HttpStatus.BAD_REQUEST, "EMPTY_BODY", "bad_audio",
                    "the request has no audio: send it as the body or as the multipart field 'file'");
        }
        return new Upload(tmp, name);
    }

    private ObjectNode clip(Path file, String name) throws AudioInputException {
        AudioLoader loader = new AudioLoader(pool.info().features().sampleRate());
        AudioLoader.Excerpt start = loader.startOf(file, pool.info().features().maxSeconds());
        ObjectNode o = JSON.createObjectNode();
        o.put("file", name);
        o.setAll(shape.prediction(pool.predict(java.util.List.of(start.start())).get(0)));
        o.put("longerThanInput", start.totalSamples() < 0);
        return o;
    }

    private ObjectNode timeline(Path file, String name, Request request) throws AudioInputException {
        AudioLoader loader = new AudioLoader(pool.info().features().sampleRate());
        TimelineOptions options = request.options(pool.info());
        ArrayNode segments = JSON.createArrayNode();
        Timeline t;
        try (AudioSource in = loader.stream(file)) {
            t = TimelineRunner.run(pool.info(), in, options, s -> segments.add(shape.segment(s)), pool::predict);
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("file", name);
        o.setAll(shape.timeline(t));
        o.set("segments", segments);
        return o;
    }

    /**
     * Stops taking requests (new ones get 503), waits up to {@code seconds} for those in flight to
     * be answered, then stops the server and releases the recognizers.
     *
     * @param seconds longest wait for requests in flight
     */
    public void stop(double seconds) {
        stopping = true;
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (metrics.inFlight().get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        app.stop();
        decoders.shutdownNow();
        pool.close();
    }

    @Override
    public void close() {
        stop(30);
    }

    /** A request answered with an error status. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient HttpStatus status;
        private final String problem;
        private final String kind;

        Refusal(HttpStatus status, String problem, String kind, String message) {
            super(message);
            this.status = status;
            this.problem = problem;
            this.kind = kind;
        }
    }

    /** The query parameters of {@code /v1/predict}. */
    private record Request(boolean timeline, Double window, Double hop, boolean vad) {

        static Request parse(Context ctx, ModelInfo info) {
            Double window = number(ctx, "window");
            Double hop = number(ctx, "hop");
            boolean vad = Boolean.parseBoolean(ctx.queryParam("vad"));
            boolean timeline = Boolean.parseBoolean(ctx.queryParam("timeline")) || window != null || hop != null || vad;
            Request r = new Request(timeline, window, hop, vad);
            if (timeline) {
                r.options(info); // checks the ranges before any audio is read
            }
            return r;
        }

        TimelineOptions options(ModelInfo info) {
            return TimelineOptions.of(info, window, hop, vad);
        }

        private static Double number(Context ctx, String key) {
            String v = ctx.queryParam(key);
            if (v == null || v.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number of seconds, not '" + v + "'");
            }
        }
    }
}
