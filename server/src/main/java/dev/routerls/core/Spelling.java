package dev.routerls.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": edit distance between names and the closest candidate. One implementation for every
 * suggestion routerls makes (YAMAHA commands, UCI options and names, MAP-E tunnel devices); each caller
 * decides how far off a suggestion may be.
 */
public final class Spelling {
    private Spelling() {
    }

    /** Levenshtein distance with an adjacent transposition counted as one edit (typing slips). */
    public static int distance(String a, String b) {
        int n = a.length(), m = b.length();
        int[] prev2 = new int[m + 1], prev = new int[m + 1], cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, prev2[j - 2] + 1);
                }
                cur[j] = d;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /**
     * The candidate closest to {@code wrong}, ignoring letter case, if it is at most {@code maxDistance}
     * edits away. Ties go to the candidate met first.
     */
    public static Optional<String> closest(String wrong, Collection<String> candidates, int maxDistance) {
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best != null && bestDistance <= maxDistance ? Optional.of(best) : Optional.empty();
    }
}
