package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.LineIndex;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.nft.NftNat;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.nft.NftTerm;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code openwrt/nft-map-range}: a NAT statement whose anonymous map has bare port ranges as its data,
 * {@code snat ip to IP : numgen inc mod N map { 0 : LO-HI, … }} (in an /etc/nftables.d snippet or an
 * {@code nft} command of firewall.user). nft loads it, but the map's data type is then a single port: the
 * kernel keeps LO of every range ({@code nft list ruleset} reads {@code 0 : 5472-0} back), so the statement
 * has one usable port per element and further connections fail. Measured on nft 1.0.6 and 1.1.1 and by
 * MapeSnatKernelIT. The fix writes the concatenated form {@code numgen … map { 0 : IP . LO-HI, … }}, which
 * the kernel applies whole; it is offered when the address is one literal IPv4 address and every element's
 * data is a port or range written where the edit can reach it.
 */
public final class NftMapRangeRule extends BaseRule<Router> {
    private static final String RELEASE = "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='23.05.3'\n";
    private static final String SNIPPET = """
            chain mape_srcnat {
            	type nat hook postrouting priority srcnat - 1; policy accept;
            	oifname "map-wan_map" meta l4proto { tcp, udp } snat ip to MAP
            }
            """;

    public NftMapRangeRule() {
        super(RuleInfo.rule("openwrt/nft-map-range", Severity.ERROR)
                .summary("an nftables NAT map whose data are port ranges: the kernel uses only the first port of each")
                .rationale("""
                        In `snat ip to ADDRESS : numgen inc mod N map { 0 : LO-HI, … }` the map's data type is a \
                        single port. nft accepts a range there without a word, but the kernel keeps only LO: `nft \
                        list ruleset` reads the elements back as `LO-0`, and every element gives one usable port \
                        instead of its block. A MAP-E router then has 15 ports instead of 240 (63 instead of 1008 on \
                        OCN), and new connections fail once they are taken. Writing each element as `ADDRESS . LO-HI` \
                        (`snat ip to numgen inc mod N map { 0 : ADDRESS . LO-HI, … }`) hands the kernel the whole \
                        range; routerls' tests load both forms into a real kernel.""")
                .bad(Example.openwrt("etc/openwrt_release", RELEASE, "etc/nftables.d/10-mape.nft",
                        SNIPPET.replace("MAP", "133.200.18.52 : numgen inc mod 2 map { 0 : 5472-5487, 1 : 9568-9583 }")))
                .good(Example.openwrt("etc/openwrt_release", RELEASE, "etc/nftables.d/10-mape.nft",
                        SNIPPET.replace("MAP", "numgen inc mod 2 map { 0 : 133.200.18.52 . 5472-5487, 1 : 133.200.18.52 . 9568-9583 }")))
                .fixable()
                .tags("nftables", "mape", "nat")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        for (NftSnippet n : router.nftables()) {
            for (NftNat s : NftNat.in(n.rules())) check(s, n.uri(), null, out);
        }
        Optional<ShellScript> script = router.firewallUser();
        if (script.isPresent()) {
            for (NftNat s : NftNat.in(router.scriptNftRules())) check(s, script.get().uri(), script.get().text(), out);
        }
    }

    /** {@code scriptText} is set for an nft command of a script, whose term ranges are checked before editing. */
    private static void check(NftNat s, String uri, String scriptText, Findings out) {
        if (!s.hasBareMapData() || s.map().isEmpty()) return;
        Set<Integer> firstPorts = new LinkedHashSet<>();
        int written = 0;
        for (NftNat.Target t : s.targets()) {
            Optional<PortRange> p = PortRange.read(t.ports().text());
            if (p.isEmpty()) continue;
            firstPorts.add(p.get().lo());
            written += Math.max(1, p.get().size());
        }
        String verb = s.verb().word();
        String example = s.address().map(a -> "numgen … map { " + s.targets().get(0).key().map(NftTerm::text).orElse("0")
                + " : " + a.text() + " . " + s.targets().get(0).ports().text() + ", … }").orElse(null);
        String message = "The data of this " + verb + " map are port ranges, but a NAT map's data is one port: nft loads "
                + "it and the kernel keeps only the first port of each range (nft list ruleset reads them back as 'LO-0'). "
                + "This statement has " + firstPorts.size() + " usable port" + (firstPorts.size() == 1 ? "" : "s")
                + " instead of the " + written + " written here; once they are taken, new connections fail. "
                + (example != null ? "Make each element 'address . range' (" + verb + " ip to " + example + "): the kernel "
                + "then gets the whole range." : "Map to 'address . range' elements with " + verb.replace("masquerade",
                "snat ip") + " so the kernel gets the whole range.");
        List<Fix> fixes = concatenated(s, uri, scriptText).stream().toList();
        out.report(uri, s.map().get().braced().range(), message, fixes);
    }

    /** Removes {@code IP : } before the selector and writes {@code IP . } before every element's data. */
    private static Optional<Fix> concatenated(NftNat s, String uri, String scriptText) {
        if (s.address().isEmpty() || s.map().isEmpty()) return Optional.empty();
        NftTerm address = s.address().get();
        String ip = address.text();
        if (ip.contains("/")) return Optional.empty();
        int elements = s.map().get().braced().elements().size();
        if (s.targets().size() != elements) return Optional.empty();   // an element routerls cannot read
        List<NftTerm> touched = new ArrayList<>();
        touched.add(address);
        touched.add(s.map().get().selectorStart());
        s.targets().forEach(t -> touched.add(t.ports()));
        if (scriptText != null) {
            LineIndex index = new LineIndex(scriptText);
            if (!touched.stream().allMatch(t -> writtenAt(index, t))) return Optional.empty();
        }
        SourceRange a = address.range();
        SourceRange sel = s.map().get().selectorStart().range();
        List<TextEdit> edits = new ArrayList<>();
        edits.add(new TextEdit(uri, new SourceRange(a.startLine(), a.startColumn(), sel.startLine(), sel.startColumn()), ""));
        Set<SourceRange> seen = new HashSet<>();
        for (NftNat.Target t : s.targets()) {
            SourceRange p = t.ports().range();
            if (seen.add(p)) edits.add(new TextEdit(uri, SourceRange.of(p.startLine(), p.startColumn(), p.startColumn()), ip + " . "));
        }
        return Optional.of(new Fix("Map to '" + ip + " . range' elements so the kernel uses every port of each range", edits));
    }

    /** The term's range in the script holds exactly its text (an nft argument written as it is). */
    private static boolean writtenAt(LineIndex index, NftTerm t) {
        SourceRange r = t.range();
        if (r.startLine() != r.endLine()) return false;
        if (r.startLine() >= index.lineCount()) return false;
        String line = index.line(r.startLine());
        return r.endColumn() <= line.length() && line.substring(r.startColumn(), r.endColumn()).equals(t.text());
    }
}
