package dev.routerls.openwrt.mape;

import dev.routerls.core.Fix;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.mape.Ipv4Address;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortRange;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.mape.PortSetFinding;
import dev.routerls.openwrt.router.FirewallGeneration;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.EvaluatedCommand;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Replaces a firewall.user SNAT loop whose rules are wrong (seed 000's loop with OCN's 63 × 1024 on a
 * v6plus line, a wrong block width, another PSID …) with the block {@link SnatBlockGenerator} writes for
 * the router's rule, IPv4 address and PSID. The loop — the top-level commands whose iptables rules are the
 * SNAT rules of the map interface and the nth-statistic MARK rules feeding them — is kept, commented out,
 * under a line that says why; the generated block follows it (or replaces an earlier generated block). Flushes
 * of nat PREROUTING/POSTROUTING/OUTPUT that only served that loop are commented out too: the block flushes
 * its own chain instead, and those flushes also deleted fw3's zone rules.
 *
 * <p>Offered only on fw3 (or an unknown release) when the delegated prefix gives the rule, IPv4 address and
 * PSID, when every firewall command in those top-level commands is a nat MARK or SNAT rule, when each of them
 * stands on lines of its own, and when the edited script, evaluated again, gives exactly the expected SNAT.
 */
public final class SnatLoopReplacement {
    private static final Set<String> NAT_BUILTINS = Set.of("PREROUTING", "POSTROUTING", "OUTPUT");

    /** The fix, the top-level commands it comments out as loop, and the flush commands it comments out. */
    public record Replacement(Fix fix, List<SourceRange> loop, List<SourceRange> flushes) {
    }

    private SnatLoopReplacement() {
    }

    public static Optional<Replacement> forMap(Router router, MapInterface map) {
        return router.derived("snat-loop-replacement " + map.name(), () -> compute(router, map));
    }

    private static Optional<Replacement> compute(Router router, MapInterface map) {
        if (!router.firewallUserEvaluated()) return Optional.empty();
        Optional<MapeExpectation> e = router.expectation(map);
        Optional<ShellScript> script = router.firewallUser();
        if (e.isEmpty() || script.isEmpty() || router.release().generation() == FirewallGeneration.FW4
                || router.firewallUserRun().isEmpty()) {
            return Optional.empty();
        }
        MapeResult want = e.get().result();
        if (SnatExpectationCheck.matches(router, map.name(), want)) return Optional.empty();
        List<SnatTarget> targets = router.snatTargetsFor(map).stream()
                .filter(t -> t.source() == SnatTarget.Source.FIREWALL_USER).toList();
        // only SNAT through this tunnel is replaced; a rule for another device (or none) is not the loop's
        String tunnel = map.iface().mapDevice();
        if (targets.isEmpty() || !targets.stream().allMatch(t -> t.out().filter(o -> !o.negated())
                .map(o -> tunnel.equals(o.name())).orElse(false))) {
            return Optional.empty();
        }
        Set<SourceRange> snatRules = new LinkedHashSet<>();
        targets.forEach(t -> snatRules.add(t.statementRange()));

        String text = script.get().text();
        LineIndex index = new LineIndex(text);
        String device = map.iface().mapDevice();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < index.lineCount(); i++) lines.add(index.line(i));
        List<int[]> earlier = SnatBlockGenerator.find(lines, device);

        // the top-level commands holding the SNAT rules and the nth MARK rules (a block generated before is
        // regenerated in place, not commented out)
        Set<ShellCommand> loop = new LinkedHashSet<>();
        for (IptablesRule r : router.iptables()) {
            if (!snatRules.contains(r.source().range()) && !nthMark(r)) continue;
            if (inBlock(earlier, r.source().range())) continue;
            Optional<ShellCommand> holder = script.get().topLevelCommandAt(r.source().range());
            if (holder.isEmpty() || holder.get() instanceof ShellCommand.FunctionDefinition) return Optional.empty();
            loop.add(holder.get());
        }
        if (loop.isEmpty() && earlier.isEmpty()) return Optional.empty();
        // nothing else a firewall needs may be commented out with them
        for (EvaluatedCommand c : router.firewallUserRun().get().commands()) {
            if (loop.stream().noneMatch(l -> l.range().contains(c.range()))) continue;
            if (!c.isIptables()) return Optional.empty();
            IptablesCommand ic = IptablesCommand.parse(c);
            boolean plumbing = ic.family() == IptablesCommand.Family.IPV4 && "nat".equals(ic.table())
                    && (ic.operation() == IptablesCommand.Operation.APPEND || ic.operation() == IptablesCommand.Operation.INSERT)
                    && ("SNAT".equals(ic.target()) || "MARK".equals(ic.target()));
            if (!plumbing) return Optional.empty();
        }
        List<ShellCommand> flushes = flushesOnlyFor(router, script.get(), loop);

        List<ShellCommand> commented = new ArrayList<>(loop);
        commented.addAll(flushes);
        for (ShellCommand c : commented) {
            if (!script.get().onOwnLines(c.range()) || inBlock(earlier, c.range())) return Optional.empty();
        }
        String block = SnatBlockGenerator.iptables(want, device);

        String uri = script.get().uri();
        List<TextEdit> edits = new ArrayList<>();
        boolean firstFlush = true;
        for (ShellCommand f : flushes) {
            String why = firstFlush ? "# routerls: flushing fw3's nat chains also deleted its zone rules (port forwards, "
                    + "masquerading); the generated block below flushes only its own chain.\n" : "";
            firstFlush = false;
            edits.add(commentOut(uri, index, f.range(), why, ""));
        }
        List<ShellCommand> loops = List.copyOf(loop);
        for (int i = 0; i < loops.size(); i++) {
            String why = i == 0 ? "# routerls: " + reason(router, map, want) + "; replaced by the generated rules below "
                    + "(the old loop is kept as comments).\n" : "";
            String after = i == loops.size() - 1 && earlier.isEmpty() ? block : "";
            edits.add(commentOut(uri, index, loops.get(i).range(), why, after));
        }
        if (!earlier.isEmpty()) {
            int[] b = earlier.get(0);
            edits.add(new TextEdit(uri, index.wholeLines(b[0], b[1]), block));
        }
        String edited;
        try {
            edited = DocumentEdits.apply(text, edits);
        } catch (RuntimeException overlapping) {
            return Optional.empty();
        }
        if (!SnatExpectationCheck.matches(router.withFirewallUser(edited), map.name(), want)) return Optional.empty();
        String title = "Replace with correct MAP-E SNAT rules for " + map.name() + " (PSID " + want.psid()
                + (loops.isEmpty() ? ")" : "; the old loop is kept as comments)");
        return Optional.of(new Replacement(new Fix(title, edits), loops.stream().map(ShellCommand::range).toList(),
                flushes.stream().map(ShellCommand::range).toList()));
    }

    /** The range lies inside one of the generated blocks (first and last line, inclusive). */
    private static boolean inBlock(List<int[]> blocks, SourceRange r) {
        return blocks.stream().anyMatch(b -> r.startLine() >= b[0] && r.endLine() <= b[1]);
    }

    private static boolean nthMark(IptablesRule r) {
        Optional<IptablesCommand.Statistic> st = r.command().statistic();
        return r.adds() && st.isPresent() && "nth".equals(st.get().mode()) && "MARK".equals(r.command().target());
    }

    /** Top-level flushes of nat PREROUTING/POSTROUTING/OUTPUT whose chain gets rules only from inside {@code loop}. */
    private static List<ShellCommand> flushesOnlyFor(Router router, ShellScript script, Set<ShellCommand> loop) {
        List<ShellCommand> out = new ArrayList<>();
        for (IptablesRule r : router.iptables()) {
            IptablesCommand c = r.command();
            if (c.operation() != IptablesCommand.Operation.FLUSH || c.family() != IptablesCommand.Family.IPV4
                    || !"nat".equals(c.table()) || c.chain() == null || !NAT_BUILTINS.contains(c.chain())
                    || r.source().conditional() || !r.source().loops().isEmpty()) {
                continue;
            }
            Optional<ShellCommand> holder = script.topLevelCommandAt(r.source().range());
            if (holder.isEmpty() || !(holder.get() instanceof ShellCommand.Simple) || loop.contains(holder.get())) continue;
            boolean onlyLoop = router.iptables().stream()
                    .filter(o -> o.adds() && "nat".equals(o.command().table()) && c.chain().equals(o.command().chain()))
                    .allMatch(o -> loop.stream().anyMatch(l -> l.range().contains(o.source().range())));
            if (onlyLoop && !out.contains(holder.get())) out.add(holder.get());
        }
        return out;
    }

    /** Lines {@code r} covers, each with "# " in front, after {@code before} and followed by {@code after}. */
    private static TextEdit commentOut(String uri, LineIndex index, SourceRange r, String before, String after) {
        StringBuilder sb = new StringBuilder(before);
        for (int l = r.startLine(); l <= r.endLine(); l++) {
            String line = index.line(l);
            sb.append(line.isBlank() ? "#" : "# " + line).append('\n');
        }
        sb.append(after);
        return new TextEdit(uri, index.wholeLines(r.startLine(), r.endLine()), sb.toString());
    }

    /** What is wrong with the current SNAT, in a few words, for the comment above the old loop. */
    private static String reason(Router router, MapInterface map, MapeResult want) {
        List<String> why = new ArrayList<>();
        List<SnatTarget> targets = router.snatTargetsFor(map);
        Set<Ipv4Address> ips = new LinkedHashSet<>();
        targets.forEach(t -> t.ipv4().ifPresent(ips::add));
        ips.remove(want.ipv4());
        if (!ips.isEmpty()) why.add("it SNATs to " + ips.iterator().next() + ", not " + want.ipv4());
        Set<PortRange> ranges = new LinkedHashSet<>();
        targets.forEach(t -> t.ports().ifPresent(ranges::add));
        MapRule rule = want.rule();
        PortSetCheck.Result shape = PortSetCheck.check(List.copyOf(ranges), rule.offset(), rule.psidlen(), OptionalInt.empty());
        // the shape of the whole set first (stride, width), then what single ranges get wrong
        for (boolean wholeSet : new boolean[]{true, false}) {
            for (PortSetFinding f : shape.findings()) {
                String w = null;
                if (wholeSet && f instanceof PortSetFinding.WrongStride s) {
                    w = "its blocks are " + s.actualStride() + " ports apart, not " + s.expectedStride();
                } else if (wholeSet && f instanceof PortSetFinding.WrongBlockSize s) {
                    w = "its blocks are " + s.actual().size() + " ports wide, not " + s.expectedSize();
                } else if (!wholeSet && f instanceof PortSetFinding.SystemPorts s) {
                    w = "its ports lie below " + s.firstSharedPort() + ", which no customer owns";
                } else if (!wholeSet && f instanceof PortSetFinding.MissingBlocks m) {
                    w = "it leaves out " + m.missing().size() + " of the " + want.ports().size() + " blocks";
                }
                if (w != null && !why.contains(w)) why.add(w);
            }
        }
        if (shape.psid().isPresent() && shape.psid().getAsInt() != want.psid() && why.isEmpty()) {
            why.add("it uses the blocks of PSID " + shape.psid().getAsInt() + ", not " + want.psid());
        }
        if (why.isEmpty()) why.add("it does not SNAT exactly to " + want.ipv4() + " with the " + want.ports().size()
                + " blocks of PSID " + want.psid());
        return "the SNAT loop below is wrong for this router (" + String.join("; ", why.subList(0, Math.min(2, why.size())))
                + ")";
    }
}
