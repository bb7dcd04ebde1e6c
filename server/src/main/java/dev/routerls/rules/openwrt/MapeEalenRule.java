package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.mape.MapRule;
import dev.routerls.openwrt.router.DelegatedPrefix;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code openwrt/mape-ealen}: the EA-bit arithmetic of a {@code proto 'map'} interface must add up
 * (RFC 7597): ealen = (32 − ip4prefixlen) + psidlen, ip6prefixlen + ealen = the delegated prefix
 * length, and offset + psidlen ≤ 16.
 */
public final class MapeEalenRule extends BaseRule<Router> {

    public MapeEalenRule() {
        super(RuleInfo.rule("openwrt/mape-ealen", Severity.ERROR)
                .summary("MAP-E ealen, ip4prefixlen, psidlen, ip6prefixlen and offset of a map interface do not add up")
                .rationale("""
                        MAP-E (RFC 7597) splits the EA bits of the delegated prefix into the IPv4 suffix and the \
                        PSID. So ealen must equal (32 - ip4prefixlen) + psidlen, ip6prefixlen + ealen must be the \
                        length of the delegated prefix (56 for the Japanese services), and offset + psidlen may be \
                        at most 16. When these do not add up, OpenWrt computes another IPv4 address or port set \
                        than the ISP assigned, and the border relay drops the IPv4 traffic.""")
                .bad(OpenWrtExamples.network(OpenWrtExamples.NETWORK.replace("option ealen '25'", "option ealen '24'")))
                .good(OpenWrtExamples.network(OpenWrtExamples.NETWORK))
                .fixable()
                .tags("mape")
                .build());
    }

    @Override
    public void check(Router router, Findings out) {
        for (MapInterface m : router.mapInterfaces()) {
            Optional<MapRule> known = router.knownRule(m);
            OptionalInt ealen = m.integer("ealen");
            OptionalInt ip4len = m.integer("ip4prefixlen");
            OptionalInt psidlen = m.integer("psidlen");
            OptionalInt offset = m.integer("offset");
            Optional<UciValue> ealenValue = m.option("ealen");
            if (ealen.isPresent() && ip4len.isPresent() && psidlen.isPresent() && ip4len.getAsInt() <= 32) {
                int want = 32 - ip4len.getAsInt() + psidlen.getAsInt();
                if (ealen.getAsInt() != want) {
                    out.report(m.uri(), ealenValue.get().range(), "ealen " + ealen.getAsInt() + " of interface '"
                            + m.name() + "' does not match its other options: the EA bits hold the "
                            + (32 - ip4len.getAsInt()) + " IPv4 bits that ip4prefixlen " + ip4len.getAsInt()
                            + " leaves open plus the " + psidlen.getAsInt() + " PSID bits, " + want
                            + " in all. With the wrong length map.sh derives the wrong IPv4 address and ports. "
                            + "Set ealen '" + want + "' (or correct ip4prefixlen/psidlen to the ISP's rule).",
                            toRule(m, "ealen", known.map(MapRule::ealen)));
                }
            }
            OptionalInt ip6len = m.ip6prefix().map(p -> OptionalInt.of(p.length())).orElse(m.integer("ip6prefixlen"));
            Optional<DelegatedPrefix> d = router.delegatedPrefix(m).filter(DelegatedPrefix::explicitLength);
            if (ealen.isPresent() && ip6len.isPresent() && d.isPresent()) {
                int sum = ip6len.getAsInt() + ealen.getAsInt();
                int have = d.get().prefix().length();
                if (sum != have) {
                    out.report(m.uri(), ealenValue.get().range(), "ip6prefixlen " + ip6len.getAsInt() + " + ealen "
                            + ealen.getAsInt() + " = /" + sum + ", but the delegated prefix " + d.get().prefix()
                            + " (" + d.get().option() + " of '" + d.get().interfaceName() + "') is /" + have
                            + ": the EA bits must end exactly where the delegated prefix ends, or the IPv4 "
                            + "address and PSID are read from the wrong bits. Check ealen and ip6prefixlen against "
                            + "the ISP's rule (routerls mape " + d.get().prefix() + ").",
                            toRule(m, "ealen", known.map(MapRule::ealen)));
                }
            }
            if (offset.isPresent() && psidlen.isPresent() && offset.getAsInt() + psidlen.getAsInt() > 16) {
                out.report(m.uri(), m.option("offset").get().range(), "offset " + offset.getAsInt() + " + psidlen "
                        + psidlen.getAsInt() + " = " + (offset.getAsInt() + psidlen.getAsInt())
                        + " bits, more than the 16 bits of a port number, so no port set exists. "
                        + "Use the ISP's offset (4 for v6plus and BIGLOBE, 6 for OCN).",
                        toRule(m, "offset", known.map(MapRule::offset)));
            }
        }
    }

    /**
     * Setting {@code option} to the value of the ISP's rule for this prefix, when the table has that rule and the
     * option differs from it: the numbers then add up because the table's rules do. Without a known rule it is
     * not certain which of the options is wrong.
     */
    private static List<Fix> toRule(MapInterface m, String option, Optional<Integer> ruleValue) {
        Optional<UciValue> v = m.option(option);
        OptionalInt have = m.integer(option);
        if (ruleValue.isEmpty() || v.isEmpty() || !UciEdits.simple(v.get())
                || have.isPresent() && have.getAsInt() == ruleValue.get()) {
            return List.of();
        }
        return List.of(new Fix("Set " + option + " '" + ruleValue.get() + "' (the ISP's rule)",
                List.of(UciEdits.set(m.uri(), v.get(), Integer.toString(ruleValue.get())))));
    }
}
