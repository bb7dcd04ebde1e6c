package dev.routerls.yamaha;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.core.AnalysisBudget;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.RuleRunner;
import dev.routerls.rules.yamaha.YamahaRules;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.catalog.CommandChecker;
import dev.routerls.yamaha.model.ConfigBuilder;
import dev.routerls.yamaha.model.LinePositions;
import dev.routerls.yamaha.model.SelectContext;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.parse.Header;
import dev.routerls.yamaha.parse.ParsedLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Entry point for one YAMAHA config: split into lines (re-joining terminal-wrapped ones), parse each line,
 * read the header, check each command against the catalog (parse and catalog findings cached by line text
 * per document, so an edit re-does only the changed lines), build the model and run the {@code yamaha/*}
 * rules. Safe to call from several threads.
 */
public final class YamahaAnalyzer {
    /** The router rejects longer command lines. */
    public static final int MAX_LINE_LENGTH = 4095;

    /**
     * What one analysis produced: the findings, the model, and the logical lines in document order
     * (with their parse results and select contexts) for completion, hover and definition.
     * {@code freshlyParsed} counts the lines that were not in the document's cache (for benchmarks).
     */
    public record Result(List<Diagnostic> diagnostics, YamahaConfig model, List<ConfigLine> lines, int freshlyParsed) {
        /** The logical line covering a 0-based document line, if any. */
        public Optional<ConfigLine> lineAt(int line) {
            int lo = 0, hi = lines.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                ConfigLine l = lines.get(mid);
                if (l.lastLine() < line) lo = mid + 1;
                else if (l.firstLine() > line) hi = mid - 1;
                else return Optional.of(l);
            }
            return Optional.empty();
        }
    }

    private final CommandChecker checker;
    private final LineCache cache = new LineCache();

    public YamahaAnalyzer() {
        this(CommandCatalog.standard());
    }

    public YamahaAnalyzer(CommandChecker checker) {
        this.checker = checker;
    }

    public Result analyze(String uri, String text, AnalysisSettings settings) {
        LineIndex index = new LineIndex(text);
        LineCache.Session session = cache.open(uri);
        List<Logical> logical = joinWrapped(index, session, settings);
        session.close();
        int read = logical.isEmpty() ? 0 : logical.get(logical.size() - 1).pos.lastLine() + 1;
        Diagnostic stopped = read >= index.lineCount() ? null : AnalysisBudget.current().stopped(uri,
                new SourceRange(read, 0, index.lineCount() - 1, index.line(index.lineCount() - 1).length()),
                "lines " + (read + 1) + " to " + index.lineCount() + " were not read, so their commands are not checked"
                        + " and findings about the whole config (references, limits) count only the lines before.");

        // header: the first comment naming a model and revision before any command
        String headerModel = null, headerRevision = null;
        SourceRange headerRange = null;
        for (Logical l : logical) {
            if (!l.parsed().isBlankOrComment()) break;
            String body = l.parsed().commentBody();
            if (body == null) continue;
            Optional<Header> h = cache.parser().parseHeader(body);
            if (h.isPresent()) {
                headerModel = h.get().model();
                headerRevision = h.get().revision();
                headerRange = l.pos.range(l.parsed().commentStart(), l.text.length());
                break;
            }
        }
        String model = headerModel, revision = headerRevision;
        if (settings.model().isPresent()) {
            model = settings.model().get();
            if (headerModel == null || !headerModel.equalsIgnoreCase(model)) revision = null;
        }

        ConfigBuilder builder = new ConfigBuilder(model, revision, headerRange);
        List<ConfigLine> lines = new ArrayList<>(logical.size());
        List<CatalogFinding> catalog = new ArrayList<>();
        List<YamahaConfig.SyntaxProblem> problems = new ArrayList<>();
        for (Logical l : logical) {
            for (int i = 0; i <= l.pos.splits().length; i++) {
                int physical = l.pos.firstLine() + i;
                int length = index.line(physical).length();
                if (length > MAX_LINE_LENGTH) {
                    problems.add(new YamahaConfig.SyntaxProblem(SourceRange.of(physical, MAX_LINE_LENGTH, length),
                            "this line has " + length + " characters; the router accepts at most " + MAX_LINE_LENGTH
                                    + " per command line and rejects the rest. Split the setting or shorten it."));
                }
            }
            ParsedLine p = l.parsed();
            if (p.error() != null) {
                problems.add(new YamahaConfig.SyntaxProblem(l.pos.range(p.error().start(), p.error().end()),
                        "this line cannot be read as a command: " + p.error().message()
                                + ". The router would reject it; correct or remove it."));
            }
            SelectContext ctx = builder.accept(l.pos, p);
            lines.add(new ConfigLine(l.pos, p, ctx));
            catalog.addAll(l.cached.findings(checker, l.pos, model, revision));
        }
        YamahaConfig config = builder.finish();
        config.syntaxProblems.addAll(0, problems);
        config.catalogFindings.addAll(catalog);
        config.looseFilterUses.addAll(builder.looseFilterUses());

        List<Diagnostic> diagnostics = RuleRunner.run(YamahaRules.rules(), config, uri, settings);
        if (stopped != null && settings.enabled(stopped.ruleId())) diagnostics.add(settings.apply(stopped));
        return new Result(List.copyOf(diagnostics), config, List.copyOf(lines), session.parsed);
    }

    // ---- wrapped lines ----

    private record Logical(String text, CachedLine cached, LinePositions pos) {
        ParsedLine parsed() {
            return cached.parsed;
        }
    }

    /**
     * Terminal captures hard-wrap long lines at {@link WrapWidth#COLUMNS}, even inside a word. A line at
     * that width is joined with the next when the join reads cleanly and one of the halves does not.
     */
    private List<Logical> joinWrapped(LineIndex index, LineCache.Session session, AnalysisSettings settings) {
        List<Logical> out = new ArrayList<>(index.lineCount());
        int n = index.lineCount();
        for (int i = 0; i < n; i++) {
            if ((i & 511) == 511 && AnalysisBudget.current().spent()) break;   // the rest is reported as not read
            String text = index.line(i);
            CachedLine parsed = session.get(text);
            int first = i;
            List<Integer> splits = null; // most lines are not wrapped
            String lastPhysical = text;
            while (i + 1 < n && WrapWidth.atWrapWidth(lastPhysical)) {
                String next = index.line(i + 1);
                if (next.isEmpty()) break;
                CachedLine nextParsed = session.get(next);
                if (!bad(parsed) && !bad(nextParsed)) break;
                String joined = text + next;
                CachedLine joinedParsed = session.get(joined);
                if (bad(joinedParsed)) break;
                if (splits == null) splits = new ArrayList<>();
                splits.add(text.length());
                text = joined;
                parsed = joinedParsed;
                lastPhysical = next;
                i++;
            }
            out.add(new Logical(text, parsed, splits == null ? LinePositions.single(first)
                    : new LinePositions(first, splits.stream().mapToInt(Integer::intValue).toArray())));
        }
        return out;
    }

    /** A line that does not read: a parse error, or a command the catalog does not know. */
    private boolean bad(CachedLine line) {
        if (line.parsed.error() != null) return true;
        if (line.parsed.command() == null || checker == CommandChecker.NONE) return false;
        return line.unknownCommand(checker);
    }
}
