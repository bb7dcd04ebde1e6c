package dev.routerls.yamaha.mape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks port blocks (as listed by {@code nat descriptor masquerade port range}) against the MAP-E port
 * set of one PSID: block size, alignment/stride, the excluded A=0 ports, and one PSID for all blocks.
 * Pure arithmetic; which profile applies comes from the caller (a mapping rule, or {@link #infer}).
 */
public final class PortSetCheck {
    private PortSetCheck() {
    }

    /** One port block, inclusive. */
    public record Block(int first, int last) {
        int size() {
            return last - first + 1;
        }
    }

    /** A problem with block {@code index}. */
    public record Issue(int index, String message) {
    }

    public static List<Issue> check(List<Block> blocks, PortSetProfile profile) {
        List<Issue> issues = new ArrayList<>();
        int m = profile.m();
        int size = profile.blockSize();
        int[] psids = new int[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            psids[i] = -1;
            if (b.size() != size) {
                issues.add(new Issue(i, "holds " + b.size() + " ports, but a " + profile.name() + " MAP-E block is "
                        + size + " ports (" + profile.blockCount() + " blocks " + profile.stride() + " apart)"));
                continue;
            }
            if (b.first() % size != 0) {
                issues.add(new Issue(i, "does not start on a " + size + "-port boundary, so it straddles two PSIDs' blocks"));
                continue;
            }
            int a = b.first() >> (16 - profile.a());
            if (a == 0) {
                issues.add(new Issue(i, "lies in ports 0-" + (profile.stride() - 1)
                        + " (A=0), which MAP-E never assigns to a customer"));
                continue;
            }
            psids[i] = (b.first() >> m) & ((1 << profile.k()) - 1);
        }
        Integer expected = profile.psid();
        if (expected == null) expected = majority(psids);
        if (expected != null) {
            for (int i = 0; i < psids.length; i++) {
                if (psids[i] >= 0 && psids[i] != expected) {
                    String why = profile.psid() != null
                            ? "belongs to PSID " + psids[i] + ", not to PSID " + expected + " of this CE's mapping rule"
                            : "belongs to PSID " + psids[i] + " while the other blocks belong to PSID " + expected
                            + " (the " + profile.stride() + "-port stride is broken)";
                    issues.add(new Issue(i, why));
                }
            }
        }
        issues.sort((x, y) -> Integer.compare(x.index(), y.index()));
        return issues;
    }

    /** The PSID most blocks belong to (ties: the smallest), or null when no block has one. */
    private static Integer majority(int[] psids) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p : psids) if (p >= 0) counts.merge(p, 1, Integer::sum);
        Integer best = null;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best) || (e.getValue().equals(counts.get(best)) && e.getKey() < best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    /**
     * The known profile the blocks follow: OCN when two well-formed blocks are a multiple of 1024 apart
     * but not of 4096 (only OCN's stride allows that), otherwise v6plus/BIGLOBE (whose blocks also fit
     * OCN's shape, so the wider stride is the safer reading).
     */
    public static PortSetProfile infer(List<Block> blocks) {
        List<Integer> starts = new ArrayList<>();
        for (Block b : blocks) if (b.size() == 16 && b.first() % 16 == 0) starts.add(b.first());
        for (int i = 0; i < starts.size(); i++) {
            for (int j = i + 1; j < starts.size(); j++) {
                int diff = Math.abs(starts.get(i) - starts.get(j));
                if (diff % PortSetProfile.OCN.stride() == 0 && diff % PortSetProfile.V6PLUS_BIGLOBE.stride() != 0) {
                    return PortSetProfile.OCN;
                }
            }
        }
        return PortSetProfile.V6PLUS_BIGLOBE;
    }
}
