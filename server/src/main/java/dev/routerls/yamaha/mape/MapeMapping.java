package dev.routerls.yamaha.mape;

import dev.routerls.mape.MapeCalculator;
import dev.routerls.core.SourceRange;
import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.MapRule;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a manual MAP-E setup's port ranges are judged against: the port-set shape ({@code offset},
 * {@code psidlen}), and — only when a CE address inside a known rule gives them — the PSID and the
 * shared IPv4 address. {@code basis} says in words where the shape came from (for messages).
 *
 * @param rule       the mapping rule of the CE address, or null when only the shape is known
 * @param ce         the CE address as written and where (null unless {@code rule} is set)
 * @param problems   inconsistencies found while deriving (e.g. an interface id that disagrees with the prefix)
 */
public record MapeMapping(String family, int offset, int psidlen, OptionalInt psid, Ipv4Address ipv4,
                          MapRule rule, String ce, SourceRange ceRange, String basis, List<Problem> problems) {

    public MapeMapping {
        problems = List.copyOf(problems);
    }

    /** Something wrong with the CE address itself, with where it is written. */
    public record Problem(SourceRange range, String message) {
    }

    public int blockSize() {
        return MapeCalculator.blockSize(offset, psidlen);
    }

    public int stride() {
        return MapeCalculator.stride(offset);
    }

    public int blockCount() {
        return MapeCalculator.blockCount(offset);
    }
}
