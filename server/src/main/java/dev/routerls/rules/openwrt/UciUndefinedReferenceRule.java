package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.core.TextEdit;
import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names that should point at a section of another file (or another section of the same file) but
 * point at nothing: a firewall zone's networks and a DHCP pool's interface (network interfaces), an
 * interface whose device is {@code @name} (another interface), and the zones that forwardings and
 * rules name (the references of {@link UciReferences}). UCI names are case-sensitive, so {@code WAN6PD} and {@code wan6pd} differ.
 */
public final class UciUndefinedReferenceRule extends BaseRule<UciConfigs> {

    public UciUndefinedReferenceRule() {
        super(RuleInfo.rule("openwrt/undefined-reference", Severity.WARNING)
                .summary("a zone, forwarding, DHCP pool or @interface device that names an interface or zone that does not exist")
                .rationale("""
                        Firewall zones, forwardings, DHCP pools and `@name` devices refer to interfaces and zones \
                        by name, and UCI names are case-sensitive (`WAN6PD` is not `wan6pd`). A name that matches \
                        nothing is not an error for OpenWrt: the zone just does not cover that interface, so its \
                        traffic is neither masqueraded nor forwarded, or the DHCP pool serves no network.""")
                .bad(Example.openwrt("etc/config/network", OpenWrtExamples.NETWORK, "etc/config/firewall",
                        OpenWrtExamples.FIREWALL.replace("list network 'WAN6PD'", "list network 'wan6pd'")))
                .good(Example.openwrt("etc/config/network", OpenWrtExamples.NETWORK, "etc/config/firewall",
                        OpenWrtExamples.FIREWALL))
                .fixable()
                .tags("reference")
                .build());
    }

    @Override
    public void check(UciConfigs model, Findings out) {
        Optional<UciFile> network = model.uciPackage("network");
        Set<String> interfaces = new LinkedHashSet<>();
        network.ifPresent(n -> n.sectionsOfType("interface").forEach(s -> {
            if (!s.isAnonymous()) interfaces.add(s.name());
        }));
        Set<String> zones = new LinkedHashSet<>();
        model.uciPackage("firewall").ifPresent(fw -> fw.sectionsOfType("zone").forEach(z -> z.get("name").ifPresent(zones::add)));
        for (UciReferences.Reference r : UciReferences.all()) {
            // dnsmasq takes a device name as readily as an interface name: a miss is no evidence
            if (r.form() == UciReferences.Form.NAME_OR_DEVICE) continue;
            // without /etc/config/network the interfaces are unknown, not missing; so are the names of a
            // file libuci rejects (a line it cannot read may be the one that defines the name)
            if (r.kind() == UciReferences.Kind.INTERFACE && !fullyRead(network)) continue;
            if (r.kind() == UciReferences.Kind.ZONE && !fullyRead(model.uciPackage("firewall"))) continue;
            Optional<UciFile> f = model.uciPackage(r.pkg());
            if (f.isEmpty()) continue;
            Set<String> known = r.kind() == UciReferences.Kind.INTERFACE ? interfaces : zones;
            for (UciSection s : f.get().sectionsOfType(r.type())) {
                for (UciValue v : s.values(r.option())) {
                    for (UciReferences.Name n : r.names(v)) missing(f.get(), n, known, wording(r, s), out);
                }
            }
        }
    }

    private static boolean fullyRead(Optional<UciFile> f) {
        return f.isPresent() && f.get().acceptedByLibuci();
    }

    /** How a finding puts it: who names what, what is absent, and what happens then. */
    private record Wording(String subject, String absence, String consequence) {
    }

    private static Wording wording(UciReferences.Reference r, UciSection s) {
        if (r.form() == UciReferences.Form.AT_NAME) {
            return new Wording("interface '" + s.ref() + "' runs on", "there is no interface", "netifd cannot bring it up");
        }
        if (r.kind() == UciReferences.Kind.ZONE) {
            return new Wording(r.type() + " '" + s.ref() + "' has " + r.option(), "no zone is named",
                    "the firewall rejects or skips this " + r.type());
        }
        if (r.pkg().equals("firewall")) {
            return new Wording("zone '" + s.get("name").orElse(s.ref()) + "' lists network",
                    "/etc/config/network has no interface", "that traffic is not covered by this zone's policies");
        }
        if (r.pkg().equals("dhcp")) {
            return new Wording("DHCP pool '" + s.ref() + "' serves interface", "/etc/config/network has no interface",
                    "dnsmasq/odhcpd will not serve it");
        }
        return new Wording(r.type() + " '" + s.ref() + "' has " + r.option(), "/etc/config/network has no interface",
                "netifd cannot apply this " + r.type());
    }

    private static void missing(UciFile f, UciReferences.Name at, Set<String> known, Wording w, Findings out) {
        String name = at.name();
        if (known.contains(name)) return;
        Optional<String> suggestion = UciNames.closest(name, known);
        String msg = w.subject() + " '" + name + "', but " + w.absence() + " '" + name + "': " + w.consequence()
                + ". " + suggestion.map(s -> "Did you mean '" + s + "'? (names are case-sensitive)")
                .orElse("Create it or correct the name.");
        if (suggestion.isPresent() && at.exact()) {
            out.report(f.uri(), at.range(), msg, List.of(new Fix("Change to '" + suggestion.get() + "'",
                    List.of(new TextEdit(f.uri(), at.range(), suggestion.get())))));
        } else {
            out.report(f.uri(), at.range(), msg);
        }
    }
}
