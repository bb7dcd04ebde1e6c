package dev.routerls.testing;

import dev.routerls.analysis.LanguageDetector;
import dev.routerls.core.SourceFile;
import dev.routerls.core.LanguageId;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The OpenWrt routers of samples/openwrt for tests: as in-memory documents under one fixed root URI (so
 * documents of different samples compare by URI, and single files can be replaced), or copied to a folder.
 */
public final class SampleRouters {
    public static final Path SAMPLES = Path.of(System.getProperty("routerls.projectDir", "..")).resolve("samples/openwrt");
    public static final String ROOT = "file:///router/etc/";

    private SampleRouters() {
    }

    /** The sample's files by path under etc/ (e.g. "config/network", "firewall.user"). */
    public static Map<String, String> texts(String sample) {
        Path etc = SAMPLES.resolve(sample).resolve("etc");
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(etc)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(etc.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static List<SourceFile> files(Map<String, String> texts) {
        List<SourceFile> out = new ArrayList<>();
        texts.forEach((rel, text) -> {
            LanguageId lang = LanguageDetector.detect("/router/etc/" + rel, text);
            if (lang != LanguageId.UNKNOWN) out.add(new SourceFile(ROOT + rel, text, lang, ROOT));
        });
        return out;
    }

    public static List<SourceFile> files(String sample) {
        return files(texts(sample));
    }

    /** The sample with one file's text changed. */
    public static List<SourceFile> edited(String sample, String rel, UnaryOperator<String> change) {
        Map<String, String> t = texts(sample);
        t.put(rel, change.apply(t.get(rel)));
        return files(t);
    }

    public static String uri(String rel) {
        return ROOT + rel;
    }

    /** Copies sample {@code sample} (its etc/ folder and all) to {@code to}; returns {@code to}. */
    public static Path copy(String sample, Path to) throws IOException {
        Path from = SAMPLES.resolve(sample);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }
}
