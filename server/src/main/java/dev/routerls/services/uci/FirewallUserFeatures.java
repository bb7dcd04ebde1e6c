package dev.routerls.services.uci;

import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.shell.EvaluatedWord;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.ShellAssignments;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.shell.ShellWord;
import dev.routerls.core.TextEdit;
import dev.routerls.services.types.HoverText;
import dev.routerls.services.types.Location;
import dev.routerls.services.types.RenameRefusedException;
import dev.routerls.services.mape.MapeFacts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Features for a router's firewall.user script, read from the router model (the script as the analysis
 * evaluated it, one command per loop pass): the output device ({@code -o map-wan_map}) leads to its
 * interface, and hover on a SNAT target says which MAP-E block and PSID its ports are.
 */
public final class FirewallUserFeatures {
    private static boolean isScript(Router router, String uri) {
        return router.firewallUser().map(ShellScript::uri).map(uri::equals).orElse(false);
    }

    private static Optional<EvaluatedWord> outputWord(IptablesCommand c) {
        return c.option("-o").map(IptablesCommand.Option::valueWord).filter(w -> w != null && w.range() != null);
    }

    public List<Location> definition(UciRouterView view, String uri, int line, int column) {
        Router router = view.router();
        if (!isScript(router, uri)) return List.of();
        UciSymbols symbols = new UciSymbols(view);
        for (IptablesRule r : router.iptables()) {
            Optional<EvaluatedWord> w = outputWord(r.command()).filter(x -> x.range().contains(line, column));
            if (w.isEmpty()) continue;
            return router.interfaceOfDevice(w.get().text())
                    .map(i -> symbols.declarations(UciReferences.Kind.INTERFACE, i.name()).stream()
                            .map(d -> new Location(d.uri(), d.range())).toList())
                    .orElse(List.of());
        }
        return List.of();
    }

    /** Where the script sends traffic out through the device of interface {@code iface}. */
    public List<Location> deviceUses(Router router, String iface) {
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
    public List<TextEdit> renameDeviceUses(Router router, String iface, String newName) {
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

    public Optional<HoverText> hover(UciRouterView view, String uri, int line, int column) {
        Router router = view.router();
        if (!isScript(router, uri)) return Optional.empty();
        for (IptablesRule r : router.iptables()) {
            Optional<EvaluatedWord> w = outputWord(r.command()).filter(x -> x.range().contains(line, column));
            if (w.isEmpty()) continue;
            Optional<NetworkInterface> iface = router.interfaceOfDevice(w.get().text());
            String md = iface.isEmpty()
                    ? "`" + w.get().display() + "`: no interface of this router has this device"
                    : iface.get().isMap() ? MapeFacts.describeMapInterface(router, new MapInterface(iface.get()))
                    : "device of interface `" + iface.get().name() + "` (proto `" + iface.get().proto() + "`)";
            return Optional.of(new HoverText(md, w.get().range()));
        }
        List<SnatTarget> here = router.snatTargets().stream()
                .filter(t -> t.uri().equals(uri) && t.range() != null && t.range().contains(line, column)).toList();
        if (here.isEmpty()) return Optional.empty();
        return MapeFacts.describeSnat(router, here).map(md -> new HoverText(md, here.get(0).range()));
    }
}
