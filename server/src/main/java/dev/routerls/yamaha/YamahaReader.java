package dev.routerls.yamaha;

import dev.routerls.core.AnalysisBudget;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Unanalysed;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.catalog.PastedNote;
import dev.routerls.yamaha.catalog.CommandChecker;
import dev.routerls.yamaha.model.ConfigBuilder;
import dev.routerls.yamaha.model.LinePositions;
import dev.routerls.yamaha.model.SelectContext;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.parse.Command;
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
     * were not in the document's cache (for benchmarks); {@code stopped} is the part not read
     * when the analysis budget ran out ({@link AnalysisBudget}); {@code index} is the text's lines, for
     * whatever prints them afterwards (a report) not to split the text again.
     */
    public record Document(YamahaConfig model, DocumentLines logical, int freshlyParsed, Optional<Unanalysed> stopped,
                           LineIndex index) {
        public List<ConfigLine> lines() {
            return logical.lines();
        }

        public List<EmbeddedText> embeddedTexts() {
            return logical.embeddedTexts();
        }

        /** The embedded file content covering a 0-based document line, if any. */
        public Optional<EmbeddedText> embeddedTextAt(int line) {
            return logical.embeddedTextAt(line);
        }

        /** The logical line covering a 0-based document line, if any. */
        public Optional<ConfigLine> lineAt(int line) {
            return logical.lineAt(line);
        }
    }

    private final java.util.function.Supplier<CommandChecker> checkers;
    private final LineCache cache;
    private volatile HeaderMemo lastHeader;

    private record HeaderMemo(String body, Optional<Header> header) {
    }

    /** Lines read between two looks at the cancellation. */
    private static final int CHECK_EVERY = 256;

    /**
     * With the bundled command catalog, loaded when the first YAMAHA document is read (not before: start-up
     * time); lines are shared with the other readers of the bundled catalog in this process.
     */
    public YamahaReader() {
        this(CommandCatalog::standard, new LineCache(true));
    }

    public YamahaReader(CommandChecker checker) {
        this(() -> checker, new LineCache(false));
    }

    private YamahaReader(java.util.function.Supplier<CommandChecker> checkers, LineCache cache) {
        this.checkers = checkers;
        this.cache = cache;
    }

    /**
     * A reader (of the bundled catalog) for documents read once each, as a batch lint reads its files: it
     * shares lines across documents but keeps no document's version for a re-read.
     */
    public static YamahaReader readingEachOnce() {
        return new YamahaReader(CommandCatalog::standard, new LineCache(true, false));
    }

    public Document read(String uri, String text, AnalysisSettings settings) {
        return read(uri, text, settings, Cancellation.NONE);
    }

    /**
     * As {@link #read(String, String, AnalysisSettings)}, stopping with a {@link java.util.concurrent.CancellationException}
     * when {@code cancel} says the result is no longer wanted (a newer version of the document came).
     */
    public Document read(String uri, String text, AnalysisSettings settings, Cancellation cancel) {
        CommandChecker checker = checkers.get();
        LineIndex index = new LineIndex(text);
        LineCache.Session session = cache.open(uri, index);
        List<EmbeddedText> embedded = new ArrayList<>();
        int[] stoppedAt = {-1};
        List<Logical> logical = logicalLines(index, session, embedded, stoppedAt, cancel);
        session.close();
        int read = stoppedAt[0];
        Unanalysed stopped = read < 0 ? null : AnalysisBudget.current().stopped(uri,
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
            Optional<Header> h = header(body);
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
        for (int k = 0; k < logical.size(); k++) {
            if (k % CHECK_EVERY == 0) cancel.check();
            Logical l = logical.get(k);
            for (int i = 0; i <= l.pos.splits().length; i++) {
                int physical = l.pos.firstLine() + i;
                int length = index.lineEndOffset(physical) - index.lineStartOffset(physical);
                if (length > MAX_LINE_LENGTH) {
                    builder.problem(SourceRange.of(physical, MAX_LINE_LENGTH, length),
                            "this line has " + length + " characters; the router accepts at most " + MAX_LINE_LENGTH
                                    + " per command line and rejects the rest. Split the setting or shorten it.");
                }
            }
            ParsedLine p = l.parsed();
            if (l.content() != null && !l.content().terminated() && p.command() instanceof Command.EmbeddedFile f) {
                builder.problem(l.pos.range(f.terminator()), "the embedded file " + f.name().text() + " has no line `"
                        + f.terminatorText() + "` after its content, so the router takes every following line as part"
                        + " of the file and none of them as a command. Add a line `" + f.terminatorText()
                        + "` where the file ends.");
            }
            if (p.error() != null) {
                if (isProse(p)) {
                    builder.pastedNote(l.pos.range(0, l.text.length()));
                } else if (p.firstPlaceholder() == null) { // a template line: its placeholder is reported instead
                    builder.problem(l.pos.range(p.error().start(), p.error().end()),
                            "this line cannot be read as a command: " + p.error().message()
                                    + ". The router would reject it; correct or remove it.");
                }
            }
            SelectContext ctx = builder.accept(l.pos, p);
            lines.add(new ConfigLine(l.pos, p, ctx));
            builder.catalogFindings(l.cached.findings(checker, l.pos, model, revision));
        }
        commentedCommands(logical, builder);
        YamahaConfig config = builder.finish();
        return new Document(config, new DocumentLines(List.copyOf(lines), List.copyOf(embedded)), session.parsed,
                Optional.ofNullable(stopped), index);
    }

    /**
     * The logical lines of the text ({@code index}: its line table) with their select contexts, without the
     * model: what completion needs of a version the analysis has not reached yet. Lines come from the
     * document's cache as for {@link #read} (a keystroke parses one line), and the version read here is the
     * one the next {@link #read} starts from.
     */
    public DocumentLines lines(String uri, LineIndex index, Cancellation cancel) {
        LineCache.Session session = cache.open(uri, index);
        List<EmbeddedText> embedded = new ArrayList<>();
        List<Logical> logical = logicalLines(index, session, embedded, new int[] {-1}, cancel);
        session.close();
        List<ConfigLine> lines = new ArrayList<>(logical.size());
        SelectContext ctx = SelectContext.NONE;
        for (Logical l : logical) {
            ctx = ctx.after(l.parsed());
            lines.add(new ConfigLine(l.pos, l.parsed(), ctx));
        }
        return new DocumentLines(List.copyOf(lines), List.copyOf(embedded));
    }

    // ---- logical lines: wrapped lines re-joined, embedded file content set aside ----

    /** One logical line; {@code content} is set on an embedded file's opener. */
    private record Logical(String text, CachedLine cached, LinePositions pos, EmbeddedText content) {
        ParsedLine parsed() {
            return cached.parsed;
        }
    }

    /**
     * Terminal captures hard-wrap long lines at {@link WrapWidth#COLUMNS}, even inside a word. A line at
     * that width is joined with the next when the join reads cleanly and one of the halves does not. In the
     * header block a comment line is joined with a next line that does not read whatever its width: a dump
     * whose serial or MAC addresses were masked by hand no longer ends its wrapped row at that width.
     * The lines after an {@code embedded file … <<EOF} line, up to a line that is the terminator, are the
     * file's content: they are recorded in {@code embedded} and not read as lines at all.
     */
    /** {@code stoppedAt[0]}: the first line not read when the analysis budget ran out (-1 when all were read). */
    private List<Logical> logicalLines(LineIndex index, LineCache.Session session, List<EmbeddedText> embedded,
                                       int[] stoppedAt, Cancellation cancel) {
        List<Logical> out = new ArrayList<>(index.lineCount());
        int n = index.lineCount();
        boolean header = true; // only comments so far: the show config header, whose lines wrap mid-word
        for (int i = 0; i < n; i++) {
            if (i % CHECK_EVERY == 0) cancel.check();
            if ((i & 511) == 511 && AnalysisBudget.current().spent()) {
                stoppedAt[0] = i;   // the rest is reported as not read
                break;
            }
            CachedLine parsed = session.line(i);
            String text = parsed.parsed.text();
            int first = i;
            List<Integer> splits = null; // most lines are not wrapped
            CachedLine lastPhysical = parsed;
            while (i + 1 < n && (lastPhysical.atWrapWidth || header && isComment(parsed))) {
                CachedLine nextParsed = session.line(i + 1);
                String next = nextParsed.parsed.text();
                if (next.isEmpty()) break;
                if (!bad(parsed) && !bad(nextParsed)) break;
                // below a narrower header comment only a line that reads as no command at all continues it
                if (!lastPhysical.atWrapWidth && !(unreadable(nextParsed) && midWord(next, nextParsed))) break;
                String joined = text + next;
                CachedLine joinedParsed = session.joined(joined);
                if (bad(joinedParsed)) break;
                if (splits == null) splits = new ArrayList<>();
                splits.add(text.length());
                text = joined;
                parsed = joinedParsed;
                lastPhysical = nextParsed;
                i++;
            }
            if (parsed.parsed.command() != null) header = false;
            LinePositions pos = splits == null ? LinePositions.single(first)
                    : new LinePositions(first, splits.stream().mapToInt(Integer::intValue).toArray());
            EmbeddedText content = null;
            if (parsed.parsed.command() instanceof Command.EmbeddedFile f) {
                content = content(index, pos.lastLine(), f.terminatorText());
                embedded.add(content);
                i = content.lastLine();
            }
            out.add(new Logical(text, parsed, pos, content));
        }
        return out;
    }

    /** The model and revision a header comment names; the header is the same from one read to the next. */
    private Optional<Header> header(String commentBody) {
        HeaderMemo m = lastHeader;
        if (m == null || !m.body().equals(commentBody)) {
            m = new HeaderMemo(commentBody, cache.parser().parseHeader(commentBody));
            lastHeader = m;
        }
        return m.header();
    }

    /** The document is closed: what is cached for it goes soon (see {@link LineCache}); lines other documents share stay. */
    public void forget(String uri) {
        cache.forget(uri);
    }

    LineCache lineCache() {
        return cache;
    }

    /** The content after an opener on line {@code opener}: up to the first line that is the terminator. */
    private static EmbeddedText content(LineIndex index, int opener, String terminator) {
        for (int j = opener + 1; j < index.lineCount(); j++) {
            if (index.line(j).strip().equals(terminator)) return new EmbeddedText(opener, j, true);
        }
        return new EmbeddedText(opener, index.lineCount() - 1, false);
    }

    /** A line of prose (a heading, a note in Japanese) that does not start like a command at all. */
    private static boolean isProse(ParsedLine p) {
        return p.wordCount() > 0 && p.error().start() == p.word(0).start() && PastedNote.looksLikeNote(p.word(0).text());
    }

    /**
     * Commands written after {@code #}, as a terminal log shows them after the prompt: when they outnumber
     * both the other comment lines and the real commands, the file reads as comments only.
     */
    private void commentedCommands(List<Logical> logical, ConfigBuilder builder) {
        CommandChecker checker = checkers.get();
        if (checker == CommandChecker.NONE) return;
        int comments = 0, commented = 0, commands = 0;
        for (Logical l : logical) {
            if (l.parsed().command() != null) commands++;
            if (isComment(l.cached) && !l.parsed().commentBody().isBlank()) comments++;
        }
        // commented ones are some of the comments: with no more comments than commands they cannot outnumber
        // the commands, and no comment needs reading as a command (the usual config, first read included)
        if (comments < 2 || comments <= commands) return;
        SourceRange first = null;
        for (Logical l : logical) {
            ParsedLine p = l.parsed();
            if (!isComment(l.cached) || p.commentBody().isBlank()) continue;
            if (!l.cached.commentedCommand(checker, cache.parser()::parse)) continue;
            commented++;
            if (first == null) first = l.pos.range(p.commentStart(), l.text.length());
        }
        if (commented >= 2 && commented * 2 > comments && commented > commands) builder.commentedCommands(first, commented);
    }

    private static boolean isComment(CachedLine line) {
        return line.parsed.isBlankOrComment() && line.parsed.commentStart() >= 0;
    }

    /**
     * A row that goes on inside a word: no indent, ASCII like the header it continues (not prose), and a
     * first word that starts no command ({@code ess=…}, not a mistyped {@code ip lan1 adress …}) and is not
     * a plain word either: header fields are {@code key=value}, addresses and numbers, so the cut-off rest
     * of one holds a digit or punctuation, while a line such as {@code foo bar} is a command nobody knows.
     */
    private boolean midWord(String line, CachedLine parsed) {
        if (Character.isWhitespace(line.charAt(0)) || !line.chars().allMatch(c -> c < 0x80)) return false;
        if (parsed.parsed.wordCount() == 0) return true;
        String first = parsed.parsed.word(0).text();
        return !first.chars().allMatch(Character::isLetter) && !checkers.get().knowsFirstWord(first);
    }

    /** A line that is no command at all: a parse error, or words the catalog knows no command for. */
    private boolean unreadable(CachedLine line) {
        CommandChecker checker = checkers.get();
        return line.parsed.error() != null || line.parsed.command() != null && checker != CommandChecker.NONE
                && line.unknownCommand(checker);
    }

    /** A line that does not read: a parse error, a mis-shaped explicit command, or a command the catalog does not know. */
    private boolean bad(CachedLine line) {
        if (line.parsed.error() != null || line.parsed.shape() != null) return true;
        CommandChecker checker = checkers.get();
        if (line.parsed.command() == null || checker == CommandChecker.NONE) return false;
        return line.unknownCommand(checker);
    }
}
