package org.aaec.testutil;

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

    /** A committed test fixture from src/test/resources; missing fixtures fail the test. */
    public static Path fixture(String relative) {
        Path p = Path.of("src/test/resources/fixtures").resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("fixture " + p + " is missing; see src/test/python/");
        }
        return p;
    }
}
