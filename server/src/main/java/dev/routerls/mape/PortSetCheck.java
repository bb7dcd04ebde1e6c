package dev.routerls.mape;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Compares hand-written port ranges with the port set of a MAP-E PSID. This is the one check behind
 * both {@code yamaha/mape-port-range} (ranges of {@code nat descriptor masquerade port range}) and
 * {@code openwrt/mape-port-range} (the {@code SNAT --to IP:lo-hi} targets of firewall.user).
 *
 * <p>Input: the ranges in source order, the rule's {@code offset} and {@code psidlen}, and the PSID
 * they should belong to when it is known (from the delegated prefix). Without one, the most common
 * PSID among the ranges that are whole blocks is assumed. Output: a {@link Result} with the PSID
 * checked against, its expected blocks, and {@link PortSetFinding}s: per range (invalid, A = 0
 * system ports, overlap with an earlier range, wrong block size, a block of another PSID), then for
 * the whole set (evenly spaced with a stride that is not the rule's, several PSIDs, missing blocks).
 * A range gets at most one per-range finding. When a wrong stride explains the set, the per-range
 * other-PSID findings it causes are left out.
 *
 * <p>With psidlen 0 the port set is one contiguous run, so only invalid, system-port, overlap and
 * missing-port findings apply.
 */
public final class PortSetCheck {
    private PortSetCheck() {
    }

    /**
     * @param psid          the PSID the ranges were checked against (empty when none was given and no range is usable)
     * @param psidInferred  true when {@code psid} was guessed from the ranges rather than given
     * @param expected      the blocks of {@code psid} (empty when psid is empty)
     */
    public record Result(OptionalInt psid, boolean psidInferred, List<PortRange> expected, List<PortSetFinding> findings) {
        public Result {
            expected = List.copyOf(expected);
            findings = List.copyOf(findings);
        }

        /** True when the ranges are exactly the expected port set. */
        public boolean matches() {
            return findings.isEmpty() && psid.isPresent();
        }
    }

    /** Checks {@code ranges} against the port set of whichever PSID most of them belong to. */
    public static Result check(List<PortRange> ranges, int offset, int psidlen) {
        return check(ranges, offset, psidlen, OptionalInt.empty());
    }

    /** Checks {@code ranges} against the port set of {@code expectedPsid} (inferred when empty). */
    public static Result check(List<PortRange> ranges, int offset, int psidlen, OptionalInt expectedPsid) {
        if (offset < 0 || psidlen < 0 || offset + psidlen > 16) {
            throw new MapeException("offset " + offset + " and psidlen " + psidlen + " do not fit in a 16-bit port");
        }
        if (expectedPsid.isPresent() && (expectedPsid.getAsInt() < 0 || expectedPsid.getAsInt() >= (1 << psidlen))) {
            throw new MapeException("PSID " + expectedPsid.getAsInt() + " does not fit in " + psidlen + " bits");
        }
        return new Run(ranges, offset, psidlen).check(expectedPsid);
    }

    /** State of one check; per-range classification is kept in {@code classes}. */
    private static final class Run {
        private enum Class { SKIPPED, BLOCK, IRREGULAR }

        private final List<PortRange> ranges;
        private final int offset;
        private final int psidlen;
        private final int blockSize;
        private final int stride;
        private final int firstSharedPort;
        private final Class[] classes;
        private final List<PortSetFinding> perRange = new ArrayList<>();
        private final List<PortSetFinding> whole = new ArrayList<>();

        Run(List<PortRange> ranges, int offset, int psidlen) {
            this.ranges = List.copyOf(ranges);
            this.offset = offset;
            this.psidlen = psidlen;
            this.blockSize = MapeCalculator.blockSize(offset, psidlen);
            this.stride = MapeCalculator.stride(offset);
            this.firstSharedPort = offset == 0 ? 0 : stride;
            this.classes = new Class[this.ranges.size()];
        }

        Result check(OptionalInt given) {
            classify();
            OptionalInt psid = given.isPresent() ? given : inferPsid();
            if (psidlen > 0) {
                boolean strideWrong = checkStride();
                for (int i = 0; i < ranges.size(); i++) {
                    if (classes[i] == Class.IRREGULAR) {
                        perRange.add(wrongSize(i, psid));
                    } else if (classes[i] == Class.BLOCK && psid.isPresent() && !strideWrong) {
                        int own = psidOf(ranges.get(i).lo());
                        if (own != psid.getAsInt()) {
                            perRange.add(new PortSetFinding.OtherPsid(i, ranges.get(i), own, psid.getAsInt(),
                                    blockOf(psid.getAsInt(), ranges.get(i).lo())));
                        }
                    }
                }
                if (given.isEmpty() && psid.isPresent() && !strideWrong) {
                    TreeSet<Integer> seen = blockPsids();
                    if (seen.size() > 1) {
                        whole.add(new PortSetFinding.MixedPsids(List.copyOf(seen), psid.getAsInt()));
                    }
                }
            }
            List<PortRange> expected = psid.isPresent()
                    ? MapeCalculator.portSet(offset, psidlen, psid.getAsInt()) : List.of();
            List<PortRange> missing = uncovered(expected);
            if (!missing.isEmpty()) {
                whole.add(new PortSetFinding.MissingBlocks(psid.getAsInt(), missing));
            }
            perRange.sort((x, y) -> Integer.compare(x.rangeIndex(), y.rangeIndex()));
            List<PortSetFinding> all = new ArrayList<>(perRange);
            all.addAll(whole);
            return new Result(psid, given.isEmpty() && psid.isPresent(), expected, all);
        }

        /** Invalid, A = 0 and overlapping ranges are reported and skipped; the rest are whole blocks or not. */
        private void classify() {
            for (int i = 0; i < ranges.size(); i++) {
                PortRange r = ranges.get(i);
                classes[i] = Class.SKIPPED;
                if (!r.isValid()) {
                    perRange.add(new PortSetFinding.InvalidRange(i, r));
                    continue;
                }
                if (r.lo() < firstSharedPort) {
                    perRange.add(new PortSetFinding.SystemPorts(i, r, firstSharedPort));
                    continue;
                }
                int earlier = firstOverlap(i);
                if (earlier >= 0) {
                    perRange.add(new PortSetFinding.Duplicate(i, r, earlier));
                    continue;
                }
                boolean whole = psidlen == 0 || (r.size() == blockSize && r.lo() % blockSize == 0);
                classes[i] = whole ? Class.BLOCK : Class.IRREGULAR;
            }
        }

        private int firstOverlap(int i) {
            for (int j = 0; j < i; j++) {
                if (ranges.get(j).isValid() && ranges.get(j).overlaps(ranges.get(i))) {
                    return j;
                }
            }
            return -1;
        }

        /** Most common PSID among whole blocks (ties: the first in source order), else among the other ranges' starts. */
        private OptionalInt inferPsid() {
            if (psidlen == 0) {
                return OptionalInt.of(0);
            }
            OptionalInt fromBlocks = mostCommon(Class.BLOCK);
            return fromBlocks.isPresent() ? fromBlocks : mostCommon(Class.IRREGULAR);
        }

        private OptionalInt mostCommon(Class wanted) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int i = 0; i < ranges.size(); i++) {
                if (classes[i] == wanted) {
                    counts.merge(psidOf(ranges.get(i).lo()), 1, Integer::sum);
                }
            }
            int best = -1;
            for (int i = 0; i < ranges.size(); i++) {
                if (classes[i] == wanted) {
                    int p = psidOf(ranges.get(i).lo());
                    if (best < 0 || counts.get(p) > counts.get(best)) {
                        best = p;
                    }
                }
            }
            return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
        }

        private TreeSet<Integer> blockPsids() {
            TreeSet<Integer> seen = new TreeSet<>();
            for (int i = 0; i < ranges.size(); i++) {
                if (classes[i] == Class.BLOCK) {
                    seen.add(psidOf(ranges.get(i).lo()));
                }
            }
            return seen;
        }

        /** Three or more usable ranges evenly spaced by a distance that is not a multiple of the rule's stride. */
        private boolean checkStride() {
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                if (classes[i] != Class.SKIPPED) {
                    starts.add(ranges.get(i).lo());
                }
            }
            if (starts.size() < 3) {
                return false;
            }
            starts.sort(null);
            int step = starts.get(1) - starts.get(0);
            for (int i = 2; i < starts.size(); i++) {
                if (starts.get(i) - starts.get(i - 1) != step) {
                    return false;
                }
            }
            if (step % stride == 0) {
                return false;
            }
            whole.add(new PortSetFinding.WrongStride(step, stride));
            return true;
        }

        private PortSetFinding wrongSize(int i, OptionalInt psid) {
            PortRange r = ranges.get(i);
            int target = psid.isPresent() ? psid.getAsInt() : psidOf(r.lo());
            TreeSet<Integer> touched = new TreeSet<>();
            for (long port = r.lo(); port <= r.hi(); port = (port / blockSize + 1) * blockSize) {
                if (port >= firstSharedPort) {
                    touched.add(psidOf((int) port));
                }
            }
            return new PortSetFinding.WrongBlockSize(i, r, blockSize, blockOf(target, r.lo()), List.copyOf(touched));
        }

        /** The block of {@code psid} in the same A as {@code port}. */
        private PortRange blockOf(int psid, int port) {
            int a = MapeCalculator.blockIndexOfPort(port, offset);
            int start = offset == 0 ? psid * blockSize : (a << (16 - offset)) | (psid * blockSize);
            return new PortRange(start, start + blockSize - 1);
        }

        private int psidOf(int port) {
            return MapeCalculator.psidOfPort(port, offset, psidlen);
        }

        /** Parts of {@code expected} that no usable range touches or points at (whole blocks, or gaps when psidlen is 0). */
        private List<PortRange> uncovered(List<PortRange> expected) {
            List<PortRange> out = new ArrayList<>();
            for (PortRange block : expected) {
                if (psidlen > 0) {
                    if (!touchedByUsable(block) && !namedByFinding(block)) {
                        out.add(block);
                    }
                } else {
                    out.addAll(gaps(block));
                }
            }
            return out;
        }

        /** A wrong-size or other-PSID range already points at this block as the one it should be. */
        private boolean namedByFinding(PortRange block) {
            for (PortSetFinding f : perRange) {
                if (f instanceof PortSetFinding.OtherPsid o && o.expected().equals(block)
                        || f instanceof PortSetFinding.WrongBlockSize w && w.expected().equals(block)) {
                    return true;
                }
            }
            return false;
        }

        private boolean touchedByUsable(PortRange block) {
            for (int i = 0; i < ranges.size(); i++) {
                if (classes[i] != Class.SKIPPED && ranges.get(i).overlaps(block)) {
                    return true;
                }
            }
            return false;
        }

        /** Sub-ranges of {@code span} that no valid range covers. */
        private List<PortRange> gaps(PortRange span) {
            List<PortRange> covering = new ArrayList<>();
            for (PortRange r : ranges) {
                if (r.isValid() && r.overlaps(span)) {
                    covering.add(r);
                }
            }
            covering.sort((x, y) -> Integer.compare(x.lo(), y.lo()));
            List<PortRange> out = new ArrayList<>();
            int next = span.lo();
            for (PortRange r : covering) {
                if (r.lo() > next) {
                    out.add(new PortRange(next, r.lo() - 1));
                }
                next = Math.max(next, r.hi() + 1);
            }
            if (next <= span.hi()) {
                out.add(new PortRange(next, span.hi()));
            }
            return out;
        }
    }
}
