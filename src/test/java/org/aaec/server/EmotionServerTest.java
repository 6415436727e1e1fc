package org.aaec.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.aaec.audio.AudioLoader;
import org.aaec.serving.EmotionPrediction;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.serving.Engine;
import org.aaec.testutil.Shared;
import org.aaec.testutil.TestAudio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on a free loopback port, spoken to with a real HTTP client: answers equal the
 * library's, every kind of bad request gets its status and a JSON error, concurrent requests are
 * batched and all answered, overload gives 503 with Retry-After, and stopping finishes the
 * request in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EmotionServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long BODY_LIMIT = 2L << 20;
    private final HttpClient http = HttpClient.newHttpClient();
    private EmotionServer server;
    private EmotionRecognizer direct;
    private Path clip;
    private Path talk;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        server = EmotionServer.start(new ServerSettings("127.0.0.1", 0, 2, 8, 20, 64, BODY_LIMIT, 60),
                EmotionRecognizer::loadDefault);
        direct = EmotionRecognizer.loadDefault();
        clip = Shared.corpus("emodb").resolve("03a01Wa.flac");
        AudioLoader loader = new AudioLoader();
        float[] a = loader.load(clip).samples();
        float[] b = loader.load(Shared.corpus("emodb").resolve("03a02Ta.flac")).samples();
        float[] joined = new float[a.length + 16_000 + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length + 16_000, b.length);
        talk = TestAudio.writeWav16(dir.resolve("talk.wav"), joined, 16_000);
    }

    @AfterAll
    void stop() {
        server.close();
        direct.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.toString());
        return JSON.readTree(r.body());
    }

    private static void sameAsLibrary(EmotionPrediction expected, JsonNode got) {
        for (EmotionPrediction.Head h : expected.heads()) {
            assertEquals(h.label(), got.get(h.name()).get("label").asText(), h.name());
            for (int c = 0; c < h.classes().size(); c++) {
                assertEquals(h.probabilities()[c], got.get(h.name()).get("probabilities").get(h.classes().get(c))
                        .floatValue(), 1e-5, h.name() + " " + h.classes().get(c));
            }
        }
    }

    @Test
    void aClipAsTheBodyGetsTheLibrarysAnswer() throws Exception {
        HttpResponse<String> r = post("/v1/predict", HttpRequest.BodyPublishers.ofFile(clip));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode o = json(r);
        sameAsLibrary(direct.predict(new AudioLoader().loadStart(clip, 4)), o);
        assertFalse(o.get("longerThanInput").asBoolean(), "a 2-s clip fits the 4-s input");
    }

    /** The same service on ONNX Runtime answers what libtorch answers, and says which engine it runs. */
    @Test
    void onOnnxRuntimeTheAnswerIsLibtorchs() throws Exception {
        try (EmotionServer ort = EmotionServer.start(new ServerSettings("127.0.0.1", 0, 1, 8, 20, 64, BODY_LIMIT, 60),
                () -> EmotionRecognizer.loadDefault(Engine.ONNXRUNTIME, 1))) {
            URI base = URI.create("http://127.0.0.1:" + ort.port());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/v1/predict"))
                    .POST(HttpRequest.BodyPublishers.ofFile(clip)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode o = json(r);
            for (EmotionPrediction.Head h : direct.predict(new AudioLoader().loadStart(clip, 4)).heads()) {
                assertEquals(h.label(), o.get(h.name()).get("label").asText(), h.name());
                for (int c = 0; c < h.classes().size(); c++) {
                    assertEquals(h.probabilities()[c], o.get(h.name()).get("probabilities").get(h.classes().get(c))
                            .floatValue(), 1e-4, h.name());
                }
            }
            JsonNode model = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("/v1/model")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("onnxruntime", model.get("engine").asText());
        }
    }

    @Test
    void aLongClipAsMultipartGetsItsTimeline() throws Exception {
        String boundary = "aaecboundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"talk.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        byte[] audio = Files.readAllBytes(talk);
        byte[] body = new byte[head.length + audio.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(audio, 0, body, head.length, audio.length);
        System.arraycopy(tail, 0, body, head.length + audio.length, tail.length);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/v1/predict?timeline=true&window=2&hop=1"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode o = json(r);
        assertEquals("talk.wav", o.get("file").asText());
        var expected = direct.timeline(talk, 2, 1);
        assertEquals(expected.windows(), o.get("segments").size());
        for (int k = 0; k < expected.windows(); k++) {
            JsonNode s = o.get("segments").get(k);
            assertEquals(expected.segments().get(k).start(), s.get("start").asDouble(), 1e-3);
            sameAsLibrary(expected.segments().get(k).prediction(), s);
        }
        assertEquals(expected.summary().get(0).label(), o.get("summary").get("arousal").get("label").asText());
    }

    @Test
    void badRequestsGetTheirStatusAndAJsonErrorNeverAStackTrace() throws Exception {
        HttpResponse<String> garbage = post("/v1/predict", HttpRequest.BodyPublishers.ofString("not audio at all"));
        assertEquals(415, garbage.statusCode(), garbage.body());
        assertEquals("NOT_AUDIO", json(garbage).get("problem").asText());

        HttpResponse<String> empty = post("/v1/predict", HttpRequest.BodyPublishers.noBody());
        assertEquals(400, empty.statusCode(), empty.body());
        assertEquals("EMPTY_BODY", json(empty).get("problem").asText());

        HttpResponse<String> huge = post("/v1/predict", HttpRequest.BodyPublishers.ofByteArray(new byte[(int) BODY_LIMIT
                + 1]));
        assertEquals(413, huge.statusCode(), huge.body());

        HttpResponse<String> window = post("/v1/predict?timeline=true&window=9", HttpRequest.BodyPublishers.ofFile(clip));
        assertEquals(400, window.statusCode(), window.body());
        assertTrue(json(window).get("error").asText().contains("at most the model's input"), window.body());

        float[] tiny = {0.1f, 0.2f};
        Path one = TestAudio.writeWav16(Files.createTempFile("aaec", ".wav"), tiny, 16_000);
        HttpResponse<String> shortClip = post("/v1/predict", HttpRequest.BodyPublishers.ofFile(one));
        assertEquals(400, shortClip.statusCode(), shortClip.body());
        assertEquals("TOO_SHORT", json(shortClip).get("problem").asText());
        Files.delete(one);

        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(uri("/v1/predict")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, wrongMethod.statusCode());
        for (HttpResponse<String> r : List.of(garbage, empty, huge, window, shortClip)) {
            assertFalse(r.body().contains("at org.") || r.body().contains("Exception"), r.body());
        }
    }

    @Test
    void modelHealthAndMetricsDescribeTheService() throws Exception {
        JsonNode model = JSON.readTree(http.send(HttpRequest.newBuilder(uri("/v1/model")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("arousal", model.get("heads").get(0).get("name").asText());
        assertEquals("low", model.get("heads").get(0).get("classes").get(0).asText());
        assertEquals(4.0, model.get("inputSeconds").asDouble());
        assertEquals("pytorch", model.get("engine").asText());
        assertTrue(model.get("dataLicence").asText().contains("CC BY-NC-SA"), model.toString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        post("/v1/predict", HttpRequest.BodyPublishers.ofFile(clip));
        String metrics = http.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        for (String name : new String[] {"aaec_requests_total{endpoint=\"predict\",status=\"200\"}",
            "aaec_request_latency_seconds_bucket", "aaec_batch_size_count", "aaec_queue_depth",
            "aaec_requests_in_flight"}) {
            assertTrue(metrics.contains(name), name + " in\n" + metrics);
        }
    }

    /** Twenty requests at once: every one answered with the library's answer, some in shared batches. */
    @Test
    void concurrentRequestsAreAllAnsweredAndBatched() throws Exception {
        EmotionPrediction expected = direct.predict(new AudioLoader().loadStart(clip, 4));
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(http.sendAsync(HttpRequest.newBuilder(uri("/v1/predict")).POST(HttpRequest.BodyPublishers
                    .ofFile(clip)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : all) {
            HttpResponse<String> r = f.get();
            assertEquals(200, r.statusCode(), r.body());
            sameAsLibrary(expected, json(r));
        }
        String metrics = http.send(HttpRequest.newBuilder(uri("/metrics")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        double batches = value(metrics, "aaec_batch_size_count");
        double clips = value(metrics, "aaec_batch_size_sum");
        assertTrue(clips > batches, "some batches held more than one clip: " + clips + " clips in " + batches);
    }

    private static double value(String metrics, String name) {
        return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(name.length() + 1).trim())).findFirst().orElseThrow();
    }

    @Test
    void overloadGets503AndStoppingFinishesTheRequestInFlight() throws Exception {
        try (EmotionServer small = EmotionServer.start(new ServerSettings("127.0.0.1", 0, 1, 8, 5, 1, BODY_LIMIT, 60),
                EmotionRecognizer::loadDefault)) {
            URI predict = URI.create("http://127.0.0.1:" + small.port() + "/v1/predict");
            URI health = URI.create("http://127.0.0.1:" + small.port() + "/health");
            // a request whose body stops half way, written on a plain socket so that nothing buffers it
            byte[] audio = Files.readAllBytes(clip);
            java.net.Socket socket = new java.net.Socket("127.0.0.1", small.port());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + audio.length + "\r\nConnection: close\r\n\r\n").getBytes());
            out.write(audio, 0, audio.length / 2);
            out.flush();
            while (!http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body()
                    .contains("\"inFlight\":1")) {
                Thread.sleep(20);
            }
            HttpResponse<String> second = http.send(HttpRequest.newBuilder(predict)
                    .POST(HttpRequest.BodyPublishers.ofFile(clip)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, second.statusCode(), second.body());
            assertEquals("1", second.headers().firstValue("Retry-After").orElse(""));
            assertEquals("OVERLOADED", JSON.readTree(second.body()).get("problem").asText());

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> small.stop(30));
            while (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() != 503) {
                Thread.sleep(20);
            }
            assertFalse(stopping.isDone(), "stop waits for the request in flight");
            out.write(audio, audio.length / 2, audio.length - audio.length / 2);
            out.flush();
            String answered = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            socket.close();
            assertTrue(answered.startsWith("HTTP/1.1 200"), "the request in flight is finished: " + answered);
            stopping.get();
        }
    }
}
