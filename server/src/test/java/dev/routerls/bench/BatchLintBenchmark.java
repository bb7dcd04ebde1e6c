package dev.routerls.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Start-up and batch throughput of {@code bin/routerls}, side by side in one run (figures, not a test):
 * <ol>
 *   <li>cold lint of one file through the launcher (JDK 17 AppCDS; JDK 25 AOT cache when installed) vs
 *       {@code shellcheck} on the same firewall.user, a 300-line RTX config through the launcher, plain
 *       {@code java -jar}, and the floor: a Java program that does nothing, on each JDK. Median of N runs
 *       each, interleaved so that load on a shared machine hits all alike;</li>
 *   <li>lines per second and peak RSS linting 1,000 generated 300-line RTX configs in one process.</li>
 * </ol>
 * Wall time and peak RSS come from GNU time; CPU time (user + sys of the process and its threads) from
 * {@code perf stat}'s task clock where perf works (to the tenth of a millisecond), else from GNU time (to
 * 10 ms). The load average is printed before and after: on a busy machine wall time measures the machine,
 * CPU time still measures routerls. Run after {@code mvn package}:
 * <pre>java -Drouterls.projectDir=. -cp server/target/test-classes:server/target/routerls.jar dev.routerls.bench.BatchLintBenchmark [runs] [files]</pre>
 * {@code -Drouterls.aotJava=/path/to/jdk25/bin/java} names the JDK 25 (default: the Temurin 25 under /usr/lib/jvm).
 */
public final class BatchLintBenchmark {
    private static final Path PROJECT = Path.of(System.getProperty("routerls.projectDir", ".")).toAbsolutePath().normalize();
    private static final boolean PERF = perfWorks();

    private record Run(double wall, double cpu, long rssKb, int exit) {
    }

    /** The floor of a JVM start: a main that does nothing. */
    public static final class NoOp {
        public static void main(String[] args) {
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String launcher = PROJECT.resolve("bin/routerls").toString();
        Path work = PROJECT.resolve("server/target/bench-lint");
        Files.createDirectories(work);
        String script = PROJECT.resolve("samples/openwrt/good/etc/firewall.user").toString();
        Path configs = generate(work.resolve("configs-v2"), files, 300);
        String one = configs.resolve("rtx-0000.conf").toString();
        String jar = PROJECT.resolve("server/target/routerls.jar").toString();
        String testClasses = Path.of(NoOp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String java17 = System.getProperty("java.home") + "/bin/java";
        String java25 = System.getProperty("routerls.aotJava", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        boolean has25 = Files.isExecutable(Path.of(java25));
        System.out.printf("routerls batch-lint benchmark — %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(), load());
        System.out.println("CPU time from " + (PERF ? "perf stat (task clock)" : "GNU time (10 ms steps)")
                + "; JVMs: " + java17 + (has25 ? ", " + java25 : ""));

        String noOp = NoOp.class.getName();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("shellcheck firewall.user", List.of("shellcheck", script));
        commands.put("floor: JDK 17, a main that does nothing", List.of(java17, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", testClasses, noOp));
        if (has25) {
            commands.put("floor: JDK 25, a main that does nothing", List.of(java25, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-cp", testClasses, noOp));
        }
        commands.put("routerls firewall.user: java -jar (no archive)", List.of(java17, "-jar", jar, "lint", "--fail-on", "none", script));
        commands.put("routerls firewall.user: launcher, JDK 17 AppCDS", List.of("env", "ROUTERLS_JAVA=" + java17, launcher, "lint",
                "--fail-on", "none", script));
        if (has25) {
            commands.put("routerls firewall.user: launcher, JDK 25 AOT cache", List.of("env", "ROUTERLS_JAVA=" + java25, launcher,
                    "lint", "--fail-on", "none", script));
        }
        commands.put("routerls 300-line RTX config: launcher, JDK 17", List.of("env", "ROUTERLS_JAVA=" + java17, launcher, "lint",
                "--fail-on", "none", one));
        if (has25) {
            commands.put("routerls 300-line RTX config: launcher, JDK 25", List.of("env", "ROUTERLS_JAVA=" + java25, launcher, "lint",
                    "--fail-on", "none", one));
        }
        Map<String, List<Run>> results = new LinkedHashMap<>();
        commands.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int i = 0; i < runs + 2; i++) {
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                Run r = time(c.getValue());
                if (i >= 2) results.get(c.getKey()).add(r); // the first two warm the page cache
            }
        }
        System.out.println();
        System.out.println("cold start, one file, median of " + runs + " runs                   wall ms   cpu ms");
        results.forEach(BatchLintBenchmark::report);
        List<Run> sc = results.get("shellcheck firewall.user");
        for (String jdk : has25 ? List.of("JDK 17 AppCDS", "JDK 25 AOT cache") : List.of("JDK 17 AppCDS")) {
            List<Run> rl = results.get("routerls firewall.user: launcher, " + jdk);
            System.out.printf(Locale.ROOT, "ratio routerls (%s) / shellcheck on firewall.user: %.1fx cpu, %.1fx wall (target: <= 5x)%n",
                    jdk, median(rl, Run::cpu) / median(sc, Run::cpu), median(rl, Run::wall) / median(sc, Run::wall));
        }

        long lines = (long) files * 300;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.println("batch: " + files + " RTX configs x 300 lines = " + lines + " lines, one process, all cores");
        Map<String, List<String>> batchModes = new LinkedHashMap<>();
        batchModes.put("JDK 17, C1 (launcher default)", List.of("env", "ROUTERLS_JAVA=" + java17));
        batchModes.put("JDK 17, C1+C2 (ROUTERLS_FULL_JIT=1)", List.of("env", "ROUTERLS_JAVA=" + java17, "ROUTERLS_FULL_JIT=1"));
        if (has25) batchModes.put("JDK 25, C1 (launcher default)", List.of("env", "ROUTERLS_JAVA=" + java25));
        for (Map.Entry<String, List<String>> mode : batchModes.entrySet()) {
            List<Run> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                List<String> cmd = new ArrayList<>(mode.getValue());
                cmd.addAll(List.of(launcher, "lint", "--format", "compact", "--fail-on", "none", configs.toString()));
                batch.add(time(cmd));
            }
            double wall = Collections.min(batch, (x, y) -> Double.compare(x.wall, y.wall)).wall / 1000;
            double cpu = median(batch, Run::cpu) / 1000;
            long rss = batch.stream().mapToLong(Run::rssKb).max().orElse(0);
            System.out.printf(Locale.ROOT, "  %-36s best wall %5.2f s -> %,8.0f lines/s; median cpu %5.2f s -> %,8.0f lines per cpu-second"
                            + " (%,8.0f lines/s if the %d cores were free); peak RSS %d MB%n",
                    mode.getKey(), wall, lines / wall, cpu, lines / cpu, cores * lines / cpu, cores, rss / 1024);
        }
        System.out.println("targets: >= 200,000 lines/s on 2 cores, RSS <= 512 MB");
        System.out.println("load average after: " + load());
    }

    /**
     * Writes {@code n} 300-line configs that differ from each other: each has its own LAN prefix, so every
     * line that names an address (filters, static NAT, IKE) is unique to its file; PP, tunnel and NAT type
     * lines repeat across files as they do in a real fleet.
     */
    static Path generate(Path dir, int n, int lines) throws IOException {
        Files.createDirectories(dir);
        String base = RtxConfigGenerator.text(lines);
        for (int i = 0; i < n; i++) {
            Path f = dir.resolve(String.format("rtx-%04d.conf", i));
            if (Files.exists(f)) continue;
            String text = base.replace("192.168.100.", "10." + (i / 250) + "." + (i % 250) + ".")
                    .replace("login timer 1800", "login timer " + (600 + i))
                    .replace("203.0.113.", "198.51.100.");
            Files.writeString(f, text, StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static Run time(List<String> command) throws IOException, InterruptedException {
        Path timeOut = Files.createTempFile("bench-time", ".txt");
        Path perfOut = Files.createTempFile("bench-perf", ".txt");
        List<String> cmd = new ArrayList<>();
        if (PERF) cmd.addAll(List.of("perf", "stat", "-x", ",", "-e", "task-clock", "-o", perfOut.toString()));
        cmd.addAll(List.of("/usr/bin/time", "-o", timeOut.toString(), "-f", "%e %U %S %M"));
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        String[] f = Files.readString(timeOut).strip().split("\\s+");
        String[] last = f.length >= 4 ? Arrays.copyOfRange(f, f.length - 4, f.length) : new String[]{"0", "0", "0", "0"};
        double cpu = (Double.parseDouble(last[1]) + Double.parseDouble(last[2])) * 1000;
        if (PERF) {
            for (String line : Files.readAllLines(perfOut)) {
                if (line.contains("task-clock")) cpu = Double.parseDouble(line.split(",")[0]);
            }
        }
        Files.delete(timeOut);
        Files.delete(perfOut);
        return new Run(Double.parseDouble(last[0]) * 1000, cpu, Long.parseLong(last[3]), exit);
    }

    private static boolean perfWorks() {
        try {
            Process p = new ProcessBuilder("perf", "stat", "-x", ",", "-e", "task-clock", "true").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("task-clock") && !out.contains("not supported");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void report(String what, List<Run> runs) {
        System.out.printf(Locale.ROOT, "  %-55s %7.0f  %7.1f%n", what, median(runs, Run::wall), median(runs, Run::cpu));
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
