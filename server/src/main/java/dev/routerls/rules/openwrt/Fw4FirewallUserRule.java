package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.router.FirewallGeneration;
import dev.routerls.openwrt.router.FirewallInclude;
import dev.routerls.openwrt.router.FirewallUserStart;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.List;
import java.util.Optional;

/**
 * {@code openwrt/fw4-firewall-user}: from 22.03 the firewall is fw4 (nftables). It runs
 * /etc/firewall.user only when its include has {@code option fw4_compatible 1}, and iptables rules
 * there only work through the iptables-nft layer; the native place is /etc/nftables.d/*.nft. When a
 * snippet there already SNATs the MAP-E traffic, a skipped firewall.user of NAT rules loses nothing, and
 * its iptables rules are reported as leftovers instead.
 */
public final class Fw4FirewallUserRule extends BaseRule<Router> {

    private static final String RELEASE = """
            DISTRIB_ID='OpenWrt'
            DISTRIB_RELEASE='23.05.0'
            """;
    // one connection after another to each of the PSID's blocks, address and port range per map element
    private static final String NFT_SNAT = """
            chain mape_srcnat {
            	type nat hook postrouting priority srcnat - 1; policy accept;
            	oifname "map-wan_map" meta l4proto { tcp, udp } snat ip to numgen inc mod 15 map {
            		0 : 133.200.18.52 . 5472-5487, 1 : 133.200.18.52 . 9568-9583, 2 : 133.200.18.52 . 13664-13679,
            		3 : 133.200.18.52 . 17760-17775, 4 : 133.200.18.52 . 21856-21871, 5 : 133.200.18.52 . 25952-25967,
            		6 : 133.200.18.52 . 30048-30063, 7 : 133.200.18.52 . 34144-34159, 8 : 133.200.18.52 . 38240-38255,
            		9 : 133.200.18.52 . 42336-42351, 10 : 133.200.18.52 . 46432-46447, 11 : 133.200.18.52 . 50528-50543,
            		12 : 133.200.18.52 . 54624-54639, 13 : 133.200.18.52 . 58720-58735, 14 : 133.200.18.52 . 62816-62831
            	}
            }
            """;

    public Fw4FirewallUserRule() {
        super(RuleInfo.rule("openwrt/fw4-firewall-user", Severity.WARNING)
                .summary("on fw4 (22.03+) firewall.user is skipped without fw4_compatible and its iptables rules need iptables-nft")
                .rationale("""
                        From OpenWrt 22.03 the firewall is fw4, built on nftables. It runs /etc/firewall.user only \
                        when its `config include` has `option fw4_compatible '1'`, and the iptables commands in it \
                        then work only through the iptables-nft layer. Without the option an upgraded router skips \
                        the script silently, and the MAP-E SNAT rules it added are gone. The native place for such \
                        rules on fw4 is a file in /etc/nftables.d/.""")
                .bad(Example.openwrt("etc/openwrt_release", RELEASE, "etc/config/network", OpenWrtExamples.NETWORK,
                        "etc/config/firewall", OpenWrtExamples.FIREWALL, "etc/firewall.user", OpenWrtExamples.SCRIPT))
                .good(Example.openwrt("etc/openwrt_release", RELEASE, "etc/config/network", OpenWrtExamples.NETWORK,
                        "etc/config/firewall", OpenWrtExamples.FIREWALL.replace("""

                        config include
                        	option path '/etc/firewall.user'
                        """, ""), "etc/nftables.d/10-mape.nft", NFT_SNAT))
                .fixable()
                .tags("firewall", "upgrade")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        if (router.release().generation() != FirewallGeneration.FW4 || router.firewallUser().isEmpty()) return;
        ShellScript script = router.firewallUser().get();
        if (script.commands().isEmpty()) return;
        String release = router.release().describe();
        List<FirewallInclude> includes = router.includes().stream().filter(FirewallInclude::runsFirewallUser).toList();
        boolean rcLocalRuns = router.rcLocal().map(Fw4FirewallUserRule::runsFirewallUser).orElse(false);
        Optional<String> nftSnat = nftablesMapeSnat(router);
        // the script being skipped loses nothing when nftables.d already does its MAP-E NAT
        boolean skippingIsHarmless = nftSnat.isPresent() && onlyNatPlumbing(router);
        for (FirewallInclude inc : skippingIsHarmless ? List.<FirewallInclude>of() : includes) {
            if (inc.fw4Compatible()) continue;
            Optional<UciValue> flag = inc.section().value("fw4_compatible");
            Fix fix = new Fix((flag.isPresent() ? "Set" : "Add") + " option fw4_compatible '1' on the include of /etc/firewall.user",
                    List.of(flag.isPresent() ? UciEdits.set(inc.uri(), flag.get(), "1")
                            : UciEdits.add(inc.uri(), inc.section(), "option", "fw4_compatible", "1")));
            out.report(inc.uri(), flag.map(UciValue::range).orElse(inc.section().header().range()), "On " + release
                    + " the firewall is fw4, which skips this include of /etc/firewall.user unless it has option "
                    + "fw4_compatible '1'" + (rcLocalRuns ? " (rc.local still runs the script once at boot, but not "
                    + "after a firewall reload)" : "") + ". Add option fw4_compatible '1', or better move the rules to "
                    + "an nftables file in /etc/nftables.d/.", List.of(fix));
        }
        if (includes.isEmpty() && !rcLocalRuns && !skippingIsHarmless && router.uci("firewall").isPresent()) {
            out.report(script.uri(), firstLine(script), "On " + release + " nothing runs /etc/firewall.user: fw4 only "
                    + "does so for a config include with path '/etc/firewall.user' and option fw4_compatible '1'. "
                    + "Add that include, or move the rules to /etc/nftables.d/.");
        }
        Optional<IptablesRule> ipt = router.iptables().stream().findFirst();
        if (ipt.isPresent() && nftSnat.isPresent()) {
            out.report(script.uri(), ipt.get().source().range(), "On " + release + " the MAP-E SNAT is already done by "
                    + nftSnat.get() + " in /etc/nftables.d/; these " + ipt.get().source().program() + " rules are left "
                    + "over from the fw3 setup and, if anything runs them, translate the same connections a second "
                    + "time. Remove them from firewall.user.");
        } else if (ipt.isPresent()) {
            out.report(script.uri(), ipt.get().source().range(), "On " + release + " these " + ipt.get().source().program()
                    + " rules only take effect through the iptables-nft compatibility layer (package iptables-nft), "
                    + "beside fw4's own nftables ruleset, and fw4 does not manage them. The native way is an nftables "
                    + "file in /etc/nftables.d/, e.g. snat ip to numgen inc mod <blocks> map { 0 : <IPv4> . <first>-<last>, … } "
                    + "for the MAP-E port blocks (routerls mape --snat nft writes it).");
        }
    }

    /** The nftables.d file that SNATs the traffic of every map interface, if there is one. */
    private static Optional<String> nftablesMapeSnat(Router router) {
        if (router.mapInterfaces().isEmpty()) return Optional.empty();
        String file = null;
        for (MapInterface m : router.mapInterfaces()) {
            Optional<SnatTarget> t = router.snatTargetsFor(m).stream()
                    .filter(x -> x.source() == SnatTarget.Source.NFTABLES).findFirst();
            if (t.isEmpty()) return Optional.empty();
            if (file == null) file = t.get().uri().substring(t.get().uri().lastIndexOf('/') + 1);
        }
        return Optional.of(file);
    }

    /** Every iptables rule of the script is NAT or mangle plumbing (marks, SNAT), nothing a filter needs. */
    private static boolean onlyNatPlumbing(Router router) {
        return router.iptables().stream().allMatch(r -> "nat".equals(r.command().table()) || "mangle".equals(r.command().table()));
    }

    /** rc.local has {@code sh /etc/firewall.user} (or {@code . /etc/firewall.user}), as seed 000 adds. */
    static boolean runsFirewallUser(ShellScript rc) {
        return FirewallUserStart.call(rc).isPresent();
    }

    private static SourceRange firstLine(ShellScript script) {
        SourceRange r = script.commands().get(0).range();
        return new SourceRange(r.startLine(), r.startColumn(), r.startLine(),
                r.endLine() == r.startLine() ? r.endColumn() : r.startColumn());
    }
}
