package dev.routerls.yamaha.catalog;

import dev.routerls.yamaha.catalog.SyntaxPattern.Literal;
import dev.routerls.yamaha.catalog.SyntaxPattern.Node;
import dev.routerls.yamaha.catalog.SyntaxPattern.Param;
import dev.routerls.yamaha.catalog.SyntaxPattern.Part;
import dev.routerls.yamaha.catalog.SyntaxPattern.Word;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the syntax lines of one reference section (as extracted from the PDF) into {@link SyntaxPattern}s.
 * The extraction splits long lines, glues page footers onto them, and writes {@code key= value},
 * {@code outer_ip =inner_ip}, {@code srcaddr [/mask ]}: this class undoes that. Used by the compiler only.
 */
final class SyntaxLineConverter {
    /** A converted syntax line; {@code negated} for the {@code no …} forms (stored without the "no"). */
    record Converted(boolean negated, SyntaxPattern pattern) {
    }

    static final Pattern PAGE_FOOTER = Pattern.compile("\\d+\\s*\\|\\s*コマンドリファレンス\\s*\\|.*$");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_\\-.]*");
    private static final Pattern NON_ASCII = Pattern.compile("[^\\x00-\\x7F]");

    private final Set<String> placeholders;
    /** "index:word" of placeholder-named words that some form of the section shows to be command words. */
    private final Set<String> commandWords = new HashSet<>();

    SyntaxLineConverter(List<String> placeholders) {
        this.placeholders = new HashSet<>(placeholders);
    }

    List<Converted> convert(List<String> rawLines) {
        List<String> joined = join(rawLines);
        List<Boolean> negations = new ArrayList<>();
        List<List<Node>> raw = new ArrayList<>();
        for (String line : joined) {
            if (NON_ASCII.matcher(line).find()) continue; // prose, not a syntax line
            boolean negated = line.startsWith("no ");
            String body = negated ? line.substring(3).strip() : line;
            if (body.isEmpty()) continue;
            List<Node> nodes = toNodes(tokenize(body));
            if (nodes == null || nodes.isEmpty()) continue;
            negations.add(negated);
            raw.add(nodes);
        }
        // first pass: command words found by the "written twice" rule in any form of the section
        commandWords.clear();
        for (List<Node> nodes : raw) classify(nodes);
        List<Converted> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(new Converted(negations.get(i), new SyntaxPattern(classify(raw.get(i)))));
        }
        return out;
    }

    /** Removes footers and re-joins lines the extraction split (open brackets, or a line starting mid-syntax). */
    private List<String> join(List<String> raw) {
        List<String> out = new ArrayList<>();
        String sectionFirstWord = null;
        for (String r : raw) {
            String line = PAGE_FOOTER.matcher(r).replaceAll("").replace('…', '.').replace("\"", "").strip();
            if (line.isEmpty()) continue;
            String first = line.split("\\s+")[0];
            if (sectionFirstWord == null) sectionFirstWord = first;
            boolean continuation = false;
            if (!out.isEmpty()) {
                String prev = out.get(out.size() - 1);
                boolean open = count(prev, '[') > count(prev, ']');
                boolean startsMid = line.startsWith("]") || line.startsWith("[")
                        || (placeholders.contains(first) && !first.equals(sectionFirstWord) && !first.equals("no"));
                boolean startsCommand = first.equals(sectionFirstWord) || first.equals("no");
                continuation = (open && !startsCommand) || startsMid;
            }
            if (continuation) {
                String prev = out.remove(out.size() - 1);
                out.add(prev.endsWith("-") ? prev + line : prev + " " + line);
            } else {
                out.add(line);
            }
        }
        return out;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
        return n;
    }

    private static List<String> tokenize(String line) {
        String s = line.replaceAll("\\s*=\\s*", "=");
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' || c == ']' || Character.isWhitespace(c)) {
                flush(cur, tokens);
                if (!Character.isWhitespace(c)) tokens.add(String.valueOf(c));
            } else {
                cur.append(c);
            }
        }
        flush(cur, tokens);
        return tokens;
    }

    /** Splits a trailing repeat mark off a word: {@code port...} → {@code port}, {@code ...}. */
    private static void flush(StringBuilder cur, List<String> tokens) {
        if (cur.length() == 0) return;
        String w = cur.toString();
        cur.setLength(0);
        int dots = w.indexOf("..");
        if (dots == 0) {
            tokens.add("...");
        } else if (dots > 0) {
            tokens.add(w.substring(0, dots));
            tokens.add("...");
        } else {
            tokens.add(w);
        }
    }

    /** Builds the node tree from tokens; null when the brackets do not balance. */
    private static List<Node> toNodes(List<String> tokens) {
        int[] pos = {0};
        List<Node> nodes = seq(tokens, pos);
        if (nodes == null) return null;
        while (pos[0] < tokens.size()) { // stray ']' (a split line): skip it and go on
            pos[0]++;
            List<Node> more = seq(tokens, pos);
            if (more == null) return null;
            nodes.addAll(more);
        }
        return glue(nodes);
    }

    private static List<Node> seq(List<String> tokens, int[] pos) {
        List<Node> out = new ArrayList<>();
        while (pos[0] < tokens.size()) {
            String t = tokens.get(pos[0]);
            if (t.equals("]")) return out;
            pos[0]++;
            if (t.equals("[")) {
                List<Node> inner = seq(tokens, pos);
                if (inner == null) return null;
                if (pos[0] < tokens.size()) pos[0]++; // the ']' (a missing one at the end is tolerated)
                out.add(new SyntaxPattern.Optional(glue(inner)));
            } else if (t.equals("...")) {
                if (out.isEmpty()) out.add(new Word(List.of(new Param("any")), true));
                Node last = out.remove(out.size() - 1);
                out.add(last instanceof SyntaxPattern.Repeat ? last : new SyntaxPattern.Repeat(last));
            } else {
                out.add(new Word(List.of(new Literal(t)), false)); // classified later
            }
        }
        return out;
    }

    /**
     * Attaches notation glued to a neighbouring word: {@code srcaddr [/mask]}, {@code interface :port},
     * {@code [outer_port=]inner_port}, {@code [user@]host}. The word becomes loose when the glued part
     * was optional, since its exact shape is then not worth checking.
     */
    private static List<Node> glue(List<Node> nodes) {
        List<Node> out = new ArrayList<>();
        boolean looseNext = false;
        for (Node n : nodes) {
            String raw = rawText(n);
            if (n instanceof SyntaxPattern.Optional && raw != null && !raw.isEmpty()) {
                if (startsGlued(raw) && !out.isEmpty() && out.get(out.size() - 1) instanceof Word prev) {
                    out.set(out.size() - 1, loosen(prev));
                    continue;
                }
                boolean flag = raw.matches("-[A-Za-z]"); // an option flag such as [-b]: a word of its own
                if (endsGlued(raw) || !flag && !IDENT.matcher(raw.substring(0, 1)).lookingAt() && !raw.startsWith("<")) {
                    looseNext = true;
                    continue;
                }
            }
            if (n instanceof Word w && startsGlued(raw) && !out.isEmpty() && out.get(out.size() - 1) instanceof Word prev) {
                out.set(out.size() - 1, new Word(List.of(new Literal(((Literal) prev.parts().get(0)).text() + raw)), false));
                continue;
            }
            if (looseNext && n instanceof Word w) {
                out.add(loosen(w));
                looseNext = false;
                continue;
            }
            looseNext = false;
            out.add(n);
        }
        return out;
    }

    private static boolean startsGlued(String raw) {
        return raw != null && !raw.isEmpty() && "/:,=".indexOf(raw.charAt(0)) >= 0;
    }

    private static boolean endsGlued(String raw) {
        return !raw.isEmpty() && "=@:".indexOf(raw.charAt(raw.length() - 1)) >= 0;
    }

    /** Text of a single unclassified word, or of an optional group holding only words; null otherwise. */
    private static String rawText(Node n) {
        if (n instanceof Word w && !w.loose() && w.parts().size() == 1 && w.parts().get(0) instanceof Literal l) {
            return l.text();
        }
        if (n instanceof SyntaxPattern.Optional o) {
            StringBuilder sb = new StringBuilder();
            for (Node c : o.nodes()) {
                String t = rawText(c);
                if (t == null) return null;
                sb.append(t);
            }
            return sb.toString();
        }
        return null;
    }

    private static Word loosen(Word w) {
        String text = w.loose() ? ((Param) w.parts().get(0)).name() : ((Literal) w.parts().get(0)).text();
        Matcher m = IDENT.matcher(text);
        String name = "value";
        while (m.find()) {
            name = m.group();
            if (!name.matches("\\d+")) break;
        }
        return new Word(List.of(new Param(name)), true);
    }

    /**
     * Decides which identifiers are parameter slots. The first word is always a command word; a
     * placeholder name written twice in the command words ({@code ip routing routing},
     * {@code nat descriptor type nat_descriptor type}) is a command word the first time.
     */
    private List<Node> classify(List<Node> nodes) {
        List<String> flat = new ArrayList<>();
        flatten(nodes, flat);
        int[] index = {0};
        boolean[] allLiteralSoFar = {true};
        return classifySeq(nodes, flat, index, allLiteralSoFar, true);
    }

    private static void flatten(List<Node> nodes, List<String> out) {
        for (Node n : nodes) {
            if (n instanceof Word w) out.add(w.loose() ? "" : ((Literal) w.parts().get(0)).text());
            else if (n instanceof SyntaxPattern.Optional o) flatten(o.nodes(), out);
            else if (n instanceof SyntaxPattern.Repeat r) flatten(List.of(r.node()), out);
        }
    }

    private List<Node> classifySeq(List<Node> nodes, List<String> flat, int[] index, boolean[] allLiteral, boolean required) {
        List<Node> out = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            if (n instanceof Word w) {
                int i = index[0]++;
                if (w.loose()) {
                    allLiteral[0] = false;
                    out.add(w);
                    continue;
                }
                String text = ((Literal) w.parts().get(0)).text();
                // a word written twice in a row (`gateway gateway`, `hostname hostname`): the keyword, then its value
                Word c;
                boolean pairable = IDENT.matcher(text).matches() && !ParameterTextReader.isInterfaceName(text); // `interface interface`: two slots
                if (k > 0 && pairable && text.equals(plainText(nodes.get(k - 1)))) {
                    c = new Word(List.of(new Param(text)), false);
                } else if (k + 1 < nodes.size() && pairable && text.equals(plainText(nodes.get(k + 1)))) {
                    if (allLiteral[0] && required) commandWords.add(i + ":" + text);
                    c = new Word(List.of(new Literal(text)), false);
                } else {
                    c = classifyWord(text, i, flat, allLiteral[0] && required);
                }
                // an interface slot between command words (ip <interface> proxyarp) keeps them command words
                if (!c.isLiteral() && !ParameterTextReader.isInterfaceName(c.soleParam())) allLiteral[0] = false;
                out.add(c);
            } else if (n instanceof SyntaxPattern.Optional o) {
                out.add(new SyntaxPattern.Optional(classifySeq(o.nodes(), flat, index, allLiteral, false)));
                allLiteral[0] = false;
            } else if (n instanceof SyntaxPattern.Repeat r) {
                List<Node> one = classifySeq(List.of(r.node()), flat, index, allLiteral, false);
                out.add(new SyntaxPattern.Repeat(one.get(0)));
                allLiteral[0] = false;
            }
        }
        return out;
    }

    /** The text of a plain (unclassified, not loose) word node, else null. */
    private static String plainText(Node n) {
        return n instanceof Word w && !w.loose() && w.parts().size() == 1 && w.parts().get(0) instanceof Literal l
                ? l.text() : null;
    }

    /**
     * Whether the word comes again later in the line ({@code ip routing routing},
     * {@code snmp trap enable snmp trap}): then this occurrence, among the command words, is the
     * command word and the later one the slot.
     */
    private static boolean repeatedAsSlot(String id, int index, List<String> flat) {
        // only the first of several command-word occurrences (pp auth accept accept [accept]); a later
        // `option=value` names the slot too (dhcp scope option scope_num option=value)
        boolean later = flat.subList(index + 1, flat.size()).stream().anyMatch(f -> f.equals(id) || f.startsWith(id + "="));
        return later && !flat.subList(1, index).contains(id);
    }

    /**
     * Whether the key of {@code key=value} is itself a slot: the value is another placeholder
     * ({@code option=value}: option names, {@code attribute=value}), not the key's own name ({@code update=update}).
     */
    private boolean keyIsSlot(String key, String value) {
        return !value.isEmpty() && !value.equals(key) && placeholders.contains(value);
    }

    private Word classifyWord(String text, int index, List<String> flat, boolean inCommandWords) {
        if (index == 0) return new Word(List.of(new Literal(text)), false);
        List<Part> parts = new ArrayList<>();
        Matcher m = IDENT.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) parts.add(new Literal(text.substring(last, m.start())));
            String id = m.group();
            boolean slot;
            if (id.contains("_") || id.equals("interface")) {
                // command words use hyphens, an underscore marks a parameter name; "interface" is the
                // reference's generic interface slot (ip interface address ↔ ip lan1 address)
                slot = true;
            } else if (!placeholders.contains(id)) {
                slot = false;
            } else if (m.end() < text.length() && text.charAt(m.end()) == '=' && !keyIsSlot(id, text.substring(m.end() + 1))) {
                slot = false; // the key of key=value (`update=update`)
            } else if (inCommandWords && id.equals(text)
                    && (commandWords.contains(index + ":" + id) || repeatedAsSlot(id, index, flat))) {
                commandWords.add(index + ":" + id);
                slot = false;
            } else {
                slot = true;
            }
            parts.add(slot ? new Param(id) : new Literal(id));
            last = m.end();
        }
        if (last < text.length()) parts.add(new Literal(text.substring(last)));
        // merge adjacent literals so a literal word stays one part
        List<Part> merged = new ArrayList<>();
        for (Part p : parts) {
            if (p instanceof Literal l && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof Literal prev) {
                merged.set(merged.size() - 1, new Literal(prev.text() + l.text()));
            } else {
                merged.add(p);
            }
        }
        return new Word(List.copyOf(merged), false);
    }
}
