package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.mape.Ipv6Address;
import dev.routerls.mape.MapRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code openwrt/mape-rule-mismatch}: a map interface whose options contradict the ISP's Basic
 * Mapping Rule that the bundled table has for its prefix (rule prefixes, EA length, PSID length,
 * offset, border relay).
 */
public final class MapeRuleMismatchRule extends BaseRule<Router> {

    public MapeRuleMismatchRule() {
        super(RuleInfo.rule("openwrt/mape-rule-mismatch", Severity.ERROR)
                .summary("a map interface's options contradict the ISP's MAP-E rule for its prefix")
                .rationale("""
                        Each MAP-E service (v6plus, OCN, BIGLOBE) has Basic Mapping Rules: rule IPv6 and IPv4 \
                        prefixes, EA-bits length, PSID length, offset and border relay. routerls carries these \
                        rules and compares a map interface's options with the rule for the delegated prefix. A \
                        value copied from another provider's guide gives a wrong address or port set, or a tunnel \
                        to a border relay that does not serve the prefix.""")
                .bad(OpenWrtExamples.network(OpenWrtExamples.NETWORK.replace("option offset '4'", "option offset '6'")))
                .good(OpenWrtExamples.network(OpenWrtExamples.NETWORK))
                .fixable()
                .tags("mape")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        for (MapInterface m : router.mapInterfaces()) {
            Optional<MapRule> known = router.knownRule(m);
            if (known.isEmpty()) continue;
            MapRule r = known.get();
            String who = r.isp() + "'s rule for " + r.ip6prefix() + " (" + r.ip6prefix() + " → " + r.ip4prefix()
                    + ", ealen " + r.ealen() + ", psidlen " + r.psidlen() + ", offset " + r.offset() + ")";
            m.ip6prefix().ifPresent(p -> {
                if (!p.equals(r.ip6prefix())) {
                    at(out, m, p.length() != r.ip6prefix().length() && m.option("ip6prefixlen").isPresent()
                                    ? "ip6prefixlen" : "ip6prefix",
                            "The rule IPv6 prefix here is " + p + ", but " + who + " starts at " + r.ip6prefix()
                                    + "; map.sh would take the EA bits from the wrong place. Set ip6prefix '"
                                    + r.ip6prefix().address() + "' and ip6prefixlen '" + r.ip6prefix().length() + "'.",
                            pair(m, "ip6prefix", "ip6prefixlen", r.ip6prefix().address().toString(), r.ip6prefix().length(),
                                    r.ip6prefix().toString()));
                }
            });
            m.ip4prefix().ifPresent(p -> {
                if (!p.equals(r.ip4prefix())) {
                    at(out, m, p.length() != r.ip4prefix().length() ? "ip4prefixlen" : "ipaddr",
                            "The rule IPv4 prefix here is " + p + ", but " + who + " maps to " + r.ip4prefix()
                                    + "; the tunnel would get an address the ISP did not assign. Set ipaddr '"
                                    + r.ip4prefix().address() + "' and ip4prefixlen '" + r.ip4prefix().length() + "'.",
                            pair(m, "ipaddr", "ip4prefixlen", r.ip4prefix().address().toString(), r.ip4prefix().length(),
                                    null));
                }
            });
            number(out, m, "ealen", r.ealen(), who, null);
            number(out, m, "psidlen", r.psidlen(), who, null);
            number(out, m, "offset", r.offset(), who, MapInterface.DEFAULT_OFFSET);
            Optional<Ipv6Address> peer = m.peeraddr();
            if (peer.isPresent() && r.br() != null && !peer.get().equals(r.br())
                    && router.ruleTable().rules().stream().noneMatch(o -> Objects.equals(o.isp(), r.isp())
                    && peer.get().equals(o.br()))) {
                at(out, m, "peeraddr", "peeraddr " + peer.get() + " is no border relay of " + r.isp()
                        + "; the tunnel would send everything to a host that does not decapsulate it. "
                        + "Use " + r.br() + " (the BR of " + who + ").", set(m, "peeraddr", r.br().toString()));
            }
        }
    }

    private static void number(Findings out, MapInterface m, String option, int want, String who, Integer dflt) {
        OptionalInt have = m.integer(option);
        if (have.isPresent()) {
            if (have.getAsInt() != want) {
                at(out, m, option, option + " is " + have.getAsInt() + ", but " + who + " has " + option + " " + want
                        + "; the IPv4 address, PSID or ports map.sh computes would not be the ones the ISP assigned. "
                        + "Set " + option + " '" + want + "'.", set(m, option, Integer.toString(want)));
            }
        } else if (dflt != null && dflt != want) {
            out.report(m.uri(), m.iface().section().header().range(), option + " is not set on interface '" + m.name()
                    + "', so map.sh uses " + dflt + ", but " + who + " has " + option + " " + want
                    + ". Add option " + option + " '" + want + "'.", List.of(new Fix("Add option " + option + " '" + want
                    + "' (the ISP's rule)", List.of(UciEdits.add(m.uri(), m.iface().section(), "option", option,
                    Integer.toString(want))))));
        }
    }

    private static void at(Findings out, MapInterface m, String option, String message, List<Fix> fixes) {
        SourceRange r = m.option(option).map(UciValue::range).orElse(m.iface().section().header().range());
        out.report(m.uri(), r, message, fixes);
    }

    /** Setting a written option to the rule's value (values written in one plain token only). */
    private static List<Fix> set(MapInterface m, String option, String value) {
        Optional<UciValue> v = m.option(option);
        if (v.isEmpty() || !UciEdits.simple(v.get())) return List.of();
        return List.of(new Fix("Set " + option + " '" + value + "' (the ISP's rule)", List.of(UciEdits.set(m.uri(), v.get(), value))));
    }

    /**
     * Setting an address option and its length option together ({@code ip6prefix}/{@code ip6prefixlen},
     * {@code ipaddr}/{@code ip4prefixlen}); an address written with its /length gets {@code withLength}.
     */
    private static List<Fix> pair(MapInterface m, String addressOption, String lengthOption, String address, int length,
                                  String withLength) {
        Optional<UciValue> a = m.option(addressOption);
        Optional<UciValue> l = m.option(lengthOption);
        if (a.isEmpty() || !UciEdits.simple(a.get()) || l.isPresent() && !UciEdits.simple(l.get())) return List.of();
        List<TextEdit> edits = new ArrayList<>();
        boolean slash = a.get().text().contains("/");
        if (slash && withLength == null) return List.of();
        edits.add(UciEdits.set(m.uri(), a.get(), slash ? withLength : address));
        if (l.isPresent()) {
            edits.add(UciEdits.set(m.uri(), l.get(), Integer.toString(length)));
        } else if (!slash) {
            edits.add(UciEdits.addAfter(m.uri(), m.iface().section(), a.get().range().endLine(), "option", lengthOption,
                    Integer.toString(length)));
        }
        return List.of(new Fix("Set " + addressOption + " '" + (slash ? withLength : address) + "'"
                + (slash && l.isEmpty() ? "" : " and " + lengthOption + " '" + length + "'") + " (the ISP's rule)", edits));
    }
}
