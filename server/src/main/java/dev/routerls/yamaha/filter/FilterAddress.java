package dev.routerls.yamaha.filter;

import dev.routerls.core.IpText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The source or destination field of {@code ip filter} (reference 8.1.10): {@code *}, an address whose
 * octets may be {@code *}, {@code A-B}, {@code -B}, {@code A-}, an address with {@code /mask}, or a comma
 * list of these. Names the router resolves at run time (an FQDN, {@code map-e}, {@code hb46pp}, an
 * {@code @application}) are kept as {@link #unresolved()}: what they match is not in the config.
 *
 * @param boxes the addresses as octet boxes: each {@code {lo[4], hi[4]}}
 */
public record FilterAddress(String text, List<int[][]> boxes, List<String> unresolved) {

    public static final FilterAddress ANY = new FilterAddress("*",
            java.util.Collections.singletonList(new int[][]{{0, 0, 0, 0}, {255, 255, 255, 255}}), List.of());

    public static FilterAddress parse(String text) {
        if (text == null || text.equals("*")) return ANY;
        List<int[][]> boxes = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (!item(item, boxes)) unresolved.add(item);
        }
        return new FilterAddress(text, List.copyOf(boxes), List.copyOf(unresolved));
    }

    /** Whether {@code address} is one of the addresses (names that are not resolved never match). */
    public boolean contains(long address) {
        for (int[][] b : boxes) {
            boolean in = true;
            for (int i = 0; i < 4 && in; i++) {
                int o = (int) ((address >> (24 - 8 * i)) & 255);
                in = o >= b[0][i] && o <= b[1][i];
            }
            if (in) return true;
        }
        return false;
    }

    private static boolean item(String item, List<int[][]> out) {
        String t = item.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) return false;
        if (t.equals("*")) {
            out.addAll(ANY.boxes);
            return true;
        }
        int slash = t.indexOf('/');
        // FQDN, map-e, hb46pp, @application: resolved by the router at run time (a hex mask has letters too)
        if (t.substring(0, slash < 0 ? t.length() : slash).chars().anyMatch(c -> Character.isLetter(c) || c == '@')) {
            return false;
        }
        if (slash >= 0) {
            long a = bound(t.substring(0, slash), false);
            int len = maskLength(t.substring(slash + 1));
            if (a < 0 || len < 0 || t.substring(0, slash).contains("*")) return false;
            long size = 1L << (32 - len);
            long network = a & ~(size - 1) & 0xFFFFFFFFL;
            range(network, network + size - 1, out);
            return true;
        }
        int dash = t.indexOf('-');
        if (dash >= 0) {
            String from = t.substring(0, dash), to = t.substring(dash + 1);
            long a = from.isEmpty() ? 0 : bound(from, false);
            long b = to.isEmpty() ? 0xFFFFFFFFL : bound(to, true);
            if (a < 0 || b < 0 || b < a) return false;
            range(a, b, out);
            return true;
        }
        int[][] box = pattern(t);
        if (box == null) return false;
        out.add(box);
        return true;
    }

    /** A mask written as a length, a dotted mask or {@code 0x} hex; -1 when it is none of them or not contiguous. */
    private static int maskLength(String s) {
        if (!s.startsWith("0x")) return IpText.prefixLength(s);
        if (s.length() < 3 || s.length() > 10) return -1;
        try {
            return IpText.maskLength(Long.parseLong(s.substring(2), 16));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** One end of a range: wildcard octets count as 0 at the low end and 255 at the high end. */
    private static long bound(String s, boolean high) {
        int[][] box = pattern(s);
        if (box == null) return -1;
        int[] octets = high ? box[1] : box[0];
        long v = 0;
        for (int o : octets) v = (v << 8) | o;
        return v;
    }

    /** {@code A.B.C.D} with each part a number or {@code *}. */
    private static int[][] pattern(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return null;
        int[] lo = new int[4], hi = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.equals("*")) {
                hi[i] = 255;
                continue;
            }
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            lo[i] = hi[i] = v;
        }
        return new int[][]{lo, hi};
    }

    /** The contiguous range {@code [a, b]} as octet boxes (at most seven). */
    static void range(long a, long b, List<int[][]> out) {
        split(a, b, 0, new int[4], out);
    }

    private static void split(long a, long b, int octet, int[] fixed, List<int[][]> out) {
        int rest = 8 * (3 - octet);
        long mask = (1L << rest) - 1;
        int ha = (int) (a >> rest), hb = (int) (b >> rest);
        long la = a & mask, lb = b & mask;
        if (octet == 3) {
            out.add(box(fixed, octet, ha, hb));
            return;
        }
        if (ha == hb) {
            int[] f = fixed.clone();
            f[octet] = ha;
            split(la, lb, octet + 1, f, out);
            return;
        }
        int start = ha, end = hb;
        if (la != 0) {
            int[] f = fixed.clone();
            f[octet] = ha;
            split(la, mask, octet + 1, f, out);
            start = ha + 1;
        }
        if (lb != mask) {
            int[] f = fixed.clone();
            f[octet] = hb;
            split(0, lb, octet + 1, f, out);
            end = hb - 1;
        }
        if (start <= end) out.add(box(fixed, octet, start, end));
    }

    /** Octets before {@code octet} fixed, {@code octet} in {@code [from, to]}, the rest any value. */
    private static int[][] box(int[] fixed, int octet, int from, int to) {
        int[] lo = new int[4], hi = new int[4];
        for (int i = 0; i < octet; i++) lo[i] = hi[i] = fixed[i];
        lo[octet] = from;
        hi[octet] = to;
        for (int i = octet + 1; i < 4; i++) hi[i] = 255;
        return new int[][]{lo, hi};
    }
}
