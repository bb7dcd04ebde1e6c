package dev.routerls.services.uci;

import dev.routerls.core.TextEdit;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.EvaluatedWord;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.ShellAssignments;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.shell.ShellWord;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.RenameRefusedException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The output devices of firewall.user's iptables rules as the analysis evaluated them (one command per
 * loop pass): where a rule's {@code -o} word names an interface's device. UCI navigation and rename follow an
 * interface into the script through them, and the script's hover and navigation lead back to the interface.
 */
final class ScriptDevices {
    private ScriptDevices() {
    }

    /** The script (firewall.user or rc.local) of the router at {@code uri}, if that is one. */
    static Optional<ShellScript> script(Router router, String uri) {
        Optional<ShellScript> s = router.firewallUser().filter(x -> x.uri().equals(uri));
        return s.isPresent() ? s : router.rcLocal().filter(x -> x.uri().equals(uri));
    }

    /** Whether {@code uri} is the router's firewall.user (whose rules the analysis evaluated). */
    static boolean isFirewallUser(Router router, String uri) {
        return router.firewallUser().map(ShellScript::uri).map(uri::equals).orElse(false);
    }

    /** The {@code -o} word of a rule of firewall.user at {@code uri} that covers the position. */
    static Optional<EvaluatedWord> outputWordAt(Router router, String uri, int line, int column) {
        if (!isFirewallUser(router, uri)) return Optional.empty();
        for (IptablesRule r : router.iptables()) {
            Optional<EvaluatedWord> w = outputWord(r.command()).filter(x -> x.range().contains(line, column));
            if (w.isPresent()) return w;
        }
        return Optional.empty();
    }

    private static Optional<EvaluatedWord> outputWord(IptablesCommand c) {
        return c.option("-o").map(IptablesCommand.Option::valueWord).filter(w -> w != null && w.range() != null);
    }

    /** Where the script sends traffic out through the device of interface {@code iface}. */
    static List<Location> uses(Router router, String iface) {
        List<Location> out = new ArrayList<>();
        Optional<String> scriptUri = router.firewallUser().map(ShellScript::uri);
        if (scriptUri.isEmpty()) return out;
        for (IptablesRule r : router.iptables()) {
            Optional<EvaluatedWord> w = outputWord(r.command());
            if (w.isEmpty() || !router.interfaceOfDevice(w.get().text()).map(i -> i.name().equals(iface)).orElse(false)) continue;
            Location l = new Location(scriptUri.get(), w.get().range());
            if (!out.contains(l)) out.add(l); // a loop evaluates the same source word many times
        }
        return out;
    }

    /**
     * The edits that keep the script's output devices right when interface {@code iface} becomes
     * {@code newName}: each {@code -o} word naming its device is rewritten where it is written, the word
     * itself when literal, else the single literal assignment of the variable it is. A device that comes
     * from anything else (several assignments, command output) cannot be followed, so the rename is refused.
     */
    static List<TextEdit> renames(Router router, String iface, String newName) {
        Optional<ShellScript> script = router.firewallUser();
        if (script.isEmpty()) return List.of();
        ShellAssignments assignments = ShellAssignments.of(script.get());
        Set<TextEdit> out = new LinkedHashSet<>();
        for (IptablesRule r : router.iptables()) {
            Optional<EvaluatedWord> w = outputWord(r.command());
            if (w.isEmpty()) continue;
            String device = w.get().text();
            Optional<NetworkInterface> i = router.interfaceOfDevice(device);
            if (i.isEmpty() || !i.get().name().equals(iface)) continue;
            String renamed = device.substring(0, device.length() - iface.length()) + newName;
            Optional<ShellWord> source = assignments.wordAt(w.get().range());
            if (source.isPresent() && source.get().isLiteral()) {
                out.add(new TextEdit(script.get().uri(), source.get().range(), renamed));
                continue;
            }
            Optional<ShellCommand.Assignment> a = source.flatMap(ShellAssignments::plainVariable)
                    .flatMap(assignments::singleLiteral);
            if (a.isEmpty()) {
                throw new RenameRefusedException("firewall.user line " + (w.get().range().startLine() + 1)
                        + " sends traffic out through '" + device + "', but that name is not written as one literal "
                        + "word or one literal assignment, so renaming '" + iface + "' would leave the rule on a "
                        + "device that no longer exists. Write the device literally (or in one assignment), then rename.");
            }
            out.add(new TextEdit(script.get().uri(), a.get().value().range(),
                    ShellAssignments.requote(a.get().value(), renamed)));
        }
        return List.copyOf(out);
    }
}
