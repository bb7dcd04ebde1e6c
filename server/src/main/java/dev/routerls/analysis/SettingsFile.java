package dev.routerls.analysis;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.Utf16Columns;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Spelling;
import dev.routerls.grammar.JsonLexer;
import dev.routerls.grammar.JsonParser;
import dev.routerls.rules.RuleInfo;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code .routerls.json} file read for the editor: the settings it gives (as {@link SettingsReader} reads
 * them) and every mistake in it, each at its place: text that is not JSON (then the whole file is ignored),
 * a rule id routerls does not know, a severity that is not one. A mistake is shown, never silently dropped.
 */
public final class SettingsFile {
    /** The words a rule's setting may be. */
    public static final List<String> SEVERITIES = List.of("error", "warning", "info", "hint", "off");

    /**
     * One mistake, under the rule that reports it: {@link SettingsSyntaxRule} when the file is ignored
     * whole, {@link IgnoredSettingRule} when one entry is.
     */
    public record Problem(RuleInfo rule, SourceRange range, String message) {
    }

    public record Read(SettingsReader.Layer layer, List<Problem> problems) {
        public Read {
            problems = List.copyOf(problems);
        }

        /** The mistakes as findings on the settings file at {@code uri}. */
        public List<Diagnostic> findings(String uri) {
            return problems.stream().map(p -> new Diagnostic(p.rule().id(), p.rule().defaultSeverity(), uri, p.range(),
                    p.message())).toList();
        }
    }

    /** Whether a path or URI names a settings file (the analysis reports its mistakes on it). */
    public static boolean isSettingsFile(String pathOrUri) {
        return pathOrUri != null && (pathOrUri.endsWith("/" + SettingsReader.FILE_NAME)
                || pathOrUri.endsWith("\\" + SettingsReader.FILE_NAME) || pathOrUri.equals(SettingsReader.FILE_NAME));
    }

    private SettingsFile() {
    }

    public static Read read(String text) {
        LineIndex lines = new LineIndex(text);
        Utf16Columns columns = Utf16Columns.of(text);
        List<Problem> problems = new ArrayList<>();
        JsonLexer lexer = new JsonLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        JsonParser parser = new JsonParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int column, String msg, RecognitionException e) {
                if (!problems.isEmpty()) return; // one finding for the root cause
                Token t = offending instanceof Token tok ? tok : null;
                SourceRange at = t == null || t.getType() == Token.EOF ? endOf(lines) : range(lines, columns, t);
                String what = t == null || t.getType() == Token.EOF ? "the text ends too early" : "'" + t.getText() + "' is not expected here";
                problems.add(new Problem(SettingsSyntaxRule.INFO, at, "This settings file is not valid JSON (" + what + "), so routerls ignores all of it."
                        + " Correct the JSON; until then the default settings apply."));
            }
        });
        JsonParser.DocumentContext doc = parser.document();
        if (!problems.isEmpty()) return new Read(SettingsReader.Layer.EMPTY, problems);
        JsonParser.ObjectContext root = doc.value().object();
        if (root == null) {
            problems.add(new Problem(SettingsSyntaxRule.INFO, range(lines, columns, doc.value().getStart()),
                    "The settings must be one JSON object, e.g. {\"rules\": {\"yamaha/syntax\": \"warning\"}}; routerls ignores this file."));
            return new Read(SettingsReader.Layer.EMPTY, problems);
        }
        JsonParser.ObjectContext settings = member(root, "routerls").map(JsonParser.ValueContext::object).orElse(root);
        for (String key : List.of("rules", "ruleSeverity")) {
            member(settings, key).map(JsonParser.ValueContext::object).ifPresent(o -> checkRules(o, lines, columns, problems));
        }
        return new Read(SettingsReader.readText(text), problems);
    }

    private static void checkRules(JsonParser.ObjectContext rules, LineIndex lines, Utf16Columns columns, List<Problem> problems) {
        Set<String> known = new TreeSet<>();
        for (RuleInfo r : RuleRegistry.all()) known.add(r.id());
        for (JsonParser.MemberContext m : rules.member()) {
            String id = unquote(m.STRING().getText());
            if (!known.contains(id)) {
                String hint = Spelling.closest(id, known, Math.max(2, id.length() / 4)).map(s -> " Did you mean '" + s + "'?").orElse("");
                problems.add(new Problem(IgnoredSettingRule.INFO, range(lines, columns, m.STRING().getSymbol()), "'" + id + "' is not a routerls rule id,"
                        + " so this setting changes nothing." + hint + " `routerls rules` lists the ids."));
            }
            JsonParser.ValueContext v = m.value();
            boolean ok = v.FALSE() != null || v.STRING() != null && validSeverity(unquote(v.STRING().getText()));
            if (!ok) {
                problems.add(new Problem(IgnoredSettingRule.INFO, range(lines, columns, v.getStart()), v.getText() + " is not a severity, so the rule keeps"
                        + " its default. Use one of " + String.join(", ", SEVERITIES) + "."));
            }
        }
    }

    private static boolean validSeverity(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off")) return true;
        try {
            Severity.parse(t);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<JsonParser.ValueContext> member(JsonParser.ObjectContext o, String key) {
        for (JsonParser.MemberContext m : o.member()) {
            if (unquote(m.STRING().getText()).equals(key)) return Optional.of(m.value());
        }
        return Optional.empty();
    }

    private static String unquote(String s) {
        try {
            return com.google.gson.JsonParser.parseString(s).getAsString();
        } catch (RuntimeException e) {
            return s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
        }
    }

    /** A token's place: the lexer counts code points, the editor UTF-16 units. */
    private static SourceRange range(LineIndex lines, Utf16Columns columns, Token t) {
        int length = columns.text().length();
        return lines.range(Math.min(columns.utf16(t.getStartIndex()), length), Math.min(columns.utf16(t.getStopIndex() + 1), length));
    }

    private static SourceRange endOf(LineIndex lines) {
        int last = lines.lineCount() - 1;
        int len = lines.line(last).length();
        return new SourceRange(last, len, last, len);
    }
}
