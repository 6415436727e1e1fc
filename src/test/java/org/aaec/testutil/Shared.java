package org.aaec.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates ../shared (the corpora) next to the checkout. */
public final class Shared {

    private Shared() {
    }

    /** The shared folder; tests that need it fail with a clear message when it is absent. */
    public static Path dir() {
        String configured = System.getProperty("aaec.shared");
        Path p = Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
        if (!Files.isDirectory(p.resolve("data"))) {
            throw new IllegalStateException("tests need ../shared/data beside the checkout; not found at " + p);
        }
        return p;
    }

    /** A corpus folder under shared/data. */
    public static Path corpus(String name) {
        return dir().resolve("data").resolve(name);
    }

    /** A test fixture from src/test/resources. */
    public static Path fixture(String relative) {
        Path p = Path.of("src/test/resources/fixtures").resolve(relative);
        assumeTrue(Files.exists(p), "fixture " + p);
        return p;
    }
}
