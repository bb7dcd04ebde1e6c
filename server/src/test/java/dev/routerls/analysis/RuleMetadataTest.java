package dev.routerls.analysis;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceFile;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;
import dev.routerls.testing.RegisteredFindings;
import dev.routerls.testing.Shared;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule metadata tells the truth: every rule documents itself, its bad example makes it fire (with a
 * fix when it says it has one), its good example keeps it quiet, and every finding on the samples, the
 * shared corpus and the examples has a registered id and its rule's severity.
 */
class RuleMetadataTest {

    /** The files of an example as documents under one router root, read the way the CLI reads files. */
    static List<SourceFile> files(Example e) {
        List<SourceFile> out = new ArrayList<>();
        for (Example.File f : e.files()) {
            LanguageId lang = LanguageDetector.detect("/example/" + f.path(), f.text());
            String root = f.path().startsWith("etc/") ? "file:///example/etc/" : null;
            out.add(new SourceFile("file:///example/" + f.path(), f.text(), lang, root));
        }
        return out;
    }

    static List<Diagnostic> analyze(Example e) {
        return new Analyzer().analyze(files(e), AnalysisSettings.DEFAULT).values().stream()
                .flatMap(List::stream).toList();
    }

    @Test
    void idsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (RuleInfo r : RuleRegistry.all()) {
            assertTrue(seen.add(r.id()), r.id());
            assertTrue(r.id().matches("(yamaha|openwrt|routerls)/[a-z0-9]+(-[a-z0-9]+)*"), r.id());
            assertFalse(r.summary().isBlank(), r.id());
            assertTrue(r.rationale().length() > 80, r.id() + " needs a rationale");
            assertFalse(r.tags().isEmpty(), r.id() + " needs tags");
        }
    }

    @TestFactory
    Stream<DynamicTest> badExampleFiresAndGoodExampleDoesNot() {
        // routerls/* are the engine's own findings (an internal failure, a spent time budget): no config triggers them
        return RuleRegistry.all().stream().filter(r -> !r.id().equals(InternalFailure.INFO.id()) && !r.id().equals(AnalysisStopped.INFO.id()))
                .map(r -> DynamicTest.dynamicTest(r.id(), () -> {
                    assertTrue(r.bad().isPresent() && r.good().isPresent(), r.id() + " needs a bad and a good example");
                    List<Diagnostic> bad = analyze(r.bad().get());
                    RegisteredFindings.check(bad);
                    List<Diagnostic> mine = bad.stream().filter(d -> d.ruleId().equals(r.id())).toList();
                    assertFalse(mine.isEmpty(), r.id() + ": the bad example does not fire; got " + bad);
                    boolean fixed = mine.stream().anyMatch(d -> !d.fixes().isEmpty());
                    assertEquals(r.fixable(), fixed, r.id() + ": fixable says " + r.fixable() + " but the findings "
                            + (fixed ? "offer" : "offer no") + " fix");
                    List<Diagnostic> good = analyze(r.good().get());
                    RegisteredFindings.check(good);
                    // shown as the right way to write it, so no rule at all may object
                    assertEquals(List.of(), good, r.id() + ": the good example has findings");
                }));
    }

    @Test
    void everyFindingOnSamplesAndCorpusIsRegisteredWithItsSeverity() throws IOException {
        List<Path> roots = new ArrayList<>(List.of(Path.of(System.getProperty("routerls.projectDir", "..")).resolve("samples")));
        Path shared = Shared.root();
        for (String sub : new String[]{"corpus", "seeds"}) {
            if (Files.isDirectory(shared.resolve(sub))) roots.add(shared.resolve(sub));
        }
        List<String> problems = new ArrayList<>();
        int files = 0;
        for (Path root : roots) {
            List<SourceFile> docs = new ArrayList<>();
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    if (Files.size(p) > 4_000_000) continue;
                    String text = dev.routerls.core.TextDecoder.decode(Files.readAllBytes(p));
                    LanguageId lang = LanguageDetector.detect(p.toString(), text);
                    if (lang == LanguageId.UNKNOWN) continue;
                    Path routerRoot = RouterLocator.rootOf(p);
                    docs.add(new SourceFile(p.toUri().toString(), text, lang,
                            routerRoot == null ? null : routerRoot.toUri().toString()));
                }
            }
            files += docs.size();
            Map<String, List<Diagnostic>> result = new Analyzer().analyze(docs, AnalysisSettings.DEFAULT);
            result.forEach((uri, ds) -> RegisteredFindings.violations(ds).forEach(v -> problems.add(uri + ": " + v)));
        }
        assertTrue(files > 20, "too few files found: " + files);
        assertTrue(problems.isEmpty(), problems.stream().limit(30).collect(Collectors.joining("\n")));
    }
}
