package dev.routerls.openwrt.router.script;

/** Shell pattern matching ({@code *}, {@code ?}, {@code [..]}, backslash) for case and ${x#pattern}. */
final class Glob {
    private Glob() {
    }

    static boolean matches(String pattern, String s) {
        return match(pattern, 0, s, 0);
    }

    private static boolean match(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = s.length(); k >= si; k--) if (match(p, pi + 1, s, k)) return true;
                return false;
            }
            if (si >= s.length()) return false;
            if (c == '?') {
                pi++;
                si++;
                continue;
            }
            if (c == '[') {
                int close = p.indexOf(']', pi + 2);
                if (close > 0) {
                    String set = p.substring(pi + 1, close);
                    boolean negate = set.startsWith("!") || set.startsWith("^");
                    if (negate) set = set.substring(1);
                    if (inSet(set, s.charAt(si)) == negate) return false;
                    pi = close + 1;
                    si++;
                    continue;
                }
            }
            if (c == '\\' && pi + 1 < p.length()) c = p.charAt(++pi);
            if (c != s.charAt(si)) return false;
            pi++;
            si++;
        }
        return si == s.length();
    }

    private static boolean inSet(String set, char ch) {
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                if (ch >= set.charAt(i) && ch <= set.charAt(i + 2)) return true;
                i += 2;
            } else if (set.charAt(i) == ch) {
                return true;
            }
        }
        return false;
    }

    /** ${v#p} shortest prefix, ${v##p} longest prefix, ${v%p} shortest suffix, ${v%%p} longest suffix removed. */
    static String strip(String v, String pattern, String op) {
        boolean prefix = op.startsWith("#");
        boolean longest = op.length() == 2;
        if (prefix) {
            for (int k = longest ? v.length() : 0; longest ? k >= 0 : k <= v.length(); k += longest ? -1 : 1) {
                if (matches(pattern, v.substring(0, k))) return v.substring(k);
            }
        } else {
            for (int k = longest ? 0 : v.length(); longest ? k <= v.length() : k >= 0; k += longest ? 1 : -1) {
                if (matches(pattern, v.substring(k))) return v.substring(0, k);
            }
        }
        return v;
    }
}
