package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.core.Severity;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.PortRange;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.mape.PortSetFinding;
import dev.routerls.openwrt.router.MapInterface;
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
 * {@code openwrt/mape-port-range}: the {@code SNAT --to IP:lo-hi} ranges firewall.user creates (or the
 * {@code snat ip to IP:lo-hi} / numgen map ranges of an nftables.d snippet) must be
 * exactly the port set of one PSID under the MAP-E rule: whole blocks, the rule's stride, no A = 0
 * ports, no block left out. Which PSID it should be is {@code openwrt/mape-psid-mismatch}'s concern;
 * this rule checks the shape against the PSID most ranges belong to (the shared {@link PortSetCheck}).
 */
public final class MapePortRangeRule extends BaseRule<Router> {
    public static final String ID = "openwrt/mape-port-range";

    public MapePortRangeRule() {
        super(RuleInfo.rule(ID, Severity.ERROR)
                .summary("SNAT port ranges (firewall.user or nftables.d) are not exactly a MAP-E port set")
                .rationale("""
                        A MAP-E customer may use only the ports of its PSID: with v6plus and BIGLOBE 15 blocks of \
                        16 ports, 4096 apart, starting at 4096 + 16 * PSID; with OCN 63 blocks of 16, 1024 apart. \
                        A firewall.user loop or an nftables.d snippet that SNATs to other ports (OCN's stride on a \
                        BIGLOBE line, 32-port blocks, ports below 4096, a block left out) gets those connections \
                        dropped by the border relay or wastes ports. routerls evaluates the script, or reads the \
                        nft rules, and compares the ranges with the PSID's port set.""")
                .bad(OpenWrtExamples.script(OpenWrtExamples.SCRIPT.replace("units1=15", "units1=63")
                        .replace("units2=4096", "units2=1024")))
                .good(OpenWrtExamples.script(OpenWrtExamples.SCRIPT))
                .fixable()
                .tags("mape", "nat")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        for (MapInterface m : router.mapInterfaces()) {
            Optional<MapRule> rule = router.portRule(m);
            if (rule.isEmpty()) continue;
            SnatPortRanges ranges = new SnatPortRanges(router.snatTargetsFor(m));
            if (ranges.isEmpty()) continue;
            MapRule r = rule.get();
            PortSetCheck.Result result = PortSetCheck.check(ranges.ranges(), r.offset(), r.psidlen(), OptionalInt.empty());
            LineFindings lines = new LineFindings();
            List<Fix> fixes = result.findings().isEmpty() ? List.of() : SnatFixes.forMap(router, m);
            for (PortSetFinding f : result.findings()) {
                if (f.rangeIndex() >= 0) {
                    for (SnatTarget t : ranges.sourcesOf(f.rangeIndex())) {
                        lines.add(t.uri(), SnatPortRanges.at(t), f.kind().name(), perRange(f, r),
                                MapePsidMismatchRule.scriptFixes(t, fixes));
                    }
                } else {
                    lines.add(ranges.first().uri(), SnatPortRanges.at(ranges.first()), f.kind().name(), whole(f, r, result),
                            MapePsidMismatchRule.scriptFixes(ranges.first(), fixes));
                }
            }
            lines.reportTo(out);
        }
    }

    private static String perRange(PortSetFinding f, MapRule r) {
        int block = r.portsPerBlock();
        if (f instanceof PortSetFinding.InvalidRange x) {
            return "SNAT port range " + x.actual() + " is not a valid range (it must be lo-hi with lo ≤ hi, within "
                    + "0-65535); iptables rejects the rule.";
        }
        if (f instanceof PortSetFinding.SystemPorts x) {
            return "SNAT ports " + x.actual() + " reach below " + x.firstSharedPort() + ": MAP-E gives no customer the "
                    + "ports 0-" + (x.firstSharedPort() - 1) + " (A = 0 with offset " + r.offset() + "), so the border "
                    + "relay drops these connections. Use only blocks from " + x.firstSharedPort() + " up.";
        }
        if (f instanceof PortSetFinding.Duplicate x) {
            return "SNAT ports " + x.actual() + " overlap another SNAT range of the script; each block should be "
                    + "used by exactly one mark. Remove the duplicate.";
        }
        if (f instanceof PortSetFinding.WrongBlockSize x) {
            return "SNAT range " + x.actual() + " is " + x.actual().size() + " ports, but under this rule a block is "
                    + x.expectedSize() + " ports (2^(16 − offset " + r.offset() + " − psidlen " + r.psidlen()
                    + ")) and the range touches the ports of PSID" + (x.psids().size() > 1 ? "s " : " ") + x.psids()
                    + ". Ports of other customers are dropped by the border relay. Use " + x.expected()
                    + " (blocks are " + block + " ports: portr = portl + " + (block - 1) + ").";
        }
        if (f instanceof PortSetFinding.OtherPsid x) {
            return "SNAT block " + x.actual() + " belongs to PSID " + x.actualPsid() + ", while the other ranges use PSID "
                    + x.expectedPsid() + "; another customer owns these ports. Use " + x.expected() + ".";
        }
        return f.toString();
    }

    private static String whole(PortSetFinding f, MapRule r, PortSetCheck.Result result) {
        if (f instanceof PortSetFinding.WrongStride x) {
            return "The SNAT ranges repeat every " + x.actualStride() + " ports, but this rule's blocks repeat every "
                    + x.expectedStride() + " (2^(16 − offset " + r.offset() + "))"
                    + (x.actualStride() == 1024 ? ", which is OCN's spacing (offset 6)" : "")
                    + ", so most ranges fall on other customers' ports. Step by " + x.expectedStride()
                    + " (units2=" + x.expectedStride() + ") and use " + MapeCalculator.blockCount(r.offset()) + " blocks.";
        }
        if (f instanceof PortSetFinding.MixedPsids x) {
            return "The SNAT blocks belong to several PSIDs " + x.psids() + "; a router owns the blocks of one PSID only "
                    + "(most here are PSID " + x.assumedPsid() + "). Compute every block from the same PSID.";
        }
        if (f instanceof PortSetFinding.MissingBlocks x) {
            List<PortRange> miss = x.missing();
            return "The SNAT rules leave out " + miss.size() + " of the " + result.expected().size() + " blocks of PSID "
                    + x.psid() + ": " + SnatPortRanges.list(miss, 4) + ". Those ports are never used, so fewer "
                    + "connections fit. Add a mark and a SNAT rule for each missing block.";
        }
        return f.toString();
    }
}
