package dev.routerls.cli;

import dev.routerls.lsp.JsonRpcClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bin/routerls} starts the packaged jar with the class-data archive made at package time for the
 * JVM it runs (JDK 17: AppCDS; a JDK 24+ if installed: the AOT cache), and passes exit codes, stdin and
 * output through unchanged.
 */
class LauncherIT {
    private static final Path PROJECT = Path.of(System.getProperty("routerls.projectDir", "..")).toAbsolutePath().normalize();
    private static final Path LAUNCHER = PROJECT.resolve("bin/routerls");

    private record Result(int exit, String out, String err) {
    }

    private static Result run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("ROUTERLS_JAR", JsonRpcClient.jar().toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void lintsThroughTheArchiveOfTheRunningJvm(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("r.conf");
        Files.writeString(conf, "# RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)\ndescription lan1 \"never closed\n");
        Path log = dir.resolve("classes.log");
        Result r = run(Map.of("ROUTERLS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), null,
                "lint", "--format", "compact", conf.toString());
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().contains("error yamaha/syntax"), r.out());
        assertEquals("", r.err());
        String classes = Files.readString(log);
        long shared = classes.lines().filter(l -> l.contains("dev.routerls.") && l.contains("shared objects file")).count();
        assertTrue(shared > 100, "routerls classes come from the archive: " + shared);
    }

    @Test
    void passesStdinAndUsageErrorsThrough() throws Exception {
        Result r = run(Map.of(), "ip lan1 address 192.168.11.250/24\nip route 192.168.253.0/24 gateway 192.168.11.250\n",
                "lint", "--format", "compact", "--fail-on", "warning", "--stdin", "--stdin-filename", "x/r.conf");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.out().startsWith("x/r.conf:2:"), r.out());
        assertEquals(2, run(Map.of(), null, "lint", "--format", "nope", "x").exit());
        Result missing = run(Map.of("ROUTERLS_JAR", "/nonexistent/routerls.jar"), null, "rules");
        assertEquals(2, missing.exit());
    }
}
