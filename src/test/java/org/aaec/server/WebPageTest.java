package org.aaec.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.aaec.serving.EmotionRecognizer;
import org.aaec.testutil.Shared;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page end to end in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs): upload a real clip, wait for the
 * chart, and check that the classes shown are the API's answer for the same clip.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebPageTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Test
    void uploadingAClipShowsTheApisAnswerAndAChart() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        Path clip = Shared.corpus("emodb").resolve("03a01Wa.flac");
        try (EmotionServer server = EmotionServer.start(new ServerSettings("127.0.0.1", 0, 1, 8, 5, 8, 50L << 20, 60),
                EmotionRecognizer::loadDefault)) {
            String base = "http://127.0.0.1:" + server.port();
            JsonNode api = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/v1/predict?timeline=true")).POST(HttpRequest.BodyPublishers.ofFile(clip))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());

            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort().build();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(base + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                wait.until(d -> d.findElement(By.id("model")).getText().startsWith("Model:"));
                browser.findElement(By.id("file")).sendKeys(clip.toString());
                browser.findElement(By.id("send")).click();
                wait.until(d -> "done".equals(d.findElement(By.id("result")).getAttribute("data-state"))
                        || "error".equals(d.findElement(By.id("result")).getAttribute("data-state")));
                assertEquals("done", browser.findElement(By.id("result")).getAttribute("data-state"),
                        browser.findElement(By.id("status")).getText());
                for (String head : new String[] {"arousal", "valence"}) {
                    assertEquals(api.get("summary").get(head).get("label").asText(),
                            browser.findElement(By.id(head + "-label")).getText(), head);
                }
                Object points = ((JavascriptExecutor) browser).executeScript(
                        "return window.aaecChart.data.datasets.map(d => d.data.length);");
                assertTrue(points.toString().contains(Integer.toString(api.get("segments").size())),
                        "one chart point per window: " + points);
            } finally {
                browser.quit();
            }
        }
    }
}
