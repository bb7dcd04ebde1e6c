package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortRange;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.openwrt.nft.NftNat;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.nft.NftTerm;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A fix for the /etc/nftables.d snat statements of a map interface whose blocks are a whole port set of the
 * wrong PSID, or whose address is not the router's: each range is rewritten to the expected PSID's block with
 * the same A, and each address term to the expected IPv4 address, in place (the snippet keeps its layout and
 * form). Offered only when every SNAT target of the interface is an nftables one with known values and its
 * ranges are exactly one PSID's port set, so the edit gives exactly the expected set.
 */
final class NftSnatRepair {
    private NftSnatRepair() {
    }

    static Optional<Fix> forMap(Router router, MapInterface map) {
        Optional<MapeExpectation> e = router.expectation(map);
        List<SnatTarget> targets = router.snatTargetsFor(map);
        if (e.isEmpty() || targets.isEmpty() || targets.stream().anyMatch(t -> t.source() != SnatTarget.Source.NFTABLES
                || !t.known() || t.ports().isEmpty())) {
            return Optional.empty();
        }
        MapeResult want = e.get().result();
        MapRule rule = e.get().rule();
        Set<PortRange> distinct = new LinkedHashSet<>();
        targets.forEach(t -> distinct.add(t.ports().get()));
        PortSetCheck.Result shape = PortSetCheck.check(List.copyOf(distinct), rule.offset(), rule.psidlen(), OptionalInt.empty());
        if (!shape.findings().isEmpty() || shape.psid().isEmpty()) return Optional.empty();
        boolean psidWrong = shape.psid().getAsInt() != want.psid();
        boolean ipWrong = targets.stream().anyMatch(t -> !t.ipv4().equals(Optional.of(want.ipv4())));
        if (!psidWrong && !ipWrong) return Optional.empty();
        Set<String> where = new HashSet<>();
        targets.forEach(t -> where.add(t.uri() + " " + t.range()));
        List<TextEdit> edits = new ArrayList<>();
        Set<String> edited = new HashSet<>();
        for (NftSnippet n : router.nftables()) {
            for (NftNat s : NftNat.in(n)) {
                for (NftNat.Target t : s.targets()) {
                    if (!where.contains(n.uri() + " " + t.ports().range())) continue;
                    if (psidWrong) {
                        PortRange have = PortRange.parse(t.ports().text());
                        int a = MapeCalculator.blockIndexOfPort(have.lo(), rule.offset());
                        Optional<PortRange> block = want.ports().stream()
                                .filter(p -> MapeCalculator.blockIndexOfPort(p.lo(), rule.offset()) == a).findFirst();
                        if (block.isEmpty()) return Optional.empty();
                        edits.add(new TextEdit(n.uri(), t.ports().range(), block.get().toString()));
                    }
                    Optional<NftTerm> address = t.address();
                    if (ipWrong && address.isPresent() && !address.get().text().equals(want.ipv4().toString())
                            && edited.add(n.uri() + " " + address.get().range())) {
                        edits.add(new TextEdit(n.uri(), address.get().range(), want.ipv4().toString()));
                    }
                }
            }
        }
        if (edits.isEmpty()) return Optional.empty();
        List<String> what = new ArrayList<>();
        if (ipWrong) what.add("address " + want.ipv4());
        if (psidWrong) what.add("the " + want.ports().size() + " blocks of PSID " + want.psid());
        return Optional.of(new Fix("Use " + String.join(" and ", what) + " in the snat map", edits));
    }

    /** The certain device edit of an nftables statement: the oifname value becomes the map device. */
    static Fix device(String uri, SourceRange value, String device) {
        return new Fix("Use oifname \"" + device + "\"", List.of(new TextEdit(uri, value, "\"" + device + "\"")));
    }
}
