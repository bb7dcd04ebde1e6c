package dev.routerls.robustness;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of real config text: the damage users actually produce (lines lost, doubled or
 * swapped, a stray quote or backslash, a paste cut off mid-word, mixed line ends, binary junk, another
 * encoding). A mutant is bytes, so encodings are exercised through the same decoder the CLI uses.
 */
final class Mutator {
    private static final Charset SJIS = Charset.forName("windows-31j");
    private static final String[] SNIPPETS = {
            "\"", "'", "\\", "#", "\\\n", "\"\"\"", "'\"'", "$", "$(", "`", "{", "}", ";", "=", "-", "/",
            "\t", " ", "\u00a0", "\u3000", "ｎａｔ", "日本語", "\ud83d\ude00", "\ud800", "\u0000", "\u001b[0m",
            "0x", "999999999999999999999", "-1", "255.255.255.256", "::", "2001:db8::/129", "1-", "=",
            "config", "option", "list", "pp select", "tunnel select", "no", "EOF", "<<", "$((", "))",
    };
    private final Random random;

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** One to four random mutations of {@code text}. */
    byte[] mutate(String text) {
        String t = text;
        int n = 1 + random.nextInt(4);
        byte[] bytes = null;
        for (int i = 0; i < n; i++) {
            if (bytes != null) t = new String(bytes, StandardCharsets.UTF_8);
            bytes = null;
            int op = random.nextInt(15);
            switch (op) {
                case 0 -> t = deleteLine(t);
                case 1 -> t = duplicateLine(t);
                case 2 -> t = swapLines(t);
                case 3 -> t = insertAt(t, SNIPPETS[random.nextInt(SNIPPETS.length)]);
                case 4 -> t = insertAt(t, randomChars(1 + random.nextInt(8)));
                case 5 -> t = t.substring(0, random.nextInt(t.length() + 1)); // truncated mid-token
                case 6 -> t = lineEnds(t);
                case 7 -> t = insertLine(t, "x".repeat(5000));
                case 8 -> t = insertLine(t, longLineOf(t, random.nextInt(10) == 0 ? 1 << 20 : 5000));
                case 9 -> t = insertAt(t, "\0".repeat(1 + random.nextInt(3)));
                case 10 -> bytes = withBytes(t.getBytes(SJIS), sjisJunk());
                case 11 -> bytes = withBytes(t.getBytes(StandardCharsets.UTF_8), randomBytes(1 + random.nextInt(16)));
                case 12 -> t = replaceWord(t);
                case 13 -> t = t.replace("\n", random.nextBoolean() ? "\r" : "\r\n");
                default -> t = joinLines(t);
            }
        }
        return bytes != null ? bytes : t.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> lines(String t) {
        return new ArrayList<>(Arrays.asList(t.split("\n", -1)));
    }

    private String deleteLine(String t) {
        List<String> l = lines(t);
        if (l.size() > 1) l.remove(random.nextInt(l.size()));
        return String.join("\n", l);
    }

    private String duplicateLine(String t) {
        List<String> l = lines(t);
        int i = random.nextInt(l.size());
        l.add(i, l.get(i));
        return String.join("\n", l);
    }

    private String swapLines(String t) {
        List<String> l = lines(t);
        int i = random.nextInt(l.size()), j = random.nextInt(l.size());
        String x = l.get(i);
        l.set(i, l.get(j));
        l.set(j, x);
        return String.join("\n", l);
    }

    private String joinLines(String t) {
        List<String> l = lines(t);
        if (l.size() < 2) return t;
        int i = random.nextInt(l.size() - 1);
        l.set(i, l.get(i) + l.remove(i + 1));
        return String.join("\n", l);
    }

    private String insertAt(String t, String s) {
        int at = random.nextInt(t.length() + 1);
        return t.substring(0, at) + s + t.substring(at);
    }

    private String insertLine(String t, String line) {
        List<String> l = lines(t);
        l.add(random.nextInt(l.size() + 1), line);
        return String.join("\n", l);
    }

    /** A real line of the document repeated to {@code size} characters, with no line break. */
    String longLineOf(String t, int size) {
        List<String> l = lines(t);
        String base = l.get(random.nextInt(l.size())).strip();
        if (base.isEmpty()) base = "ip lan1 address 192.168.0.1/24";
        StringBuilder b = new StringBuilder(size + base.length() + 1);
        while (b.length() < size) b.append(base).append(' ');
        return b.toString();
    }

    /** Mixed LF, CRLF and lone CR line ends. */
    private String lineEnds(String t) {
        StringBuilder b = new StringBuilder(t.length() + 16);
        for (String s : t.split("\n", -1)) {
            if (b.length() > 0) b.append(switch (random.nextInt(3)) {
                case 0 -> "\n";
                case 1 -> "\r\n";
                default -> "\r";
            });
            b.append(s);
        }
        return b.toString();
    }

    private String replaceWord(String t) {
        String[] words = t.split("[ \t\n]+");
        if (words.length == 0) return t;
        String w = words[random.nextInt(words.length)];
        if (w.isEmpty()) return t;
        return t.replaceFirst(java.util.regex.Pattern.quote(w),
                java.util.regex.Matcher.quoteReplacement(SNIPPETS[random.nextInt(SNIPPETS.length)]));
    }

    private String randomChars(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4);
            b.append(switch (kind) {
                case 0 -> (char) (0x20 + random.nextInt(0x5f));
                case 1 -> (char) random.nextInt(0x20);
                case 2 -> (char) (0x3000 + random.nextInt(0x100));
                default -> (char) random.nextInt(0x10000);
            });
        }
        return b.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Shift_JIS text with a lead byte left dangling now and then. */
    private byte[] sjisJunk() {
        byte[] s = ("# 設定 ﾃｽﾄ " + (char) ('ア' + random.nextInt(40))).getBytes(SJIS);
        if (random.nextBoolean()) {
            s = Arrays.copyOf(s, s.length + 1);
            s[s.length - 1] = (byte) 0x82;
        }
        return s;
    }

    private byte[] withBytes(byte[] text, byte[] insert) {
        int at = random.nextInt(text.length + 1);
        byte[] out = new byte[text.length + insert.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(text, at, out, at + insert.length, text.length - at);
        return out;
    }
}
