package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.core.TextEdit;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.rules.Findings;
import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names that should point at a section of another file (or another section of the same file) but
 * point at nothing: a firewall zone's networks and a DHCP pool's interface (network interfaces), an
 * interface whose device is {@code @name} (another interface), and the zones that forwardings and
 * rules name. UCI names are case-sensitive, so {@code WAN6PD} and {@code wan6pd} differ.
 */
public final class UciUndefinedReferenceRule implements Rule<UciConfigs> {
    public static final RuleInfo INFO = new RuleInfo("openwrt/undefined-reference", Severity.WARNING,
            "a zone, forwarding, DHCP pool or @interface device that names an interface or zone that does not exist");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(UciConfigs model, Findings out) {
        Optional<UciFile> network = model.uciPackage("network");
        Set<String> interfaces = new LinkedHashSet<>();
        network.ifPresent(n -> n.sectionsOfType("interface").forEach(s -> {
            if (!s.isAnonymous()) interfaces.add(s.name());
        }));
        network.ifPresent(n -> checkDeviceRefs(n, interfaces, out));
        model.uciPackage("firewall").ifPresent(fw -> checkFirewall(fw, network.isPresent(), interfaces, out));
        if (network.isPresent()) {
            model.uciPackage("dhcp").ifPresent(dhcp -> {
                for (UciSection s : dhcp.sectionsOfType("dhcp")) {
                    for (UciValue v : s.values("interface")) {
                        missing(dhcp, v.words().isEmpty() ? v : v.words().get(0), v.text(), interfaces, "DHCP pool '" + s.ref() + "' serves interface",
                                "/etc/config/network has no interface", "dnsmasq/odhcpd will not serve it", out);
                    }
                }
            });
        }
    }

    /** {@code option device '@wan6'} makes an interface run on top of another interface. */
    private static void checkDeviceRefs(UciFile network, Set<String> interfaces, Findings out) {
        for (UciSection s : network.sectionsOfType("interface")) {
            for (String opt : List.of("device", "ifname")) {
                for (UciValue v : s.values(opt)) {
                    for (UciValue w : v.words()) {
                        if (!w.text().startsWith("@") || w.text().length() < 2) continue;
                        missing(network, w, w.text().substring(1), interfaces, "interface '" + s.ref() + "' runs on",
                                "there is no interface", "netifd cannot bring it up", out);
                    }
                }
            }
        }
    }

    private static void checkFirewall(UciFile fw, boolean haveNetwork, Set<String> interfaces, Findings out) {
        Set<String> zones = new LinkedHashSet<>();
        for (UciSection z : fw.sectionsOfType("zone")) z.get("name").ifPresent(zones::add);
        for (UciSection z : fw.sectionsOfType("zone")) {
            if (!haveNetwork) break;
            String zone = z.get("name").orElse(z.ref());
            for (UciValue v : z.values("network")) {
                for (UciValue w : v.words()) {
                    missing(fw, w, w.text(), interfaces, "zone '" + zone + "' lists network",
                            "/etc/config/network has no interface",
                            "that traffic is not covered by this zone's policies", out);
                }
            }
        }
        for (String type : List.of("forwarding", "rule", "redirect", "nat")) {
            for (UciSection s : fw.sectionsOfType(type)) {
                for (String opt : List.of("src", "dest")) {
                    for (UciValue v : s.values(opt)) {
                        if (v.text().equals("*") || v.text().isEmpty()) continue;
                        missing(fw, new UciValue(v.text(), v.text(), v.contentRange()), v.text(), zones, type + " '" + s.ref() + "' has " + opt,
                                "no zone is named", "the firewall rejects or skips this " + type, out);
                    }
                }
            }
        }
    }

    private static void missing(UciFile f, UciValue at, String name, Set<String> known, String subject,
                                String absence, String consequence, Findings out) {
        if (known.contains(name)) return;
        Optional<String> suggestion = UciNames.closest(name, known);
        String msg = subject + " '" + name + "', but " + absence + " '" + name + "': " + consequence
                + ". " + suggestion.map(s -> "Did you mean '" + s + "'? (names are case-sensitive)")
                .orElse("Create it or correct the name.");
        if (suggestion.isPresent() && at.text().equals(name)) {
            out.report(f.uri(), at.range(), msg, List.of(new Fix("Change to '" + suggestion.get() + "'",
                    List.of(new TextEdit(f.uri(), at.range(), suggestion.get())))));
        } else {
            out.report(f.uri(), at.range(), msg);
        }
    }
}
