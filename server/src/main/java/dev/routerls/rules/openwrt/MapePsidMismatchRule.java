package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.mape.PortSetFinding;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code openwrt/mape-psid-mismatch}: the IPv4 address and PSID firewall.user (or an nftables.d snippet) SNATs to must be those
 * the delegated prefix in the config gives under the ISP's rule (seed 000: IP4 and PSID typed by hand).
 * When the script takes them from something routerls cannot evaluate it checks nothing ({@link MapeSnatUnknownRule} says so).
 */
public final class MapePsidMismatchRule extends BaseRule<Router> {
    public static final String ID = "openwrt/mape-psid-mismatch";

    public MapePsidMismatchRule() {
        super(RuleInfo.rule(ID, Severity.ERROR)
                .summary("SNAT (firewall.user or nftables.d) to an IPv4 address or PSID other than the one the delegated prefix gives")
                .rationale("""
                        The IPv4 address and PSID of a MAP-E line follow from the delegated IPv6 prefix. A script \
                        that SNATs to another address or PSID (typed by hand, copied from a guide or from another \
                        router) uses addresses and ports that belong to another customer, and the border relay \
                        drops that traffic. `routerls mape PREFIX` prints the right values.""")
                .bad(OpenWrtExamples.script(OpenWrtExamples.SCRIPT.replace("PSID='86'", "PSID='87'")))
                .good(OpenWrtExamples.script(OpenWrtExamples.SCRIPT))
                .fixable()
                .tags("mape", "nat")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        for (MapInterface m : router.mapInterfaces()) {
            List<SnatTarget> targets = router.snatTargetsFor(m);
            if (targets.isEmpty()) continue;
            // values routerls cannot compute are said once by MapeSnatUnknownRule; nothing to compare here
            if (targets.stream().anyMatch(t -> !t.known())) continue;
            Optional<MapeExpectation> e = router.expectation(m);
            if (e.isEmpty()) continue;
            MapeResult want = e.get().result();
            String origin = "the delegated prefix " + e.get().prefix().prefix() + " (" + e.get().prefix().option() + " of '"
                    + e.get().prefix().interfaceName() + "') under " + (e.get().ruleFromTable()
                    ? e.get().rule().isp() + "'s rule " + e.get().rule().ip6prefix() : "the rule of interface '" + m.name() + "'");
            LineFindings lines = new LineFindings();
            List<Fix> fixes = SnatFixes.forMap(router, m);
            List<Fix> nftFixes = NftSnatRepair.forMap(router, m).stream().toList();
            for (SnatTarget t : targets) {
                Optional<Ipv4Address> ip = t.ipv4();
                if (ip.isPresent() && !ip.get().equals(want.ipv4())) {
                    lines.add(t.uri(), SnatPortRanges.at(t), "ipv4", "SNAT source " + ip.get() + " is not this router's "
                            + "MAP-E address " + want.ipv4() + " (from " + origin + "); the border relay drops packets "
                            + "from any other address. Use " + want.ipv4()
                            + (t.source() == SnatTarget.Source.FIREWALL_USER ? " (IP4='" + want.ipv4() + "')." : "."),
                            fixesFor(t, fixes, nftFixes));
                }
            }
            lines.reportTo(out);
            SnatPortRanges ranges = new SnatPortRanges(targets);
            if (ranges.isEmpty()) continue;
            PortSetCheck.Result shape = PortSetCheck.check(ranges.ranges(), e.get().rule().offset(),
                    e.get().rule().psidlen(), OptionalInt.empty());
            // when the ranges are not a port set at all (wrong stride, mixed PSIDs), mape-port-range says so
            // and no single PSID can be read from them
            boolean shapeless = shape.findings().stream().anyMatch(f -> f.kind() == PortSetFinding.Kind.WRONG_STRIDE
                    || f.kind() == PortSetFinding.Kind.MIXED_PSIDS);
            if (!shapeless && shape.psid().isPresent() && shape.psid().getAsInt() != want.psid()) {
                out.report(ranges.first().uri(), SnatPortRanges.at(ranges.first()), "The SNAT port blocks belong to PSID "
                        + shape.psid().getAsInt() + ", but " + origin + " gives PSID " + want.psid() + " (ports "
                        + SnatPortRanges.list(want.ports(), 3) + "); other customers own the ports used here, so "
                        + "those connections fail. " + (ranges.first().source() == SnatTarget.Source.FIREWALL_USER
                        ? "Set PSID=" + want.psid() + "." : "Use the blocks of PSID " + want.psid() + "."),
                        fixesFor(ranges.first(), fixes, nftFixes));
            }
        }
    }

    /** The script repairs edit firewall.user; a target written in an nftables.d file gets none. */
    static List<Fix> scriptFixes(SnatTarget t, List<Fix> fixes) {
        return t.source() == SnatTarget.Source.FIREWALL_USER ? fixes : List.of();
    }

    /** The fixes for a target: the script's for firewall.user, the snippet's in-place repair for nftables.d. */
    private static List<Fix> fixesFor(SnatTarget t, List<Fix> script, List<Fix> nft) {
        return t.source() == SnatTarget.Source.FIREWALL_USER ? script : nft;
    }
}
