package dev.routerls.openwrt.uci;

import com.google.gson.Gson;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextDecoder;
import dev.routerls.openwrt.uci.LibuciCaseData.Case;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case of {@code reference/libuci-cases.jsonl.gz}: 3,093 files with OpenWrt's libuci verdict and,
 * when it accepts, the tree it builds. routerls must agree on every one: accept or reject, the line of
 * the error (counted as the data's README says libuci counts), the reason's wording, the tree, and
 * what {@code uci show} prints for it. Prints the agreement figures.
 */
class LibuciCasesTest {

    /** The case read as `routerls lint` reads it: decoded by the shared decoder, read byte by byte. */
    static UciFile read(Case c) {
        return UciReader.read("file:///cases/" + c.id() + "/etc/config/" + c.pkg(), c.pkg(), UciSource.fromBytes(c.file()));
    }

    @Test
    void agreesWithLibuciOnEveryCase() throws IOException {
        List<Case> cases = LibuciCaseData.cases();
        Map<String, List<String>> outcome = new TreeMap<>();
        int treesCompared = 0;
        for (Case c : cases) {
            UciFile f = read(c);
            UciProblem first = f.problems().stream().filter(UciProblem::rejectsFile).findFirst().orElse(null);
            String kind;
            if (c.accepted() && first == null) {
                treesCompared++;
                String ours = new Gson().toJson(UciShow.toJson(f, false));
                String theirs = new Gson().toJson(c.tree());
                kind = ours.equals(theirs) ? "accept" : "accept, other tree";
                if (!ours.equals(theirs)) kind += "\n      ours   " + ours + "\n      libuci " + theirs;
            } else if (c.accepted()) {
                kind = "false alarm: " + first.message() + " at " + first.range();
            } else if (first == null) {
                kind = "miss: " + c.error() + " line " + c.line();
            } else if (!first.message().startsWith(c.error())) {
                kind = "other reason: " + c.error() + " vs " + first.message();
            } else if (c.error().startsWith("EOF with unterminated") || sameLine(c, f, first.range())) {
                kind = "reject, same line";
            } else {
                kind = "other line: libuci " + c.line() + ", ours " + libuciLine(c.file(), byteAtEnd(c, first.range()), true)
                        + " " + first.range();
            }
            String key = kind.contains(":") ? kind.substring(0, kind.indexOf(':')) : kind.lines().findFirst().orElse(kind);
            outcome.computeIfAbsent(key, k -> new ArrayList<>()).add(c.id() + " " + kind);
        }
        System.out.println("libuci cases: " + cases.size() + " (" + treesCompared + " trees compared)");
        outcome.forEach((k, v) -> System.out.printf("  %-20s %5d (%.2f %%)%n", k, v.size(), 100.0 * v.size() / cases.size()));
        outcome.forEach((k, v) -> {
            if (k.equals("accept") || k.equals("reject, same line")) return;
            v.stream().limit(40).forEach(s -> System.out.println("    " + s));
        });
        List<String> bad = new ArrayList<>();
        outcome.forEach((k, v) -> {
            if (!k.equals("accept") && !k.equals("reject, same line")) bad.addAll(v);
        });
        assertEquals(List.of(), bad);
        assertEquals(3093, cases.size());
    }

    @Test
    void uciShowPrintsWhatLibuciPrints() throws IOException {
        int compared = 0;
        List<String> differ = new ArrayList<>();
        for (Case c : LibuciCaseData.cases()) {
            if (!c.accepted()) continue;
            UciFile f = read(c);
            byte[] expected = LibuciCaseData.uciShow(c.pkg(), c.tree().getAsJsonArray());
            if (!java.util.Arrays.equals(expected, UciShow.show(f, false))) differ.add(c.id());
            compared++;
        }
        System.out.println("uci show: " + compared + " accepted cases, " + (compared - differ.size()) + " identical");
        assertEquals(List.of(), differ);
        assertTrue(compared > 1000);
    }

    /**
     * Both readings of a case give the same findings: from its bytes, and from the text `routerls lint`
     * passes on with the file's encoding. When no charset decodes the file exactly, the text holds U+FFFD
     * for the bad bytes: the verdict must still be the same, only values and columns may differ.
     */
    @Test
    void textPathAgreesWithBytePath() throws IOException {
        List<String> differ = new ArrayList<>();
        int lenient = 0;
        for (Case c : LibuciCaseData.cases()) {
            TextDecoder.Decoded d = TextDecoder.decodeDetailed(c.file());
            UciFile viaText = UciReader.read("file:///cases/" + c.id() + "/etc/config/" + c.pkg(), c.pkg(),
                    UciSource.of(d.text(), d.encoding()));
            UciFile viaBytes = read(c);
            if (d.exact()) {
                if (!viaText.problems().equals(viaBytes.problems())) differ.add(c.id());
            } else {
                lenient++;
                if (viaText.acceptedByLibuci() != viaBytes.acceptedByLibuci()) differ.add(c.id() + " (lenient)");
            }
        }
        System.out.println("text path: " + lenient + " cases decoded leniently");
        assertEquals(List.of(), differ);
    }

    // ------------------------------------------------------------------------------------------ lines

    /** The byte offset of the last position of {@code r} (where libuci's parser stood when it stopped). */
    private static int byteAtEnd(Case c, SourceRange r) {
        UciSource s = UciSource.fromBytes(c.file());
        return s.byteOffset(r.endLine(), r.endColumn());
    }

    /**
     * The line number libuci gives an error at {@code offset}, by the README's rules: it counts the LFs
     * read, only LF ends a line, and (with {@code nulHides}) an LF after a NUL byte on the same line is not
     * counted. So an error in a line that no counted LF ends (the last line without LF, or a line a NUL
     * joins to the end of the file) gets the number of the line before it.
     */
    static int libuciLine(byte[] file, int offset, boolean nulHides) {
        int before = 0;
        boolean after = false;
        boolean nul = false;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == 0 && nulHides) nul = true;
            if (file[i] != '\n') continue;
            if (!nul) {
                if (i < offset) before++;
                else after = true;
            }
            nul = false;
        }
        return before + (after ? 1 : 0);
    }

    /**
     * Same line: libuci's number by the README's counting, or by plain LF lines. The README's NUL rule is
     * exact only when the NUL and its LF come in one read: libuci reads with fgets into a buffer of 32
     * bytes and more, and a long line is read in pieces, so an LF in a later piece than the NUL is counted.
     */
    private static boolean sameLine(Case c, UciFile f, SourceRange r) {
        int at = byteAtEnd(c, r);
        return libuciLine(c.file(), at, true) == c.line() || libuciLine(c.file(), at, false) == c.line();
    }
}
