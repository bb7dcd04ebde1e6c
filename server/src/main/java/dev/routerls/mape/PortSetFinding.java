package dev.routerls.mape;

import java.util.List;

/**
 * One way a list of SNAT / NAT port ranges differs from a MAP-E port set; produced by
 * {@link PortSetCheck}. Findings about one range carry its index in the checked list; findings
 * about the whole set have {@link #rangeIndex()} −1. Callers turn them into diagnostics placed on
 * the source text of that range (or of the whole list).
 */
public sealed interface PortSetFinding {

    enum Kind { INVALID_RANGE, SYSTEM_PORTS, DUPLICATE, WRONG_BLOCK_SIZE, OTHER_PSID, WRONG_STRIDE, MIXED_PSIDS, MISSING_BLOCKS }

    Kind kind();

    /** Index of the range in the checked list, or −1 when the finding is about the whole set. */
    int rangeIndex();

    /** lo > hi, or a bound outside 0–65535. */
    record InvalidRange(int rangeIndex, PortRange actual) implements PortSetFinding {
        public Kind kind() {
            return Kind.INVALID_RANGE;
        }
    }

    /** The range reaches below {@code firstSharedPort} = 2^(16−offset), the A = 0 ports no CE owns. */
    record SystemPorts(int rangeIndex, PortRange actual, int firstSharedPort) implements PortSetFinding {
        public Kind kind() {
            return Kind.SYSTEM_PORTS;
        }
    }

    /** The range overlaps the earlier range at {@code firstIndex}. */
    record Duplicate(int rangeIndex, PortRange actual, int firstIndex) implements PortSetFinding {
        public Kind kind() {
            return Kind.DUPLICATE;
        }
    }

    /**
     * The range is not one whole block of {@code expectedSize} ports. {@code expected} is the block of
     * the checked PSID in the same A as the range's start; {@code psids} are the PSIDs whose ports the
     * range touches.
     */
    record WrongBlockSize(int rangeIndex, PortRange actual, int expectedSize, PortRange expected, List<Integer> psids)
            implements PortSetFinding {
        public WrongBlockSize {
            psids = List.copyOf(psids);
        }

        public Kind kind() {
            return Kind.WRONG_BLOCK_SIZE;
        }
    }

    /** The range is an exact block, but of {@code actualPsid}; {@code expected} is the checked PSID's block in the same A. */
    record OtherPsid(int rangeIndex, PortRange actual, int actualPsid, int expectedPsid, PortRange expected)
            implements PortSetFinding {
        public Kind kind() {
            return Kind.OTHER_PSID;
        }
    }

    /** At least three ranges are evenly spaced {@code actualStride} apart, which is not a multiple of 2^(16−offset). */
    record WrongStride(int actualStride, int expectedStride) implements PortSetFinding {
        public Kind kind() {
            return Kind.WRONG_STRIDE;
        }

        public int rangeIndex() {
            return -1;
        }
    }

    /** No PSID was given and the exact blocks belong to several PSIDs; {@code assumedPsid} is the most common one. */
    record MixedPsids(List<Integer> psids, int assumedPsid) implements PortSetFinding {
        public MixedPsids {
            psids = List.copyOf(psids);
        }

        public Kind kind() {
            return Kind.MIXED_PSIDS;
        }

        public int rangeIndex() {
            return -1;
        }
    }

    /**
     * Blocks of {@code psid} that no range touches and no per-range finding names as its expected
     * block (so one misplaced range yields one finding, not two). With psidlen 0: the uncovered ports.
     */
    record MissingBlocks(int psid, List<PortRange> missing) implements PortSetFinding {
        public MissingBlocks {
            missing = List.copyOf(missing);
        }

        public Kind kind() {
            return Kind.MISSING_BLOCKS;
        }

        public int rangeIndex() {
            return -1;
        }
    }
}
