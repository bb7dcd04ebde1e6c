package dev.routerls.openwrt.router;

import dev.routerls.core.Unanalysed;
import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.shell.EvaluatedCommand;
import dev.routerls.openwrt.shell.EvaluatedWord;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellProblem;
import dev.routerls.openwrt.shell.LoopIteration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a router's firewall.user would run, as the rules see it: the firewall commands in the order the
 * evaluated script runs them, each with its source line, the loop passes it came from, whether it only
 * runs under a condition routerls cannot decide, and the router's interface behind each device it
 * names; then what stayed unknown and why. {@code routerls eval} prints it.
 */
public record ScriptRunListing(String uri, List<Entry> commands, List<Unknown> unknown, boolean complete) {

    /** Options of iptables/ip6tables that name a network device. */
    private static final Set<String> DEVICE_OPTIONS = Set.of("-o", "-i", "--out-interface", "--in-interface");

    /**
     * One command: its words (unknown stretches as ‹…›), where it is, and for each device it names the
     * router's interface whose device that is.
     */
    public record Entry(SourceRange range, List<String> argv, boolean known, boolean conditional,
                        List<LoopIteration> loops, List<Device> devices) {
        public Entry {
            argv = List.copyOf(argv);
            loops = List.copyOf(loops);
            devices = List.copyOf(devices);
        }

        public String display() {
            return String.join(" ", argv);
        }
    }

    /** A device a command names and the interface of the router it belongs to (empty when none does). */
    public record Device(String device, Optional<String> interfaceName, Optional<String> proto) {
    }

    /** A place whose value or effect routerls could not work out, and why. */
    public record Unknown(SourceRange range, String reason) {
    }

    public ScriptRunListing {
        commands = List.copyOf(commands);
        unknown = List.copyOf(unknown);
    }

    /** The listing of the router's firewall.user, if it has one. */
    public static Optional<ScriptRunListing> of(Router router) {
        Optional<EvaluationResult> run = router.firewallUserRun();
        if (run.isEmpty() || router.firewallUser().isEmpty()) return Optional.empty();
        List<Entry> entries = new ArrayList<>();
        for (EvaluatedCommand c : run.get().commands()) {
            entries.add(new Entry(c.range(), c.argvDisplay(), c.known(), c.conditional(), c.loops(), devices(router, c)));
        }
        List<Unknown> unknown = new ArrayList<>();
        for (ShellProblem p : run.get().problems()) unknown.add(new Unknown(p.range(), p.message()));
        for (Unanalysed u : run.get().unanalysed()) unknown.add(new Unknown(u.range(), u.message()));
        return Optional.of(new ScriptRunListing(router.firewallUser().get().uri(), entries, unknown,
                run.get().complete()));
    }

    private static List<Device> devices(Router router, EvaluatedCommand c) {
        List<Device> out = new ArrayList<>();
        if (!c.isIptables()) return out;
        List<EvaluatedWord> argv = c.argv();
        for (int i = 1; i + 1 < argv.size(); i++) {
            String option = argv.get(i).text();
            String device = argv.get(i + 1).text();
            if (option == null || device == null || !DEVICE_OPTIONS.contains(option)) continue;
            Optional<NetworkInterface> iface = router.interfaceOfDevice(device);
            out.add(new Device(device, iface.map(NetworkInterface::name), iface.map(NetworkInterface::proto)));
        }
        return out;
    }
}
