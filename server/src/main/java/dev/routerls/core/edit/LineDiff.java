package dev.routerls.core.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts as unified-diff hunks without context lines (Myers' O(ND) algorithm, so a
 * few edits in a long file cost little). Lines are printed through {@link SecretMask}s, never raw.
 */
public final class LineDiff {
    /** One hunk: {@code count} lines from 0-based {@code start} on each side. */
    public record Hunk(int oldStart, int oldCount, int newStart, int newCount) {
    }

    private LineDiff() {
    }

    public static List<Hunk> hunks(List<String> a, List<String> b) {
        boolean[][] changed = changes(a, b);
        boolean[] del = changed[0], ins = changed[1];
        List<Hunk> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && !del[i] && !ins[j]) {
                i++;
                j++;
                continue;
            }
            int i0 = i, j0 = j;
            while (i < a.size() && del[i]) i++;
            while (j < b.size() && ins[j]) j++;
            if (i == i0 && j == j0) break;   // cannot happen with a consistent diff; never loop
            out.add(new Hunk(i0, i - i0, j0, j - j0));
        }
        return out;
    }

    /** Unified-diff-style listing of the change from the lines {@code a} to the lines {@code b}. */
    public static List<String> listing(String label, List<String> a, List<String> b) {
        List<String> out = new ArrayList<>();
        List<Hunk> hunks = hunks(a, b);
        if (hunks.isEmpty()) return out;
        out.add("--- " + label);
        out.add("+++ " + label + " (fixed)");
        for (Hunk h : hunks) {
            out.add("@@ -" + position(h.oldStart(), h.oldCount()) + " +" + position(h.newStart(), h.newCount()) + " @@");
            for (int k = 0; k < h.oldCount(); k++) out.add("-" + a.get(h.oldStart() + k));
            for (int k = 0; k < h.newCount(); k++) out.add("+" + b.get(h.newStart() + k));
        }
        return out;
    }


    /** Unified diff numbering: 1-based start, and for an empty side the line before it. */
    private static String position(int start, int count) {
        return (count == 0 ? start : start + 1) + "," + count;
    }

    /** [0] = lines of a deleted, [1] = lines of b inserted. */
    private static boolean[][] changes(List<String> a, List<String> b) {
        int n = a.size(), m = b.size(), max = n + m;
        boolean[] del = new boolean[n], ins = new boolean[m];
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[k - 1 + offset] < v[k + 1 + offset] ? v[k + 1 + offset] : v[k - 1 + offset] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[k + offset] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        int x = n, y = m;
        for (int d = found; d > 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = k == -d || k != d && vd[k - 1 + offset] < vd[k + 1 + offset] ? k + 1 : k - 1;
            int prevX = vd[prevK + offset];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
            }
            if (x == prevX) ins[prevY] = true;
            else del[prevX] = true;
            x = prevX;
            y = prevY;
        }
        return new boolean[][]{del, ins};
    }
}
