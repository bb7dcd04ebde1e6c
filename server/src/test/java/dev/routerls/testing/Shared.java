package dev.routerls.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code ../shared} folder beside the project (corpus, reference, seeds). A developer without it
 * skips the tests that read it; CI, which always has it, fails instead, so a wrong path cannot turn
 * those tests silently into skips.
 */
public final class Shared {
    private Shared() {
    }

    /** The shared folder as Maven passes it (system property {@code routerls.sharedDir}). */
    public static Path root() {
        return Path.of(System.getProperty("routerls.sharedDir", "../shared"));
    }

    /** {@code path} if it exists; otherwise skips the test, or fails it when running in CI. */
    public static Path require(Path path) {
        if (path != null && Files.exists(path)) return path;
        String why = "shared data not found: " + path;
        if ("true".equals(System.getenv("CI"))) Assertions.fail(why + " (CI must have ../shared beside the project)");
        Assumptions.abort(why);
        return path;
    }

    public static void require(boolean present, String what) {
        if (present) return;
        if ("true".equals(System.getenv("CI"))) Assertions.fail(what + " not found (CI must have ../shared beside the project)");
        Assumptions.abort(what + " not found");
    }
}
