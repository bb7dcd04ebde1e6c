package dev.routerls.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Start-up and batch throughput of {@code bin/routerls}, side by side in one run (figures, not a test):
 * <ol>
 *   <li>cold lint of one file through the launcher vs {@code shellcheck} on the same firewall.user (and
 *       routerls on one 300-line RTX config), median of N runs each, interleaved so load hits both alike;</li>
 *   <li>lines per second and peak RSS linting 1,000 generated 300-line RTX configs in one process.</li>
 * </ol>
 * Wall time and CPU time (user + sys) come from GNU time for every run; the machine's load average is
 * printed before and after, since a shared machine inflates wall time. Run after {@code mvn package}:
 * <pre>java -cp server/target/test-classes:server/target/routerls.jar dev.routerls.bench.BatchLintBenchmark [runs] [files]</pre>
 * ROUTERLS_JAVA picks the JVM the launcher uses (e.g. a JDK 25 for its AOT cache).
 */
public final class BatchLintBenchmark {
    private static final Path PROJECT = Path.of(System.getProperty("routerls.projectDir", ".")).toAbsolutePath().normalize();

    private record Run(double wall, double cpu, long rssKb, int exit) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path launcher = PROJECT.resolve("bin/routerls");
        Path work = PROJECT.resolve("server/target/bench-lint");
        Files.createDirectories(work);
        Path script = PROJECT.resolve("samples/openwrt/good/etc/firewall.user");
        Path configs = generate(work.resolve("configs-v2"), files, 300);
        Path one = configs.resolve("rtx-0000.conf");
        System.out.printf("routerls batch-lint benchmark — %d cores, load average %s%n",
                Runtime.getRuntime().availableProcessors(), load());
        System.out.println("JVM for the launcher: " + System.getenv().getOrDefault("ROUTERLS_JAVA", "java on the PATH"));

        String jar = PROJECT.resolve("server/target/routerls.jar").toString();
        String aotJava = System.getProperty("routerls.aotJava", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        boolean aot = Files.isExecutable(Path.of(aotJava));
        List<Run> rlUser = new ArrayList<>(), rlRtx = new ArrayList<>(), sc = new ArrayList<>(), plain = new ArrayList<>(),
                rl25 = new ArrayList<>();
        for (int i = 0; i < runs + 2; i++) {
            Run a = time(launcher.toString(), "lint", "--fail-on", "none", script.toString());
            Run b = time("shellcheck", script.toString());
            Run c = time(launcher.toString(), "lint", "--fail-on", "none", one.toString());
            Run d = time("java", "-jar", jar, "lint", "--fail-on", "none", script.toString());
            Run e = aot ? time(List.of("env", "ROUTERLS_JAVA=" + aotJava), launcher.toString(), "lint", "--fail-on", "none",
                    script.toString()) : null;
            if (i < 2) continue; // warm the page cache and the launcher's archives
            rlUser.add(a);
            sc.add(b);
            rlRtx.add(c);
            plain.add(d);
            if (e != null) rl25.add(e);
        }
        System.out.println();
        System.out.println("cold start, one file, median of " + runs + " runs                wall ms   cpu ms");
        report("shellcheck firewall.user", sc);
        report("routerls firewall.user: java -jar (no archive)", plain);
        report("routerls firewall.user: launcher, JDK 17 AppCDS", rlUser);
        if (aot) report("routerls firewall.user: launcher, JDK 25 AOT cache", rl25);
        report("routerls 300-line RTX config: launcher, JDK 17", rlRtx);
        System.out.printf(Locale.ROOT, "ratio routerls/shellcheck on firewall.user: %.1fx wall, %.1fx cpu (target: <= 5x)%n",
                median(rlUser, Run::wall) / median(sc, Run::wall), median(rlUser, Run::cpu) / median(sc, Run::cpu));

        long lines = (long) files * 300;
        System.out.println();
        System.out.println("batch: " + files + " RTX configs x 300 lines = " + lines + " lines, one process, all cores");
        for (String mode : new String[]{"C1 (launcher default)", "C1+C2 (ROUTERLS_FULL_JIT=1)"}) {
            List<Run> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(time(mode.startsWith("C1+C2") ? List.of("env", "ROUTERLS_FULL_JIT=1") : List.of(),
                        launcher.toString(), "lint", "--format", "compact", "--fail-on", "none", configs.toString()));
            }
            Run best = Collections.min(batch, (x, y) -> Double.compare(x.wall, y.wall));
            long rss = batch.stream().mapToLong(Run::rssKb).max().orElse(0);
            System.out.printf(Locale.ROOT, "  %-30s best of 3: %6.2f s wall, %6.2f s cpu -> %,9.0f lines/s (wall), %,9.0f lines/s per cpu-second; peak RSS %d MB%n",
                    mode, best.wall, best.cpu, lines / best.wall, lines / best.cpu, rss / 1024);
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

    private static Run time(String... command) throws IOException, InterruptedException {
        return time(List.of(), command);
    }

    private static Run time(List<String> prefix, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bench-time", ".txt");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("/usr/bin/time", "-o", out.toString(), "-f", "%e %U %S %M"));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        String[] f = Files.readString(out).strip().split("\\s+");
        Files.delete(out);
        String[] last = f.length >= 4 ? java.util.Arrays.copyOfRange(f, f.length - 4, f.length) : new String[]{"0", "0", "0", "0"};
        return new Run(Double.parseDouble(last[0]), Double.parseDouble(last[1]) + Double.parseDouble(last[2]),
                Long.parseLong(last[3]), exit);
    }

    private static void report(String what, List<Run> runs) {
        System.out.printf(Locale.ROOT, "  %-52s %7.0f  %7.0f%n", what, median(runs, Run::wall) * 1000, median(runs, Run::cpu) * 1000);
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
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
