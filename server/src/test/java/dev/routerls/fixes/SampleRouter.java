package dev.routerls.fixes;

import dev.routerls.analysis.LanguageDetector;
import dev.routerls.analysis.SourceFile;
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
 * An OpenWrt router of samples/openwrt as in-memory documents under one fixed root URI, so documents of
 * different samples can be compared by URI; single files can be replaced for a test.
 */
final class SampleRouter {
    static final Path SAMPLES = Path.of(System.getProperty("routerls.projectDir", "..")).resolve("samples/openwrt");
    static final String ROOT = "file:///router/etc/";

    private SampleRouter() {
    }

    /** The sample's files by path under etc/ (e.g. "config/network", "firewall.user"). */
    static Map<String, String> texts(String sample) {
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

    static List<SourceFile> files(Map<String, String> texts) {
        List<SourceFile> out = new ArrayList<>();
        texts.forEach((rel, text) -> {
            LanguageId lang = LanguageDetector.detect("/router/etc/" + rel, text);
            if (lang != LanguageId.UNKNOWN) out.add(new SourceFile(ROOT + rel, text, lang, ROOT));
        });
        return out;
    }

    static List<SourceFile> files(String sample) {
        return files(texts(sample));
    }

    /** The sample with one file's text changed. */
    static List<SourceFile> edited(String sample, String rel, UnaryOperator<String> change) {
        Map<String, String> t = texts(sample);
        t.put(rel, change.apply(t.get(rel)));
        return files(t);
    }

    static String uri(String rel) {
        return ROOT + rel;
    }
}
