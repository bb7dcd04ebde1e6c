package dev.routerls.rules.yamaha;

import dev.routerls.core.Fix;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.mape.PortRange;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.Definition;
import dev.routerls.yamaha.model.YamahaConfig.IpsecId;
import dev.routerls.yamaha.model.YamahaConfig.IpsecTransport;
import dev.routerls.yamaha.model.YamahaConfig.NatDescriptor;
import dev.routerls.yamaha.model.YamahaConfig.NatStatic;
import dev.routerls.yamaha.model.YamahaConfig.RefKind;
import dev.routerls.yamaha.model.YamahaConfig.Reference;
import dev.routerls.yamaha.model.YamahaConfig.TunnelBlock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The edits behind the YAMAHA rules' fixes, computed from the model. Each returns empty when the right
 * edit is not certain; inserted lines end in "\n", which the fix engine turns into the file's terminator.
 */
final class YamahaFixes {
    private YamahaFixes() {
    }

    /** Set {@code nat descriptor backward-compatibility 1}: change the existing line, or add one before the first NAT descriptor line. */
    static Optional<Fix> backwardCompatibility(YamahaConfig m, String uri) {
        String line = "nat descriptor backward-compatibility 1";
        String title = "Add `" + line + "` (port saving off; takes effect after the router restarts)";
        if (m.backwardCompatibility().isPresent()) {
            return Optional.of(new Fix("Set `" + line + "` (port saving off; takes effect after the router restarts)",
                    List.of(new TextEdit(uri, m.backwardCompatibility().get().range(), line))));
        }
        Optional<SourceRange> first = m.natDescriptors().values().stream().map(d -> d.firstRange())
                .filter(r -> r != null).min((a, b) -> Integer.compare(a.startLine(), b.startLine()));
        return first.map(r -> new Fix(title, List.of(new TextEdit(uri, SourceRange.of(r.startLine(), 0, 0), line + "\n"))));
    }

    /** Add the missing {@code address outer}/{@code address inner} lines listing the static entries' addresses. */
    static Optional<Fix> staticAddresses(NatDescriptor d, String uri) {
        if (d.typeRange() == null || d.statics().isEmpty()) return Optional.empty();
        Set<String> outer = new LinkedHashSet<>(), inner = new LinkedHashSet<>();
        for (NatStatic s : d.statics()) {
            outer.add(s.outer().toString());
            inner.add(s.inner().toString());
        }
        String indent = " ".repeat(d.typeRange().startColumn());
        StringBuilder text = new StringBuilder();
        List<String> added = new ArrayList<>();
        if (d.outerLine() == null) {
            String l = "nat descriptor address outer " + d.id() + " " + String.join(" ", outer);
            text.append(indent).append(l).append('\n');
            added.add("`" + l + "`");
        }
        if (d.innerLine() == null) {
            String l = "nat descriptor address inner " + d.id() + " " + String.join(" ", inner);
            text.append(indent).append(l).append('\n');
            added.add("`" + l + "`");
        }
        if (added.isEmpty()) return Optional.empty();
        int after = d.typeRange().endLine() + 1;
        return Optional.of(new Fix("Add " + String.join(" and ", added) + " (static entries only)",
                List.of(new TextEdit(uri, SourceRange.of(after, 0, 0), text.toString()))));
    }

    private static boolean isPolicyId(IpsecId id) {
        return id.what().startsWith("the policy id");
    }

    /**
     * Renumber IPsec SA policy {@code from} to {@code to} everywhere it is written (ipsec tunnel, ipsec sa
     * policy, ipsec transport). Not offered when policy {@code to} already exists or something refers to
     * {@code from} in a place this edit would not change.
     */
    static Optional<Fix> renumberPolicy(YamahaConfig m, String uri, int from, int to) {
        String toKey = Integer.toString(to), fromKey = Integer.toString(from);
        for (Definition def : m.definitions()) {
            if (def.kind() == RefKind.IPSEC_POLICY && def.key().equals(toKey) && !def.fromTemplate()) return Optional.empty();
        }
        Set<SourceRange> ranges = new LinkedHashSet<>();
        for (TunnelBlock t : m.tunnels().values()) {
            for (IpsecId id : t.ipsecIds()) if (isPolicyId(id) && id.value() == from) ranges.add(id.range());
        }
        for (IpsecTransport tr : m.transports()) if (tr.policy() == from) ranges.add(tr.policyRange());
        for (Reference r : m.references()) {
            // references made by expanding a transport template follow the source transport, which is renumbered
            if (r.where().startsWith("ipsec transport template")) continue;
            if (r.kind() == RefKind.IPSEC_POLICY && r.key().equals(fromKey) && !ranges.contains(r.range())) return Optional.empty();
        }
        for (Definition def : m.definitions()) {
            if (def.kind() == RefKind.IPSEC_POLICY && def.key().equals(fromKey) && !def.fromTemplate()
                    && !ranges.contains(def.range())) return Optional.empty();
        }
        if (ranges.isEmpty()) return Optional.empty();
        return Optional.of(renumber(uri, ranges, "IPsec SA policy " + from, to));
    }

    /** Renumber IKE gateway {@code from} to {@code to} within tunnel {@code t} (every ipsec ike / sa policy line there). */
    static Optional<Fix> renumberGateway(TunnelBlock t, String uri, int from, int to) {
        if (t.ipsecIds().stream().anyMatch(id -> !isPolicyId(id) && id.value() == to)) return Optional.empty();
        Set<SourceRange> ranges = t.ipsecIds().stream().filter(id -> !isPolicyId(id) && id.value() == from)
                .map(IpsecId::range).collect(Collectors.toCollection(LinkedHashSet::new));
        if (ranges.isEmpty()) return Optional.empty();
        return Optional.of(renumber(uri, ranges, "IKE gateway " + from + " of tunnel " + t.id(), to));
    }

    private static Fix renumber(String uri, Set<SourceRange> ranges, String what, int to) {
        List<TextEdit> edits = ranges.stream().map(r -> new TextEdit(uri, r, Integer.toString(to))).toList();
        return new Fix("Renumber " + what + " to " + to + " (" + edits.size() + " place" + (edits.size() == 1 ? "" : "s")
                + ") so the template renumbers it", edits);
    }

    /** Replace the whole masquerade port range list with {@code expected}. */
    static Optional<Fix> portRanges(NatDescriptor d, String uri, int psid, List<PortRange> expected) {
        if (d.portBlocks().isEmpty() || expected.isEmpty()) return Optional.empty();
        SourceRange first = d.portBlocks().get(0).range();
        SourceRange last = d.portBlocks().get(d.portBlocks().size() - 1).range();
        String list = expected.stream().map(PortRange::toString).collect(Collectors.joining(" "));
        return Optional.of(new Fix("Replace the port ranges of NAT descriptor " + d.id() + " with the " + expected.size()
                + " blocks of PSID " + psid, List.of(new TextEdit(uri, first.to(last), list))));
    }

    /**
     * Moves descriptor {@code use} of an {@code ip IF nat descriptor} line from the forward list to the reverse
     * list: {@code ip lan1 nat descriptor 31 reverse 30} becomes {@code ip lan1 nat descriptor reverse 30 31}.
     * Not offered when the descriptor is listed twice on the line.
     */
    static Optional<Fix> applyReverse(YamahaConfig m, YamahaConfig.NatUse use, String uri) {
        List<YamahaConfig.NatUse> line = m.natUses().stream()
                .filter(u -> u.iface().equals(use.iface()) && u.range().startLine() == use.range().startLine())
                .sorted((a, b) -> Integer.compare(a.range().startColumn(), b.range().startColumn())).toList();
        if (line.stream().filter(u -> u.descriptor() == use.descriptor()).count() != 1) return Optional.empty();
        List<YamahaConfig.NatUse> forward = line.stream().filter(u -> !u.reverse()).toList();
        List<YamahaConfig.NatUse> reverse = line.stream().filter(YamahaConfig.NatUse::reverse).toList();
        String id = Integer.toString(use.descriptor());
        SourceRange t = use.range();
        List<TextEdit> edits = new ArrayList<>();
        int at = forward.indexOf(use);
        YamahaConfig.NatUse next = at + 1 < forward.size() ? forward.get(at + 1) : null;
        if (reverse.isEmpty() && next == null) {
            edits.add(new TextEdit(uri, t, "reverse " + id));
        } else {
            // drop the number and the space after it, then list it last among the reverse descriptors
            SourceRange cut = next != null ? new SourceRange(t.startLine(), t.startColumn(), next.range().startLine(),
                    next.range().startColumn()) : SourceRange.of(t.startLine(), t.startColumn(), t.endColumn() + 1);
            edits.add(new TextEdit(uri, cut, ""));
            SourceRange end = reverse.isEmpty() ? forward.get(forward.size() - 1).range() : reverse.get(reverse.size() - 1).range();
            edits.add(new TextEdit(uri, SourceRange.of(end.endLine(), end.endColumn(), end.endColumn()),
                    (reverse.isEmpty() ? " reverse " : " ") + id));
        }
        return Optional.of(new Fix("Apply NAT descriptor " + id + " in the reverse direction on " + use.iface()
                + " (its inner hosts are on " + use.iface() + ")", edits));
    }
}
