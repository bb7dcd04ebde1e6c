package dev.routerls.robustness;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.BeforeAll;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.Severity;
import dev.routerls.core.edit.EncodedText;
import dev.routerls.analysis.FixEngine;
import dev.routerls.core.edit.OffsetEdit;
import dev.routerls.testing.SampleRouters;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of {@code fix}: a YAMAHA config, or an OpenWrt router whose files are split at
 * U+0001 as in {@link RouterFuzzTest}, is fixed by the engine {@code routerls fix} runs. Then: no rule has
 * more error findings than before; every pass changes only the bytes of its own edits (the file's bytes
 * before the first and after the last edit are untouched, whatever the charset); and fixing the fixed
 * files again changes nothing.
 */
class FixFuzzTest {
    @BeforeAll
    static void seeds() {
        FuzzSeeds.install(FixFuzzTest.class, "fix", FuzzSeeds.withChoice(FuzzSeeds.yamaha(), FuzzSeeds.routerInputs()));
    }

    @FuzzTest(maxDuration = "30s")
    void fix(FuzzedDataProvider data) {
        check(data);
    }

    static void check(FuzzedDataProvider data) {
        boolean yamaha = data.consumeBoolean();
        check(yamaha, data.consumeRemainingAsBytes());
    }

    /** {@code input} is a YAMAHA config, or a router's files joined by U+0001. */
    static void check(boolean yamaha, byte[] input) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        List<SourceFile> files = new ArrayList<>();
        if (yamaha) {
            bytes.put("file:///fuzz/router.conf", input);
        } else {
            String[] parts = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1).split("\u0001", -1);
            for (int i = 0; i < RouterFuzzTest.FILES.size() && i < parts.length; i++) {
                bytes.put(SampleRouters.uri(RouterFuzzTest.FILES.get(i)), parts[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        Map<String, EncodedText> originals = new LinkedHashMap<>();
        bytes.forEach((uri, b) -> {
            EncodedText t = EncodedText.of(b);
            originals.put(uri, t);
            LanguageId language = uri.endsWith(".conf") ? LanguageId.YAMAHA_RTX : uri.endsWith(".nft") ? LanguageId.OPENWRT_NFTABLES
                    : uri.endsWith("firewall.user") ? LanguageId.OPENWRT_FIREWALL_USER : LanguageId.OPENWRT_UCI;
            files.add(new SourceFile(uri, t.text(), language, yamaha ? null : SampleRouters.ROOT));
        });
        FixEngine engine = new FixEngine();
        FixEngine.Options editable = new FixEngine.Options(r -> true, u -> originals.get(u) != null && originals.get(u).writable(),
                FixEngine.DEFAULT_PASSES);
        FixEngine.Outcome first = engine.run(files, AnalysisSettings.DEFAULT, editable);

        Map<String, Integer> errorsBefore = errors(new dev.routerls.analysis.Analyzer().analyze(files, AnalysisSettings.DEFAULT));
        errors(first.remaining()).forEach((rule, n) -> {
            if (n > errorsBefore.getOrDefault(rule, 0)) {
                throw new AssertionError("fix added " + rule + " errors: " + errorsBefore.getOrDefault(rule, 0) + " before, " + n
                        + " after\n" + first.remaining());
            }
        });

        List<SourceFile> fixed = new ArrayList<>();
        for (SourceFile f : files) {
            EncodedText t = originals.get(f.uri());
            for (Map<String, List<OffsetEdit>> pass : first.passes()) {
                List<OffsetEdit> edits = pass.get(f.uri());
                if (edits == null) continue;
                EncodedText next;
                try {
                    next = t.apply(edits);
                } catch (CharacterCodingException e) {
                    next = null; // `fix` refuses to write such a file; nothing to compare
                }
                if (next == null) break;
                untouchedOutside(t, next, edits, f.uri());
                t = next;
            }
            fixed.add(new SourceFile(f.uri(), first.texts().get(f.uri()), f.language(), f.routerRoot()));
        }
        FixEngine.Outcome second = engine.run(fixed, AnalysisSettings.DEFAULT, editable);
        if (!second.passes().isEmpty()) {
            throw new AssertionError("a second fix changed the fixed files: " + second.applied().stream()
                    .map(a -> a.finding().ruleId() + " " + a.title()).toList());
        }
    }

    private static Map<String, Integer> errors(Map<String, List<Diagnostic>> findings) {
        Map<String, Integer> out = new HashMap<>();
        findings.values().forEach(ds -> ds.stream().filter(d -> d.severity() == Severity.ERROR)
                .forEach(d -> out.merge(d.ruleId(), 1, Integer::sum)));
        return out;
    }

    /** The bytes before the first edit and after the last one are the original bytes. */
    private static void untouchedOutside(EncodedText before, EncodedText after, List<OffsetEdit> edits, String uri) {
        if (edits.isEmpty()) return;
        byte[] a = before.bytes(), b = after.bytes();
        String text = before.text();
        int head = encodedLength(before, text.substring(0, edits.get(0).start())) + (a.length - encodedLength(before, text));
        int tail = encodedLength(before, text.substring(edits.get(edits.size() - 1).end()));
        for (int i = 0; i < head; i++) {
            if (i >= b.length || a[i] != b[i]) throw new AssertionError(uri + ": byte " + i + " before the first edit changed");
        }
        for (int i = 1; i <= tail; i++) {
            if (b.length - i < 0 || a[a.length - i] != b[b.length - i]) {
                throw new AssertionError(uri + ": byte " + (a.length - i) + " after the last edit changed");
            }
        }
    }

    /** Bytes of {@code s} in the file's charset (a byte-order mark is the difference of the whole text's length). */
    private static int encodedLength(EncodedText file, String s) {
        return s.getBytes(file.charset()).length;
    }
}
