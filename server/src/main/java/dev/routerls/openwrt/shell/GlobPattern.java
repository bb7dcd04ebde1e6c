package dev.routerls.openwrt.shell;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Shell pattern matching ({@code case} patterns, {@code ${x#pattern}}): {@code * ? [...]} in unquoted
 * text, everything quoted matches itself.
 */
final class GlobPattern {
    /** A stretch of pattern text and whether it was quoted. */
    record Piece(String text, boolean quoted) {
    }

    private final Pattern regex;

    GlobPattern(List<Piece> pieces) {
        StringBuilder re = new StringBuilder();
        for (Piece p : pieces) {
            if (p.quoted()) {
                for (char c : p.text().toCharArray()) re.append(Pattern.quote(String.valueOf(c)));
                continue;
            }
            String s = p.text();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '*' -> re.append("[\\s\\S]*");
                    case '?' -> re.append("[\\s\\S]");
                    case '\\' -> {
                        if (i + 1 < s.length()) re.append(Pattern.quote(String.valueOf(s.charAt(++i))));
                        else re.append("\\\\");
                    }
                    case '[' -> {
                        int close = bracketEnd(s, i);
                        if (close < 0) {
                            re.append("\\[");
                        } else {
                            String body = s.substring(i + 1, close);
                            boolean negate = body.startsWith("!") || body.startsWith("^");
                            if (negate) body = body.substring(1);
                            re.append('[');
                            if (negate) re.append('^');
                            for (char b : body.toCharArray()) {
                                if (b == '\\' || b == '[' || b == ']' || b == '^' || b == '&') re.append('\\');
                                re.append(b);
                            }
                            re.append(']');
                            i = close;
                        }
                    }
                    default -> re.append(Pattern.quote(String.valueOf(c)));
                }
            }
        }
        regex = Pattern.compile(re.toString());
    }

    private static int bracketEnd(String s, int open) {
        int i = open + 1;
        if (i < s.length() && (s.charAt(i) == '!' || s.charAt(i) == '^')) i++;
        if (i < s.length() && s.charAt(i) == ']') i++;
        for (; i < s.length(); i++) if (s.charAt(i) == ']') return i;
        return -1;
    }

    boolean matches(String text) {
        return regex.matcher(text).matches();
    }

    /** Removes the shortest/longest matching prefix or suffix, as ${x#p} ${x##p} ${x%p} ${x%%p} do. */
    String remove(String value, boolean prefix, boolean longest) {
        int n = value.length();
        if (prefix) {
            for (int k = longest ? n : 0; longest ? k >= 0 : k <= n; k += longest ? -1 : 1) {
                if (matches(value.substring(0, k))) return value.substring(k);
            }
        } else {
            for (int k = longest ? 0 : n; longest ? k <= n : k >= 0; k += longest ? 1 : -1) {
                if (matches(value.substring(k))) return value.substring(0, k);
            }
        }
        return value;
    }
}
