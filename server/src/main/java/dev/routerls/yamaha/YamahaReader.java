package dev.routerls.yamaha;

import dev.routerls.core.AnalysisBudget;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
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
 * Reads one YAMAHA config into its model: split into lines (re-joining terminal-wrapped ones), parse each
 * line, read the header, check each command against the catalog (parse and catalog findings cached by line
 * text per document, so an edit re-does only the changed lines) and build the model. The rules run on the
 * result elsewhere ({@code analysis.YamahaAnalyzer}). Safe to call from several threads.
 */
public final class YamahaReader {
    /** The router rejects longer command lines. */
    public static final int MAX_LINE_LENGTH = 4095;

    /**
     * What one read produced: the model, and the logical lines in document order (with their parse results
     * and select contexts) for completion, hover and definition. {@code freshlyParsed} counts the lines that
     * were not in the document's cache (for benchmarks); {@code stopped} is the finding for the lines not read
     * when the analysis budget ran out ({@link AnalysisBudget}).
     */
    public record Document(YamahaConfig model, List<ConfigLine> lines, int freshlyParsed, Optional<Diagnostic> stopped) {
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

    private final java.util.function.Supplier<CommandChecker> checkers;
    private final LineCache cache;

    /**
     * With the bundled command catalog, loaded when the first YAMAHA document is read (not before: start-up
     * time); lines are shared with the other readers of the bundled catalog in this process.
     */
    public YamahaReader() {
        this.checkers = CommandCatalog::standard;
        this.cache = new LineCache(true);
    }

    public YamahaReader(CommandChecker checker) {
        this.checkers = () -> checker;
        this.cache = new LineCache(false);
    }

    public Document read(String uri, String text, AnalysisSettings settings) {
        CommandChecker checker = checkers.get();
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
        for (Logical l : logical) {
            for (int i = 0; i <= l.pos.splits().length; i++) {
                int physical = l.pos.firstLine() + i;
                int length = index.line(physical).length();
                if (length > MAX_LINE_LENGTH) {
                    builder.problem(SourceRange.of(physical, MAX_LINE_LENGTH, length),
                            "this line has " + length + " characters; the router accepts at most " + MAX_LINE_LENGTH
                                    + " per command line and rejects the rest. Split the setting or shorten it.");
                }
            }
            ParsedLine p = l.parsed();
            if (p.error() != null) {
                builder.problem(l.pos.range(p.error().start(), p.error().end()),
                        "this line cannot be read as a command: " + p.error().message()
                                + ". The router would reject it; correct or remove it.");
            }
            SelectContext ctx = builder.accept(l.pos, p);
            lines.add(new ConfigLine(l.pos, p, ctx));
            builder.catalogFindings(l.cached.findings(checker, l.pos, model, revision));
        }
        YamahaConfig config = builder.finish();
        return new Document(config, List.copyOf(lines), session.parsed, Optional.ofNullable(stopped));
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
        CommandChecker checker = checkers.get();
        if (line.parsed.command() == null || checker == CommandChecker.NONE) return false;
        return line.unknownCommand(checker);
    }
}
