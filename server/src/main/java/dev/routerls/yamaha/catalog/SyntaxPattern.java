package dev.routerls.yamaha.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One syntax form of a command as the catalog resource stores it, e.g.
 * {@code nat descriptor type <nat_descriptor> <type> [hairpin=<sw>]}.
 * <ul>
 *   <li>a word is literal text and {@code <name>} parameter slots, possibly mixed ({@code hairpin=<sw>});</li>
 *   <li>{@code <~name>} is a loose word: any single word (the reference's notation for it was too
 *       irregular to check, e.g. {@code [user@]host});</li>
 *   <li>{@code [ … ]} is optional, a trailing {@code ...} repeats the element before it.</li>
 * </ul>
 */
public record SyntaxPattern(List<Node> nodes) {
    public SyntaxPattern {
        nodes = List.copyOf(nodes);
    }

    public sealed interface Node permits Word, Optional, Repeat {
    }

    /** One word of the command line: literal parts and parameter slots; {@code loose} accepts any word. */
    public record Word(List<Part> parts, boolean loose) implements Node {
        public Word {
            parts = List.copyOf(parts);
        }

        public boolean isLiteral() {
            if (loose) return false;
            for (Part p : parts) if (!(p instanceof Literal)) return false;  // a loop: checked for every line read
            return true;
        }

        /** The parameter of a word that is exactly one slot ({@code <name>} or {@code <~name>}), else null. */
        public String soleParam() {
            return parts.size() == 1 && parts.get(0) instanceof Param p ? p.name() : null;
        }

        // equals and hashCode written out here and in Literal and Param: FormMatcher caches a regex per word,
        // and a generated record equals links through invokedynamic on first use, a cold run's cost
        @Override
        public boolean equals(Object o) {
            return o instanceof Word w && w.loose == loose && w.parts.equals(parts);
        }

        @Override
        public int hashCode() {
            return parts.hashCode() * 2 + (loose ? 1 : 0);
        }

        public String literalText() {
            if (parts.size() == 1 && parts.get(0) instanceof Literal l) return l.text(); // most words: checked per line
            StringBuilder sb = new StringBuilder();
            for (Part p : parts) if (p instanceof Literal l) sb.append(l.text());
            return sb.toString();
        }
    }

    public record Optional(List<Node> nodes) implements Node {
        public Optional {
            nodes = List.copyOf(nodes);
        }
    }

    public record Repeat(Node node) implements Node {
    }

    public sealed interface Part permits Literal, Param {
    }

    public record Literal(String text) implements Part {
        @Override
        public boolean equals(Object o) {
            return o instanceof Literal l && l.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode() * 2;
        }
    }

    public record Param(String name) implements Part {
        @Override
        public boolean equals(Object o) {
            return o instanceof Param p && p.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 2 + 1;
        }
    }

    /** Reads the resource notation back (inverse of {@link #render()}). */
    public static SyntaxPattern parse(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == ']' || c == ' ') {
                if (cur.length() > 0) tokens.add(cur.toString());
                cur.setLength(0);
                if (c != ' ') tokens.add(String.valueOf(c));
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) tokens.add(cur.toString());
        int[] pos = {0};
        List<Node> nodes = parseSeq(tokens, pos);
        if (pos[0] != tokens.size()) throw new IllegalArgumentException("unbalanced ']' in " + text);
        return new SyntaxPattern(nodes);
    }

    private static List<Node> parseSeq(List<String> tokens, int[] pos) {
        List<Node> out = new ArrayList<>();
        while (pos[0] < tokens.size()) {
            String t = tokens.get(pos[0]);
            if (t.equals("]")) return out;
            pos[0]++;
            if (t.equals("[")) {
                List<Node> inner = parseSeq(tokens, pos);
                if (pos[0] >= tokens.size()) throw new IllegalArgumentException("unclosed '['");
                pos[0]++;
                Node opt = new Optional(inner);
                out.add(repeatIfMarked(tokens, pos, opt));
            } else if (t.equals("...")) {
                if (!out.isEmpty()) out.set(out.size() - 1, new Repeat(out.get(out.size() - 1)));
            } else {
                boolean repeat = t.endsWith("...") && t.length() > 3;
                Node w = parseWord(repeat ? t.substring(0, t.length() - 3) : t);
                out.add(repeat ? new Repeat(w) : w);
            }
        }
        return out;
    }

    private static Node repeatIfMarked(List<String> tokens, int[] pos, Node node) {
        if (pos[0] < tokens.size() && tokens.get(pos[0]).equals("...")) {
            pos[0]++;
            return new Repeat(node);
        }
        return node;
    }

    static Word parseWord(String t) {
        if (t.startsWith("<~") && t.endsWith(">")) {
            return new Word(List.of(new Param(t.substring(2, t.length() - 1))), true);
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            // the slot is the innermost <name>: `<<<eof>` is the literal << and the slot eof
            int gt = t.indexOf('>', i);
            int lt = gt < 0 ? -1 : t.lastIndexOf('<', gt);
            if (lt < i || gt < 0) {
                parts.add(new Literal(t.substring(i)));
                break;
            }
            if (lt > i) parts.add(new Literal(t.substring(i, lt)));
            parts.add(new Param(t.substring(lt + 1, gt)));
            i = gt + 1;
        }
        return new Word(List.copyOf(parts), false);
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        renderSeq(nodes, sb);
        return sb.toString();
    }

    private static void renderSeq(List<Node> nodes, StringBuilder sb) {
        for (Node n : nodes) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '[') sb.append(' ');
            renderNode(n, sb);
        }
    }

    private static void renderNode(Node n, StringBuilder sb) {
        if (n instanceof Word w) {
            if (w.loose()) {
                sb.append("<~").append(((Param) w.parts().get(0)).name()).append('>');
            } else {
                for (Part p : w.parts()) {
                    if (p instanceof Literal l) sb.append(l.text());
                    else sb.append('<').append(((Param) p).name()).append('>');
                }
            }
        } else if (n instanceof Optional o) {
            sb.append('[');
            StringBuilder inner = new StringBuilder();
            renderSeq(o.nodes(), inner);
            sb.append(inner).append(']');
        } else if (n instanceof Repeat r) {
            renderNode(r.node(), sb);
            sb.append("...");
        }
    }

    /** Readable form for hover text: {@code nat descriptor type NAT_DESCRIPTOR TYPE [hairpin=SW]}. */
    public String display() {
        return render().replace("<~", "<");
    }

    /**
     * The command words: the leading required literal words, with interface slots between them
     * ({@code ip <interface> address}) when {@code isInterface} says the slot names an interface.
     */
    public List<Word> head(java.util.function.Predicate<String> isInterface) {
        List<Word> head = new ArrayList<>();
        for (Node n : nodes) {
            if (!(n instanceof Word w)) break;
            if (w.isLiteral() || (!w.loose() && w.soleParam() != null && isInterface.test(w.soleParam()))) {
                head.add(w);
            } else {
                break;
            }
        }
        while (!head.isEmpty() && !head.get(head.size() - 1).isLiteral()) head.remove(head.size() - 1);
        return head;
    }
}
