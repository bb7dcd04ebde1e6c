package dev.routerls.analysis;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceFile;
import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciProblem;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.yamaha.parse.ParsedLine;
import dev.routerls.yamaha.parse.Word;

import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of a document as they may be printed: secret values (passwords, pre-shared keys) replaced by
 * {@link Word#MASK}. YAMAHA secrets come from the parser, which already flags them (also across
 * terminal-wrapped lines); UCI secrets are the values of options named like passwords and keys. A line the
 * parser cannot read may hold a secret in a place no rule recognises, so everything after its first word
 * is masked.
 */
public final class SecretMask {
    private final LineIndex lines;
    /** Per line: column spans to mask, as [start, end) pairs; end = -1 means to the end of the line. */
    private final Map<Integer, List<int[]>> spans = new HashMap<>();
    /** Lines no parser could read: their first word is kept by {@link #line}, but it may itself be a secret. */
    private final java.util.Set<Integer> unreadable = new java.util.HashSet<>();

    private SecretMask(String text) {
        this(new LineIndex(text));
    }

    private SecretMask(LineIndex lines) {
        this.lines = lines;
    }

    /** The mask of a YAMAHA document already analysed (saves reading it again, and splitting it into lines). */
    public static SecretMask of(YamahaAnalyzer.Result analysed, String text) {
        LineIndex read = analysed.document().index();
        SecretMask m = read.text().equals(text) ? new SecretMask(read) : new SecretMask(text);
        m.yamaha(analysed);
        return m;
    }

    /**
     * The mask of {@code file}'s text. A UCI file is read as libuci reads it in the encoding it is stored in,
     * as the analysis reads it: in Shift_JIS a character's second byte may be a backslash to libuci, so a
     * UTF-8 reading of the same text can see other values (and miss a secret the findings point at).
     */
    public static SecretMask of(SourceFile file) {
        SecretMask m = new SecretMask(file.text());
        switch (file.language()) {
            case YAMAHA_RTX -> m.yamaha(file.uri(), file.text());
            case OPENWRT_UCI -> m.uci(UciReader.read(file.uri(), file.text(), file.encoding()));
            default -> { }
        }
        return m;
    }

    /** Line {@code i} (0-based) with its secrets masked. */
    public String line(int i) {
        String text = lines.line(i);
        List<int[]> s = spans.get(i);
        if (s == null) return text;
        boolean[] hidden = new boolean[text.length()];
        for (int[] span : s) {
            int end = span[1] < 0 ? text.length() : Math.min(span[1], text.length());
            for (int c = Math.max(0, span[0]); c < end; c++) hidden[c] = true;
        }
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < text.length(); c++) {
            if (!hidden[c]) {
                sb.append(text.charAt(c));
            } else if (c == 0 || !hidden[c - 1]) {
                sb.append(Word.MASK);
            }
        }
        return sb.toString();
    }

    /** Every line, masked. */
    public List<String> lines() {
        List<String> out = new ArrayList<>(lineCount());
        for (int i = 0; i < lineCount(); i++) out.add(line(i));
        return out;
    }

    public int lineCount() {
        return lines.lineCount();
    }

    private void hide(SourceRange r) {
        for (int l = r.startLine(); l <= r.endLine(); l++) {
            int from = l == r.startLine() ? r.startColumn() : 0;
            int to = l == r.endLine() ? r.endColumn() : -1;
            spans.computeIfAbsent(l, k -> new ArrayList<>()).add(new int[]{from, to});
        }
    }

    /**
     * True when line {@code i} could not be read, so even the word {@link #line} keeps may be a secret
     * written where a command was expected: outputs that quote source lines leave such lines out.
     */
    public boolean unreadable(int i) {
        return unreadable.contains(i);
    }

    private void hideAfterFirstWord(int line) {
        unreadable.add(line);
        String text = lines.line(line);
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) i++;
        if (i < text.length()) spans.computeIfAbsent(line, k -> new ArrayList<>()).add(new int[]{i, -1});
    }

    private void yamaha(String uri, String text) {
        yamaha(new YamahaAnalyzer().analyze(uri, text, AnalysisSettings.DEFAULT));
    }

    private void yamaha(YamahaAnalyzer.Result r) {
        for (ConfigLine l : r.lines()) {
            ParsedLine p = l.parsed();
            for (int w = 0; w < p.wordCount(); w++) {
                if (p.secret(w)) hide(l.positions().range(p.word(w)));
            }
            if (p.error() != null) {
                for (int line = l.firstLine(); line <= l.lastLine(); line++) hideAfterFirstWord(line);
            }
        }
        // what the syntax rule reports, read from the model so rule settings cannot unmask it
        List<SourceRange> unreadable = new ArrayList<>();
        r.model().syntaxProblems().forEach(p -> unreadable.add(p.range()));
        r.model().catalogFindings().forEach(f -> unreadable.add(f.range()));
        for (SourceRange u : unreadable) {
            for (int line = u.startLine(); line <= u.endLine(); line++) hideAfterFirstWord(line);
        }
    }

    private void uci(UciFile f) {
        for (UciSection s : Stream.concat(f.sections().stream(), f.brokenSections().stream()).toList()) {
            for (UciOption o : s.options()) {
                if (o.isSecret()) hide(o.value().range());
            }
        }
        for (UciProblem p : f.problems()) {
            for (int line = p.range().startLine(); line <= p.range().endLine(); line++) hideAfterFirstWord(line);
        }
    }
}
