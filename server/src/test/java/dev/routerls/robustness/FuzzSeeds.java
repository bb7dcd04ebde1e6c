package dev.routerls.robustness;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.routerls.testing.Shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Seed inputs of the fuzz targets, read at run time from the project's samples and from {@code ../shared}
 * (the corpus of other people's configs and libuci's cases are not ours to copy into the repository).
 * {@link #install} puts them into Jazzer's generated-corpus folder before a fuzzing run;
 * {@code FuzzSeedReplayTest} replays them through the targets in every test run.
 */
final class FuzzSeeds {
    private FuzzSeeds() {
    }

    static Path project() {
        return Path.of(System.getProperty("routerls.projectDir", ".."));
    }

    /** YAMAHA configs: samples and the shared corpus. */
    static Map<String, byte[]> yamaha() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files(project().resolve("samples/yamaha"), out);
        files(Shared.root().resolve("corpus/yamaha"), out);
        return out;
    }

    /** UCI files: the sample routers', the shared corpus and libuci's verdict cases. */
    static Map<String, byte[]> uci() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Path router : routers()) files(router.resolve("etc/config"), out);
        files(Shared.root().resolve("corpus/uci"), out);
        out.putAll(libuciCases());
        return out;
    }

    /** firewall.user and rc.local scripts. */
    static Map<String, byte[]> scripts() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Path router : routers()) {
            for (String name : List.of("firewall.user", "rc.local")) {
                Path p = router.resolve("etc").resolve(name);
                if (Files.isRegularFile(p)) out.put(router.getFileName() + "-" + name, read(p));
            }
        }
        files(Shared.root().resolve("corpus/firewall-user"), out);
        return out;
    }

    static Map<String, byte[]> nftables() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Path router : routers()) files(router.resolve("etc/nftables.d"), out);
        return out;
    }

    /** Each sample router as one input: its files in {@link RouterFuzzTest#FILES} order, joined by U+0001. */
    static Map<String, byte[]> routerInputs() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Path router : routers()) {
            StringBuilder sb = new StringBuilder();
            for (String rel : RouterFuzzTest.FILES) {
                if (sb.length() > 0 || !rel.equals(RouterFuzzTest.FILES.get(0))) sb.append(RouterFuzzTest.SEPARATOR);
                Path p = router.resolve("etc").resolve(rel);
                if (Files.isRegularFile(p)) sb.append(new String(read(p), StandardCharsets.UTF_8));
            }
            out.put(router.getFileName().toString(), sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The shapes a FuzzedDataProvider target reads: {@code bytes} with a trailing byte choosing YAMAHA (1) or a router (0). */
    static Map<String, byte[]> withChoice(Map<String, byte[]> yamaha, Map<String, byte[]> routers) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        yamaha.forEach((k, v) -> out.put("yamaha-" + k, append(v, (byte) 1)));
        routers.forEach((k, v) -> out.put("router-" + k, append(v, (byte) 0)));
        return out;
    }

    private static byte[] append(byte[] b, byte last) {
        byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
        out[b.length] = last;
        return out;
    }

    private static List<Path> routers() {
        try (Stream<Path> s = Files.list(project().resolve("samples/openwrt"))) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> libuciCases() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Path cases = Shared.root().resolve("reference/libuci-cases.jsonl.gz");
        if (!Files.isRegularFile(cases)) return out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(cases)),
                StandardCharsets.US_ASCII))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonObject o = JsonParser.parseString(line).getAsJsonObject();
                out.put("libuci-" + o.get("id").getAsString(), Base64.getDecoder().decode(o.get("file_b64").getAsString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void files(Path dir, Map<String, byte[]> out) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.getFileName() + "-" + p.getFileName(), read(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * When Jazzer is about to fuzz (JAZZER_FUZZ set), writes {@code seeds} into the generated-corpus folder
     * of {@code test}'s {@code method}, named by content hash so repeated runs do not duplicate them.
     */
    static void install(Class<?> test, String method, Map<String, byte[]> seeds) {
        String fuzz = System.getenv("JAZZER_FUZZ");
        if (fuzz == null || fuzz.isEmpty()) return;
        Path dir = Path.of(".cifuzz-corpus", test.getName(), method);
        try {
            Files.createDirectories(dir);
            for (byte[] seed : seeds.values()) {
                Path p = dir.resolve("seed-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed)));
                if (!Files.exists(p)) Files.write(p, seed);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
