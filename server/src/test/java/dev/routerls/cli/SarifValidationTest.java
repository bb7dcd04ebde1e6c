package dev.routerls.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.routerls.robustness.LintRun;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SARIF routerls writes passes Microsoft's SARIF Multitool {@code validate} (the schema and its SARIF
 * rules) with no error, for the samples and a suppressed finding. {@code .ci/run} installs the multitool
 * from npm and names it in ROUTERLS_SARIF_MULTITOOL; without it the test is skipped, except in CI.
 */
class SarifValidationTest {

    @Test
    void sarifOfTheSamplesAndASuppressedFindingIsValid() throws Exception {
        String tool = System.getenv("ROUTERLS_SARIF_MULTITOOL");
        if (tool == null || !Files.isExecutable(Path.of(tool))) {
            String why = "SARIF Multitool not installed (set ROUTERLS_SARIF_MULTITOOL; .ci/run does)";
            if ("true".equals(System.getenv("CI"))) Assertions.fail(why);
            Assumptions.abort(why);
        }
        Path dir = Path.of("target", "sarif-validation").toAbsolutePath();
        Files.createDirectories(dir);
        Path extra = dir.resolve("suppressed.conf");
        Files.writeString(extra, LintFormatsTest.ROUTER);
        Path samples = SampleRouters.SAMPLES.getParent();
        LintRun r = LintRun.of("lint", "--format", "sarif", "--fail-on", "none", samples.toString(), extra.toString());
        assertEquals(0, r.exit(), r.describe());
        assertTrue(r.out().contains("\"suppressions\""), "the log has a suppressed result to validate");
        Path log = dir.resolve("routerls.sarif");
        Files.writeString(log, r.out(), StandardCharsets.UTF_8);
        Path report = dir.resolve("validation.sarif");
        Files.deleteIfExists(report);
        Process p = new ProcessBuilder(tool, "validate", log.toString(), "-o", report.toString())
                .redirectErrorStream(true).start();
        String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "multitool did not finish");
        assertTrue(Files.exists(report), "no validation report: " + console);
        // the multitool exits 0 whatever it finds; its own SARIF report says what it found
        JsonObject validation = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
        List<String> errors = new ArrayList<>();
        for (JsonElement e : validation.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results")) {
            JsonObject res = e.getAsJsonObject();
            String level = res.has("level") ? res.get("level").getAsString() : "warning";
            System.out.println("multitool: " + level + " " + res.get("ruleId") + " " + res.get("message"));
            if (level.equals("error")) errors.add(res.toString());
        }
        assertEquals(List.of(), errors, console);
    }
}
