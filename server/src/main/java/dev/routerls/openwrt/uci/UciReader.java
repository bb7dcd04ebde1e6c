package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.core.Spelling;
import dev.routerls.core.TextEncoding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a UCI file into a {@link UciFile} exactly as libuci's parser reads it, with libuci's messages.
 *
 * <p>libuci's reader is not a grammar over tokens: it works in a line buffer that it edits while it
 * reads (an unquoted value that ends at {@code ;} overwrites the {@code ;}, so the rest of the line is
 * lost, while a quoted one does not), splits the command word at blanks only but arguments at any white
 * space, and inherits {@code fgets}' handling of NUL bytes. Whether a file is accepted, and what values
 * it holds, depends on those details, so this class replays that reading byte by byte over
 * {@link UciLineBuffer} (verified against libuci's verdicts on thousands of files, see the tests).
 *
 * <p>Where libuci gives up on the whole file at the first error, this reader drops the rest of that
 * logical line, as libuci's non-strict mode does, and goes on, so the rest of the file is still
 * analysed; after a quote that never closes it resumes on the line after the opening quote. Options that
 * follow a section header it cannot read go to a broken section that no rule reads (one finding, no
 * cascade).
 */
public final class UciReader {
    private static final String REJECTS = "; libuci refuses to load the whole file until this is fixed";

    private final UciSource source;
    private final UciLineBuffer lb;
    private final List<UciSection> sections = new ArrayList<>();
    private final List<UciSection> broken = new ArrayList<>();
    /** Sections by the name libuci looks them up by (anonymous ones by the name libuci generates). */
    private final Map<String, UciSection> byName = new HashMap<>();
    private final Map<String, Integer> typeCounts = new LinkedHashMap<>();
    private final List<UciProblem> problems = new ArrayList<>();
    /** The section options go to: a real one, a broken one, or none before the first header. */
    private UciSection current;
    private int pos;

    /** libuci's error: what it says, and the place routerls points at. */
    private static final class ParseError extends RuntimeException {
        final String reason;
        final SourceRange range;
        final String detail;
        /** For an unclosed quote: the file offset of the quote, to resume after its line. */
        final int openQuote;

        ParseError(String reason, String detail, SourceRange range, int openQuote) {
            super(reason, null, false, false);
            this.reason = reason;
            this.detail = detail;
            this.range = range;
            this.openQuote = openQuote;
        }
    }

    /** One argument: where it starts in the buffer, its bytes, and the file bytes it was read from. */
    private record Arg(int bufStart, byte[] bytes, int fileStart, int fileEnd) {
        boolean isEmpty() {
            return bytes.length == 0;
        }
    }

    private UciReader(UciSource source) {
        this.source = source;
        this.lb = new UciLineBuffer(source.bytes());
    }

    /** Reads {@code text}; the package is the file's name under /etc/config (see {@link #packageNameOf}). */
    public static UciFile read(String uri, String text) {
        return read(uri, packageNameOf(uri), UciSource.of(text));
    }

    /** Reads text that was decoded from a file stored as {@code encoding}. */
    public static UciFile read(String uri, String text, TextEncoding encoding) {
        return read(uri, packageNameOf(uri), UciSource.of(text, encoding));
    }

    public static UciFile read(String uri, String packageName, String text) {
        return read(uri, packageName, UciSource.of(text));
    }

    public static UciFile read(String uri, String packageName, UciSource source) {
        UciReader r = new UciReader(source);
        r.run();
        return new UciFile(uri, packageName, r.sections, r.problems, r.broken);
    }

    /** The package a file holds: its base name, without an extension such as {@code .config}. */
    public static String packageNameOf(String uriOrPath) {
        String p = uriOrPath == null ? "" : uriOrPath.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    // ------------------------------------------------------------------------------------------ driver

    private void run() {
        while (!lb.atEof()) {
            pos = 0;
            lb.readLine(0);
            if (lb.at(0) == 0) continue;
            try {
                line();
            } catch (ParseError e) {
                problems.add(new UciProblem(e.reason + e.detail + REJECTS, e.range, true));
                if (e.openQuote >= 0) lb.continueAt(lb.nextLineStart(e.openQuote));
            }
        }
        for (int[] span : lb.hiddenByNul()) nulWarning(span);
    }

    /** One logical line: commands one after another, as long as each ends with an empty extra argument. */
    private void line() {
        skipWhitespace();
        while (true) {
            int start = pos;
            while (isBlank(lb.at(start))) start++;
            if (lb.at(start) == 0) return;
            int end = start;
            while (lb.at(end) != 0 && !isBlank(lb.at(end))) end++;
            if (lb.at(end) != 0) lb.set(end, (byte) 0);
            byte[] word = wordBytes(start, end);
            if (word[0] == '#') return;
            switch (keyword(word)) {
                case "package" -> packageCommand(start, end);
                case "config" -> configCommand(start, end);
                case "option" -> optionCommand(start, end, false);
                case "list" -> optionCommand(start, end, true);
                default -> invalidCommand(word, start, end);
            }
        }
    }

    private byte[] wordBytes(int start, int end) {
        byte[] w = new byte[end - start];
        for (int i = start; i < end; i++) w[i - start] = lb.at(i);
        return w;
    }

    /** The command a word names ("config" for "c" and "config"), or "" when it names none. */
    private static String keyword(byte[] w) {
        String s = new String(w, StandardCharsets.ISO_8859_1);
        for (String k : new String[]{"package", "config", "option", "list"}) {
            if (s.equals(k) || s.equals(k.substring(0, 1))) return k;
        }
        return "";
    }

    // ------------------------------------------------------------------------------------------ commands

    /** libuci moves past the command word; a word that runs to the end of the file has no arguments at all. */
    private void skipCommandWord(String command, int start, int end) {
        int len = lb.strlen(pos);
        if (pos + len + 1 > lb.filled()) {
            throw error(command + " without name", ": the file ends right after '" + text(start, end) + "'",
                    bufRange(start, end));
        }
        pos += len + 1;
    }

    private void packageCommand(int start, int end) {
        skipCommandWord("package", start, end);
        Arg name = nextArg(true, start, end);
        checkName(name, true, "package names may only use letters, digits, '_' and '-'");
        assertEndOfCommand();
    }

    private void configCommand(int start, int end) {
        UciSection.Header brokenHeader = new UciSection.Header(bufRange(start, end), null, null);
        try {
            skipCommandWord("config", start, end);
            Arg type = nextArg(true, start, end);
            if (!validType(type.bytes())) {
                throw error("invalid character in type field", ": a section type is printable ASCII without "
                        + "spaces", range(type));
            }
            Arg name = nextArg(false, start, end);
            if (!name.isEmpty()) checkName(name, false, "section names may only use letters, digits and '_' "
                    + "(no '-', '.' or spaces)");
            assertEndOfCommand();
            UciValue typeValue = value(type);
            UciValue nameValue = name.isEmpty() ? null : value(name);
            SourceRange line = bufRange(start, end).to(range(name.isEmpty() ? type : name));
            UciSection.Header header = new UciSection.Header(line, typeValue, nameValue);
            if (nameValue == null) {
                addSection(typeValue.text(), null, header);
                return;
            }
            UciSection existing = byName.get(nameValue.text());
            if (existing != null && !existing.type().equals(typeValue.text())) {
                throw error("section of different type overwrites prior section with same name",
                        ": '" + nameValue.text() + "' was declared as '" + existing.type() + "' before; "
                                + "rename one of them", range(type));
            }
            if (existing != null) {
                existing.addHeader(header);
                current = existing;
            } else {
                addSection(typeValue.text(), nameValue.text(), header);
            }
        } catch (ParseError e) {
            openBrokenSection(brokenHeader);
            throw e;
        }
    }

    private void addSection(String type, String name, UciSection.Header header) {
        int index = typeCounts.merge(type, 1, Integer::sum) - 1;
        UciSection s = new UciSection(type, name, index, header);
        sections.add(s);
        byName.put(name != null ? name : generatedName(type, sections.size()), s);
        current = s;
    }

    private void optionCommand(int start, int end, boolean list) {
        if (current == null) {
            throw error("option/list command found before the first section", ": start a section with a "
                    + "config line first", bufRange(start, end));
        }
        skipCommandWord("option", start, end);
        Arg name = nextArg(true, start, end);
        checkName(name, false, "option names may only use letters, digits and '_'");
        Arg value = nextArg(false, start, end);
        assertEndOfCommand();
        // libuci ignores an option without a value: it neither creates nor clears one
        if (value.isEmpty() && !list) return;
        SourceRange line = bufRange(start, end).to(range(value.isEmpty() ? name : value));
        UciValue v = value(value);
        UciValue n = value(name);
        current.addOption(new UciOption(list ? UciOption.Kind.LIST : UciOption.Kind.OPTION, n.text(), n.range(),
                v, line));
    }

    private void invalidCommand(byte[] word, int start, int end) {
        String text = text(start, end);
        String shown = text.strip();
        SourceRange at = bufRange(start, end);
        String detail;
        if (word.length >= 3 && (word[0] & 0xff) == 0xEF && (word[1] & 0xff) == 0xBB && (word[2] & 0xff) == 0xBF) {
            detail = ": the file starts with a UTF-8 byte-order mark, which libuci reads as part of the first "
                    + "word; save the file without it";
        } else if (shown.isEmpty()) {
            at = source.range(lb.fileOffset(start), lb.fileOffset(start));
            detail = ": an empty argument ('' or ';') ends a command, and libuci then reads what is left of "
                    + "the line, here only its end, as the next command; remove the ';' or ''";
        } else if (!keyword(shown.getBytes(StandardCharsets.ISO_8859_1)).isEmpty()) {
            detail = ": libuci reads '" + shown + "' and the line end as one word; write the arguments on the "
                    + "same line";
        } else if (nearKeyword(shown)) {
            detail = ": '" + shown + "' is not package, config, option or list (nor their short forms p, c, o, l)";
        } else {
            // not quoted: a word that is no misspelt keyword may be a value that slipped onto its own line (a key)
            detail = ": the first word here is not package, config, option or list (nor their short forms p, c, o, l)";
        }
        if (current == null || looksLikeConfig(shown)) openBrokenSection(new UciSection.Header(at, null, null));
        throw error("invalid command", detail, at);
    }

    /** A word at most two typing slips away from one of the four keywords. */
    private static boolean nearKeyword(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (String k : List.of("package", "config", "option", "list")) if (Spelling.distance(w, k) <= 2) return true;
        return false;
    }

    /** A misspelt or mangled {@code config} keyword: the lines after it are that section's options. */
    private static boolean looksLikeConfig(String word) {
        String letters = word.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
        if (letters.isEmpty()) return false;
        int config = Spelling.distance(letters, "config");
        return config <= 2 && config < Spelling.distance(letters, "option")
                && config < Spelling.distance(letters, "list") && config < Spelling.distance(letters, "package");
    }

    private void openBrokenSection(UciSection.Header header) {
        current = UciSection.broken(header);
        broken.add(current);
    }

    // ------------------------------------------------------------------------------------------ arguments

    /** Reads the next argument; {@code required} ones must not be empty (libuci's "insufficient arguments"). */
    private Arg nextArg(boolean required, int cmdStart, int cmdEnd) {
        skipWhitespace();
        int val = pos;
        int fileStart = lb.fileOffset(val);
        int endPos;
        if (lb.at(pos) == ';') {
            lb.set(pos, (byte) 0);
            pos++;
            endPos = pos;
        } else {
            endPos = readString();
        }
        byte[] bytes = lb.string(val);
        int fileEnd = fileStart;
        if (endPos > val) {
            fileEnd = lb.fileOffset(endPos - 1) + 1;
            // a backslash continuation at the end: the argument took the line break with it
            if (source.bytes()[fileEnd - 1] == '\\' && lb.fileOffset(endPos) > fileEnd) fileEnd = lb.fileOffset(endPos);
        }
        Arg a = new Arg(val, bytes, fileStart, fileEnd);
        if (a.isEmpty() && required) {
            SourceRange command = bufRange(cmdStart, cmdEnd);
            throw error("insufficient arguments", ": '" + text(cmdStart, cmdEnd) + "' needs "
                    + (keyword(wordBytes(cmdStart, cmdEnd)).equals("config") ? "a section type" : "a name")
                    + " after it", a.fileEnd() > a.fileStart() ? command.to(range(a)) : command);
        }
        return a;
    }

    private void checkName(Arg a, boolean packageName, String rule) {
        if (!validName(a.bytes(), packageName)) {
            throw error("invalid character in name field", ": " + rule, range(a));
        }
    }

    /** libuci reads one more argument after a command and rejects it unless it is empty. */
    private void assertEndOfCommand() {
        skipWhitespace();
        Arg extra = nextArg(false, pos, pos);
        if (!extra.isEmpty()) {
            throw error("too many arguments", ": quote a value that contains spaces, e.g. 'a b'", range(extra));
        }
    }

    /**
     * Reads one argument made of bare text, quoted pieces and escapes, writing its value over the buffer
     * from where it starts. Returns the buffer position where the argument's text ends.
     */
    private int readString() {
        int target = pos;
        boolean endsCommand = false;
        do {
            byte c = lb.at(pos);
            if (c == '\'') {
                target = singleQuoted(target);
            } else if (c == '"') {
                target = doubleQuoted(target);
            } else if (c == '#') {
                lb.set(pos, (byte) 0);
                break;
            } else if (c == 0) {
                break;
            } else if (c == ';') {
                endsCommand = true;
                break;
            } else if (c == '\\' && !backslash()) {
                continue;   // a line continuation: the argument goes on unless the next line starts blank
            } else {
                lb.set(target++, lb.at(pos++));
            }
        } while (lb.at(pos) != 0 && !isSpace(lb.at(pos)));
        int end = pos;
        if (endsCommand && target == pos) semicolonEndsLine(pos);
        if (lb.at(pos) != 0 && !endsCommand) pos++;
        lb.set(target, (byte) 0);
        return end;
    }

    /** Skips the backslash; false when it continues the line (the next line was read in its place). */
    private boolean backslash() {
        pos++;
        byte c = lb.at(pos);
        if (c == 0 || c == '\n' || c == '\r' && lb.at(pos + 1) == '\n' && lb.at(pos + 2) == 0) {
            lb.readLine(pos);
            return false;
        }
        return true;
    }

    private int singleQuoted(int target) {
        int open = lb.fileOffset(pos);
        pos++;
        while (true) {
            byte c = lb.at(pos);
            if (c == '\'') {
                pos++;
                return target;
            } else if (c == 0) {
                lb.readLine(pos);
                if (lb.at(pos) == 0) throw unterminated('\'', open);
            } else {
                lb.set(target++, lb.at(pos++));
            }
        }
    }

    private int doubleQuoted(int target) {
        int open = lb.fileOffset(pos);
        pos++;
        while (true) {
            byte c = lb.at(pos);
            if (c == '"') {
                pos++;
                return target;
            } else if (c == 0) {
                lb.readLine(pos);
                if (lb.at(pos) == 0) throw unterminated('"', open);
            } else if (c == '\\' && !backslash()) {
                continue;
            } else {
                lb.set(target++, lb.at(pos++));
            }
        }
    }

    private ParseError unterminated(char quote, int openQuote) {
        SourceRange at = source.range(openQuote, openQuote + 1);
        SourceRange end = source.range(source.length(), source.length());
        return new ParseError("EOF with unterminated " + quote, ": the quote opened here (line " + (at.startLine() + 1)
                + ") is never closed, so libuci reads on to the end of the file (line " + (end.endLine() + 1)
                + ") as part of the value and reports it there", at, openQuote);
    }

    /**
     * An unquoted argument that ends at ';': libuci ends the string by writing over the ';', so nothing
     * after it on the line is read. Silent in libuci; a warning here when something is lost.
     */
    private void semicolonEndsLine(int at) {
        int semi = lb.fileOffset(at);
        int last = -1;
        for (int i = at + 1; lb.at(i) != 0; i++) {
            byte b = lb.at(i);
            if (b == '#' && last < 0) break;
            if (!isSpace(b)) last = i;
        }
        if (last < 0) return;
        problems.add(new UciProblem("libuci ignores the rest of this line: a ';' written right after an "
                + "unquoted value ends the whole line, not just the command; put a space before the ';' "
                + "or quote the value", source.range(semi, lb.fileOffset(last) + 1), false));
    }

    private void nulWarning(int[] span) {
        int end = span[1];
        byte[] bytes = source.bytes();
        while (end > span[0] + 1 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) end--;
        problems.add(new UciProblem("libuci stops reading this line at the NUL byte: it ignores the rest of the "
                + "line and joins the next line to the text before it; remove the NUL byte",
                source.range(span[0], end), false));
    }

    private void skipWhitespace() {
        while (lb.at(pos) != 0 && isSpace(lb.at(pos))) pos++;
    }

    // ------------------------------------------------------------------------------------------ names

    /**
     * True when libuci accepts {@code s} as a section or option name (ASCII letters, digits, '_') or, with
     * {@code packageName}, as a package name (also '-').
     */
    public static boolean validName(String s, boolean packageName) {
        return validName(s.getBytes(StandardCharsets.UTF_8), packageName);
    }

    private static boolean validName(byte[] s, boolean packageName) {
        if (s.length == 0) return false;
        for (byte b : s) {
            int c = b & 0xff;
            if (isAsciiAlnum(c) || c == '_' || packageName && c == '-') continue;
            return false;
        }
        return true;
    }

    /** Types: any printable ASCII character except space. */
    private static boolean validType(byte[] s) {
        if (s.length == 0) return false;
        for (byte b : s) {
            int c = b & 0xff;
            if (c < 33 || c > 126) return false;
        }
        return true;
    }

    private static boolean isAsciiAlnum(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** C's isspace in the C locale. */
    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == 0x0B || b == '\f' || b == '\r';
    }

    /** The separators of the command word. */
    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t';
    }

    /**
     * The name libuci gives an anonymous section: "cfg", the number of sections so far and a hash of the
     * type, both in hex. A later {@code config} line naming it addresses that same section.
     */
    static String generatedName(String type, int sectionCount) {
        long hash = 5381;
        for (byte b : type.getBytes(StandardCharsets.ISO_8859_1)) {
            hash = (hash * 33 + b) & 0xFFFFFFFFL;
        }
        hash &= 0x7FFFFFFF;
        return String.format("cfg%02x%04x", sectionCount, hash % (1 << 16));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private UciValue value(Arg a) {
        SourceRange r = range(a);
        String raw = source.text().substring(source.textStart(a.fileStart()), source.textEnd(a.fileEnd()));
        return new UciValue(source.decode(a.bytes()), raw, r, a.bytes());
    }

    private SourceRange range(Arg a) {
        return source.range(a.fileStart(), a.fileEnd());
    }

    /** The range of buffer positions [start, end) in the file, without a line end the word swallowed. */
    private SourceRange bufRange(int start, int end) {
        int e = end;
        while (e > start && isSpace(lb.at(e - 1))) e--;
        int fileStart = lb.fileOffset(start);
        return source.range(fileStart, e > start ? lb.fileOffset(e - 1) + 1 : fileStart);
    }

    private String text(int start, int end) {
        int fs = lb.fileOffset(start);
        int fe = end > start ? lb.fileOffset(end - 1) + 1 : fs;
        return source.text().substring(source.textStart(fs), source.textEnd(fe));
    }

    private static ParseError error(String reason, String detail, SourceRange at) {
        return new ParseError(reason, detail, at, -1);
    }
}
