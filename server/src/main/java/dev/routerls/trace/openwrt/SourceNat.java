package dev.routerls.trace.openwrt;

import dev.routerls.core.SourceRange;
import dev.routerls.core.net.Packet;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.nft.NftChain;
import dev.routerls.openwrt.nft.NftRule;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.nft.NftNat;
import dev.routerls.openwrt.nft.NftTerm;
import dev.routerls.openwrt.router.FirewallGeneration;
import dev.routerls.openwrt.router.FirewallUserStart;
import dev.routerls.openwrt.router.FirewallZone;
import dev.routerls.openwrt.router.IptablesRule;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.NatChains;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.LoopIteration;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.trace.NatApplied;
import dev.routerls.trace.TraceStep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The nat hooks of an OpenWrt router applied to one way of a packet. PREROUTING: firewall.user's nat
 * rules (marks, DNAT) and nftables.d prerouting nat chains. POSTROUTING: under fw3 the nat table as
 * {@link NatChains} leaves it (fw3's zone masquerade unless flushed, then firewall.user's rules); under
 * fw4 the nftables.d postrouting nat chains in priority order, then fw4's masquerade of masq zones
 * (priority srcnat), then firewall.user's rules through iptables-nft when something runs it. The first
 * translation wins (later nat chains do not run for a connection already translated).
 */
final class SourceNat {
    private static final int MAX_DEPTH = 8;
    /** fw4's own srcnat chain priority. */
    private static final int FW4_SRCNAT = 100;

    private final Router router;
    private final NatChains nat;
    private final List<NftChain> nftChains = new ArrayList<>();
    private final List<String> nftUris = new ArrayList<>();

    SourceNat(Router router, NatChains nat) {
        this.router = router;
        this.nat = nat;
        for (NftSnippet s : router.nftables()) {
            for (NftChain c : NftChain.in(s)) {
                nftChains.add(c);
                nftUris.add(s.uri());
            }
        }
    }

    private String firewallUserUri() {
        return router.firewallUser().map(s -> s.uri()).orElse(null);
    }

    List<Branch> prerouting(Branch b, Hop hop, int connection) {
        List<Branch> ways = List.of(b);
        if (!nat.starts().isEmpty()) ways = iptables("PREROUTING", "prerouting", ways, hop, connection, 0);
        return nftHook("prerouting", "prerouting", ways, hop, connection, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    List<Branch> postrouting(Branch b, Hop hop, int connection) {
        List<Branch> ways = List.of(b);
        boolean fw4 = router.release().generation() == FirewallGeneration.FW4;
        if (!fw4) {
            if (nat.starts().isEmpty() && router.firewallUser().isPresent() && !router.iptables().isEmpty()) {
                b.step("postrouting", null, null, "nothing runs /etc/firewall.user (no firewall include and no call in"
                        + " rc.local), so its rules are not in the nat table.");
            }
            ways = iptables("POSTROUTING", "postrouting", ways, hop, connection, 0);
        } else {
            ways = nftHook("postrouting", "postrouting", ways, hop, connection, Integer.MIN_VALUE, FW4_SRCNAT - 1);
            ways = fw4Masquerade(ways, hop);
            ways = nftHook("postrouting", "postrouting", ways, hop, connection, FW4_SRCNAT - 1, Integer.MAX_VALUE);
            if (!nat.starts().isEmpty()) ways = iptables("POSTROUTING", "postrouting", ways, hop, connection, 0);
        }
        for (Branch w : ways) {
            if (!w.natDone) {
                w.step("postrouting", null, null, "no source NAT applies: the packet leaves with source "
                        + Packet.address(w.packet.src()) + ".");
            }
        }
        return ways;
    }

    // ---- iptables (firewall.user, fw3's zone masquerade) ----

    private List<Branch> iptables(String chain, String kind, List<Branch> ways, Hop hop, int connection, int depth) {
        List<Branch> out = chain(chain, kind, ways, hop, connection, depth);
        if (chain.equals("POSTROUTING") && depth == 0) flushNote(out);
        return out;
    }

    /** Notes, once per way, that firewall.user flushed fw3's masquerade out of POSTROUTING. */
    private void flushNote(List<Branch> ways) {
        if (router.release().generation() == FirewallGeneration.FW4) return;
        nat.flushOf("POSTROUTING").ifPresent(f -> {
            boolean fw3HadMasq = router.zones().stream().anyMatch(z -> z.masquerade().isPresent());
            if (!fw3HadMasq) return;
            for (Branch w : ways) {
                if (w.natDone && w.nat.stream().anyMatch(n -> "snat".equals(n.kind()))) continue;
                w.step("postrouting", firewallUserUri(), f.by().source().range(), "`" + f.by().source().display()
                        + "` flushed fw3's own POSTROUTING jumps, so the zone masquerade (masq '1') no longer applies.");
            }
        });
    }

    /**
     * Runs the rules of {@code chain} over the ways, rule by rule; ways a random statistic splits are merged again
     * when they end up in the same state, so a loop of random rules does not multiply them.
     */
    private List<Branch> chain(String chain, String kind, List<Branch> ways, Hop hop, int connection, int depth) {
        List<Branch> active = new ArrayList<>(ways);
        java.util.Set<Branch> returned = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (NatChains.Entry e : nat.chain(chain)) {
            List<Branch> next = new ArrayList<>();
            for (Branch w : active) {
                if (w.hookDone || returned.contains(w)) {
                    next.add(w);
                    continue;
                }
                List<Branch> after = rule(e, chain, kind, w, hop, connection, depth);
                for (Branch a : after) if (a.returnedFrom) {
                    a.returnedFrom = false;
                    returned.add(a);
                }
                next.addAll(after);
            }
            active = merge(next, returned);
        }
        return active;
    }

    /** Ways in the same state (packet, mark, translation) become one, with the probabilities summed. */
    private static List<Branch> merge(List<Branch> ways, java.util.Set<Branch> returned) {
        if (ways.size() < 2) return ways;
        java.util.Map<String, Branch> byState = new java.util.LinkedHashMap<>();
        List<Branch> out = new ArrayList<>();
        for (Branch w : ways) {
            String key = w.state() + (returned.contains(w) ? " returned" : "");
            Branch same = byState.get(key);
            if (same == null) {
                byState.put(key, w);
                out.add(w);
            } else {
                same.absorb(w);
            }
        }
        return out;
    }

    /** One rule on one way: the ways that come out (two when a random statistic splits it). */
    private List<Branch> rule(NatChains.Entry e, String chain, String kind, Branch w, Hop hop, int connection, int depth) {
        Hop h = new Hop(w.packet, hop.inDevice(), hop.outDevice(), w.mark);
        if (e instanceof NatChains.ZoneMasquerade z) {
            if (z.device().equals(h.outDevice())) {
                masquerade(w, h.outDevice(), null, "fw3's masquerade of zone " + z.zone().name() + " (masq '1')",
                        z.uri(), z.range(), kind);
            }
            return List.of(w);
        }
        IptablesRule r = ((NatChains.UserRule) e).rule();
        IptablesCommand c = r.command();
        Match m = IptablesMatcher.match(c, h);
        if (m.isUnknown()) {
            w.step(kind, firewallUserUri(), r.source().range(), "the trace cannot tell whether `" + m.unknown()
                    + "` matches; it takes this rule as not matching.");
            return List.of(w);
        }
        if (!m.matches()) return List.of(w);
        Optional<IptablesCommand.Statistic> st = c.statistic();
        if (st.isEmpty()) return target(kind, w, hop, connection, depth, r, "");
        IptablesCommand.Statistic s = st.get();
        if ("nth".equals(s.mode()) && s.every() != null && s.every() > 0) {
            long packet = s.packet() == null ? 0 : s.packet();
            if ((connection - 1) % s.every() != packet) return List.of(w);
            return target(kind, w, hop, connection, depth, r, "connection " + connection + " is packet " + packet
                    + " of every " + s.every() + " that reach it");
        }
        Double p = "random".equals(s.mode()) ? probability(s.probability()) : null;
        if (p == null) {
            w.step(kind, firewallUserUri(), r.source().range(), "the statistic match of this rule is not known; the trace"
                    + " takes it as not matching.");
            return List.of(w);
        }
        Branch miss = w.split(1 - p);
        List<Branch> out = new ArrayList<>(target(kind, w.split(p), hop, connection, depth, r, "with probability " + percent(p)));
        out.add(miss);
        return out;
    }

    /** Applies a matching rule's target to {@code w}. */
    private List<Branch> target(String kind, Branch w, Hop hop, int connection, int depth, IptablesRule r, String why) {
        IptablesCommand c = r.command();
        String t = c.target() == null ? "" : c.target();
        SourceRange at = r.source().range();
        String uri = firewallUserUri();
        String lead = (why.isEmpty() ? "" : why + ": ") + "`" + r.source().display() + "`" + loop(r);
        switch (t) {
            case "MARK" -> {
                Optional<IptablesCommand.Mark> set = c.setMark();
                if (set.isEmpty() || set.get().value() == null) {
                    w.step(kind, uri, at, lead + " sets a mark the trace cannot read.");
                } else {
                    long mask = set.get().mask() == null ? 0xFFFFFFFFL : set.get().mask();
                    boolean xmark = c.options().stream().anyMatch(o -> o.name().equals("--set-xmark"));
                    w.mark = xmark ? (w.mark & ~mask) ^ set.get().value() : (w.mark & ~mask) | set.get().value();
                    w.step(kind, uri, at, lead + " marks the connection 0x" + Long.toHexString(w.mark) + ".");
                }
            }
            case "SNAT" -> {
                Optional<IptablesCommand.NatTarget> to = c.natTarget();
                String address = to.map(IptablesCommand.NatTarget::address).orElse(null);
                Integer lo = to.map(IptablesCommand.NatTarget::portLow).orElse(null);
                Integer hi = to.map(IptablesCommand.NatTarget::portHigh).orElse(null);
                String ports = lo == null ? null : lo + "-" + hi;
                applySnat(w, address == null ? "unknown(firewall.user)" : address, ports, uri, at, kind, lead
                        + (address == null ? " (its address is not known when the script is evaluated)" : "")
                        + (ports != null && !w.packet.isTcpOrUdp() ? " (its port range does not apply to "
                        + Packet.protocolName(w.packet.protocol()) + ")" : ""));
            }
            case "MASQUERADE" -> {
                Optional<IptablesCommand.NatTarget> to = c.natTarget();
                String ports = to.filter(x -> x.portLow() != null).map(x -> x.portLow() + "-" + x.portHigh()).orElse(null);
                masquerade(w, hop.outDevice(), ports, lead, uri, at, kind);
            }
            case "DNAT" -> {
                Optional<IptablesCommand.NatTarget> to = c.natTarget();
                String address = to.map(IptablesCommand.NatTarget::address).orElse(null);
                long a = address == null ? -1 : dev.routerls.core.IpText.ipv4(address, false);
                Integer port = to.map(IptablesCommand.NatTarget::portLow).orElse(null);
                if (a >= 0) w.packet = w.packet.withDst(a, port == null ? w.packet.dstPort() : port);
                w.hookDone = true;
                w.nat.add(new NatApplied(null, "dnat", uri, at));
                w.step(kind, uri, at, lead + " translates the destination to " + (a >= 0 ? Packet.address(a) : "an address"
                        + " not known when the script is evaluated") + (port == null ? "" : " port " + port) + ".");
            }
            case "ACCEPT" -> {
                w.hookDone = true;
                w.step(kind, uri, at, lead + " accepts it here: no later nat rule of this hook applies.");
            }
            case "RETURN" -> w.returnedFrom = true;
            default -> {
                if (nat.hasChain(t) && depth < MAX_DEPTH) return chain(t, kind, List.of(w), hop, connection, depth + 1);
                w.step(kind, uri, at, lead + " jumps to " + (t.isEmpty() ? "a target the trace cannot read" : t)
                        + ", which the trace does not follow.");
            }
        }
        return List.of(w);
    }

    // ---- nftables.d and fw4 ----

    /** The base chains of {@code hook} (type nat) with a priority in ({@code above}, {@code upTo}], by priority. */
    private List<Branch> nftHook(String hook, String kind, List<Branch> ways, Hop hop, int connection, int above, int upTo) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nftChains.size(); i++) {
            NftChain c = nftChains.get(i);
            if (!hook.equals(c.hook()) || !"nat".equals(c.type())) continue;
            int prio = c.priority() == null ? FW4_SRCNAT : c.priority();
            if (prio <= above || prio > upTo) continue;
            order.add(i);
        }
        order.sort(Comparator.comparingInt(i -> nftChains.get(i).priority() == null ? FW4_SRCNAT : nftChains.get(i).priority()));
        List<Branch> out = ways;
        for (int i : order) {
            List<Branch> next = new ArrayList<>();
            for (Branch w : out) {
                if (w.natDone && kind.equals("postrouting")) {
                    next.add(w);
                    continue;
                }
                w.hookDone = false;
                next.addAll(nftChain(i, kind, w, hop, connection, 0, 0));
            }
            out = next;
        }
        return out;
    }

    private List<Branch> nftChain(int index, String kind, Branch w, Hop hop, int connection, int from, int depth) {
        NftChain chain = nftChains.get(index);
        String uri = nftUris.get(index);
        for (int i = from; i < chain.rules().size(); i++) {
            if (w.hookDone) return List.of(w);
            NftRule r = chain.rules().get(i);
            Hop h = new Hop(w.packet, hop.inDevice(), hop.outDevice(), w.mark);
            Match m = NftMatcher.match(r, h);
            if (m.isUnknown()) {
                w.step(kind, uri, r.range(), "the trace cannot tell whether `" + m.unknown() + "` matches; it takes this"
                        + " rule as not matching.");
                continue;
            }
            if (!m.matches()) continue;
            int s = NftMatcher.statementIndex(r);
            if (s >= r.terms().size()) continue;   // counter only
            NftTerm verb = r.terms().get(s);
            String text = verb.text();
            if (text.equals("snat") || text.equals("masquerade")) {
                return nftSnat(w, r, uri, kind, hop, connection);
            }
            if (text.equals("accept")) {
                w.hookDone = true;
                w.step(kind, uri, r.range(), "this rule accepts it in chain " + chain.name() + ": no later rule of the chain applies.");
                return List.of(w);
            }
            if (text.equals("return")) return List.of(w);
            if ((text.equals("jump") || text.equals("goto")) && s + 1 < r.terms().size() && depth < MAX_DEPTH) {
                String target = r.terms().get(s + 1).text();
                for (int j = 0; j < nftChains.size(); j++) {
                    if (nftChains.get(j).name().equals(target) && !nftChains.get(j).isBase()) {
                        List<Branch> out = new ArrayList<>();
                        for (Branch x : nftChain(j, kind, w, hop, connection, 0, depth + 1)) {
                            out.addAll(x.hookDone || text.equals("goto") ? List.of(x) : nftChain(index, kind, x, hop, connection, i + 1, depth));
                        }
                        return out;
                    }
                }
            }
            w.step(kind, uri, r.range(), "the trace does not follow `" + text + "` of this rule.");
        }
        return List.of(w);
    }

    /** An nftables {@code snat}/{@code masquerade} statement, with its numgen map resolved for this connection. */
    private List<Branch> nftSnat(Branch w, NftRule r, String uri, String kind, Hop hop, int connection) {
        Optional<NftNat> read = NftNat.in(List.of(r)).stream().findFirst();
        boolean masq = r.terms().stream().anyMatch(t -> t.isWord("masquerade"));
        if (masq && (read.isEmpty() || read.get().map().isEmpty())) {
            String ports = read.flatMap(n -> n.targets().stream().findFirst()).map(t -> t.ports().text()).orElse(null);
            masquerade(w, hop.outDevice(), ports, "`masquerade` in " + file(uri), uri, r.range(), kind);
            return List.of(w);
        }
        if (read.isEmpty() || read.get().targets().isEmpty() && read.get().address().isEmpty()) {
            w.step(kind, uri, r.range(), "this snat statement has a form the trace does not read; it stops here.");
            w.hookDone = true;
            return List.of(w);
        }
        NftNat n = read.get();
        if (n.map().isEmpty()) {
            String address = n.address().map(NftTerm::text).orElse(null);
            String ports = n.targets().isEmpty() ? null : n.targets().get(0).ports().text();
            applySnat(w, address, ports, uri, r.range(), kind, "`snat ip to " + address + (ports == null ? "" : ":" + ports)
                    + "` in " + file(uri));
            return List.of(w);
        }
        Optional<Numgen> g = Numgen.of(r, n.map().get());
        if (g.isEmpty()) {
            w.step(kind, uri, r.range(), "the map of this snat statement is not picked by a `numgen inc|random mod N` the"
                    + " trace reads; it stops here.");
            w.hookDone = true;
            return List.of(w);
        }
        List<Branch> out = new ArrayList<>();
        if (g.get().mode().equals("inc")) {
            int value = (connection - 1) % g.get().modulus() + g.get().offset();
            out.add(element(w, n, value, uri, r, kind, "`numgen inc mod " + g.get().modulus()
                    + (g.get().offset() == 0 ? "" : " offset " + g.get().offset()) + "` gives connection " + connection
                    + " the value " + value));
            return out;
        }
        for (int k = 0; k < g.get().modulus(); k++) {
            int value = k + g.get().offset();
            out.add(element(w.split(1.0 / g.get().modulus()), n, value, uri, r, kind, "`numgen random mod " + g.get().modulus()
                    + "` picks " + value + " with probability " + percent(1.0 / g.get().modulus())));
        }
        return out;
    }

    /** {@code numgen inc|random mod N [offset K]}: the selector of a statement's map. */
    private record Numgen(String mode, int modulus, int offset) {
        static Optional<Numgen> of(NftRule r, NftNat.MapPart map) {
            List<NftTerm> t = r.terms();
            int from = t.indexOf(map.selectorStart()), to = t.indexOf(map.braced());
            if (from < 0 || to < 0 || from + 1 >= to || !t.get(from).isWord("numgen")) return Optional.empty();
            String mode = t.get(from + 1).text();
            Integer modulus = null, offset = 0;
            for (int i = from; i + 1 < to; i++) {
                if (t.get(i).isWord("mod")) modulus = number(t.get(i + 1));
                if (t.get(i).isWord("offset")) offset = number(t.get(i + 1));
            }
            if (!mode.equals("inc") && !mode.equals("random") || modulus == null || modulus <= 0 || offset == null) {
                return Optional.empty();
            }
            return Optional.of(new Numgen(mode, modulus, offset));
        }

        private static Integer number(NftTerm x) {
            return x.kind() == NftTerm.Kind.NUMBER && x.text().length() <= 9 ? Integer.valueOf(x.text()) : null;
        }
    }

    /**
     * The map element with key {@code value}. In the {@code snat ip to ADDRESS : numgen … map { K : LO-HI }}
     * form the map's data type is a single port, so the kernel keeps only LO of each range (domain notes §4,
     * measured with nft 1.0.6 and 1.1.1); the {@code … map { K : ADDRESS . LO-HI }} form keeps the range.
     */
    private Branch element(Branch w, NftNat n, int value, String uri, NftRule r, String kind, String head) {
        NftNat.Target target = n.targets().stream()
                .filter(t -> t.key().map(k -> k.text().equals(Integer.toString(value))).orElse(false)).findFirst().orElse(null);
        if (target == null) {
            w.step(kind, uri, r.range(), head + ", which is no key of the map: the snat fails and the connection is not"
                    + " translated.");
            w.hookDone = true;
            return w;
        }
        String address = target.address().map(NftTerm::text).orElse(null);
        String text = target.ports().text();
        if (target.bareMapData() && text.contains("-")) {
            String lo = text.substring(0, text.indexOf('-'));
            applySnat(w, address, lo + "-" + lo, uri, target.ports().range(), kind, head + " → map element " + value + " : "
                    + text + "; but in a map of this form (address before the colon) each value is one port, and nft keeps"
                    + " only the first of the range: the connection gets " + address + ":" + lo + " alone. Write the map's data as `"
                    + address + " . " + text + "` after `snat ip to numgen …` to use the whole block");
        } else {
            applySnat(w, address, text, uri, target.ports().range(), kind, head + " → map element " + value + " : "
                    + (target.address().isPresent() && n.address().isEmpty() ? address + " . " : "") + text);
        }
        return w;
    }

    private void applySnat(Branch w, String address, String ports, String uri, SourceRange at, String kind, String lead) {
        long a = dev.routerls.core.IpText.ipv4(address, false);
        w.src = address;
        w.packet = w.packet.withSrc(a < 0 ? w.packet.src() : a, w.packet.srcPort());
        String range = ports == null ? null : ports.contains("-") ? ports : ports + "-" + ports;
        w.srcPorts = range == null || !w.packet.isTcpOrUdp() ? null : range;
        w.natDone = true;
        w.hookDone = true;
        w.nat.add(new NatApplied(null, "snat", uri, at));
        w.step(kind, uri, at, lead + ": the source becomes " + address + (w.srcPorts == null ? "" : " with a port of "
                + w.srcPorts) + ".");
    }

    /** fw4's own srcnat: masquerade out of the devices of zones with {@code masq '1'}. */
    private List<Branch> fw4Masquerade(List<Branch> ways, Hop hop) {
        for (FirewallZone z : router.zones()) {
            Optional<UciValue> masq = z.masquerade();
            if (masq.isEmpty() || !router.devicesOf(z).contains(hop.outDevice())) continue;
            String alsoIptables = nat.starts().isEmpty() || nat.chain("POSTROUTING").isEmpty() ? ""
                    : " firewall.user's POSTROUTING rules (run by " + nat.starts().get(0).how() + ", through"
                    + " iptables-nft) hook at the same priority; which of the two runs first is not defined.";
            for (Branch w : ways) {
                if (w.natDone) continue;
                masquerade(w, hop.outDevice(), null, "fw4's masquerade of zone " + z.name() + " (masq '1')",
                        z.uri(), masq.get().range(), "postrouting");
                if (!alsoIptables.isEmpty()) {
                    TraceStep last = w.steps.remove(w.steps.size() - 1);
                    w.steps.add(new TraceStep(last.kind(), last.uri(), last.range(), last.detail() + alsoIptables));
                }
            }
            return ways;
        }
        return ways;
    }

    /** MASQUERADE: the source becomes the address of the outgoing device (named when the config does not give it). */
    private void masquerade(Branch w, String device, String ports, String lead, String uri, SourceRange at, String kind) {
        DeviceAddress a = deviceAddress(device);
        w.src = a.text();
        if (a.address() != null) w.packet = w.packet.withSrc(a.address(), w.packet.srcPort());
        w.srcPorts = ports == null || !w.packet.isTcpOrUdp() ? null : ports.contains("-") ? ports : ports + "-" + ports;
        w.natDone = true;
        w.hookDone = true;
        w.nat.add(new NatApplied(null, "masquerade", uri, at));
        w.step(kind, uri, at, lead + " translates the source to " + a.text() + a.note()
                + (ports == null ? ", with a source port the kernel picks" + a.portNote() : " with a port of " + ports) + ".");
    }

    private record DeviceAddress(Long address, String text, String note, String portNote) { }

    private DeviceAddress deviceAddress(String device) {
        for (NetworkInterface i : router.interfaces()) {
            if (!router.deviceOf(i).map(device::equals).orElse(false)) continue;
            if (!i.staticIpv4().isEmpty()) {
                long a = i.staticIpv4().get(0).address();
                return new DeviceAddress(a, Packet.address(a), " (" + i.name() + "'s address)", "");
            }
            if (i.isMap()) {
                Optional<MapeExpectation> e = router.mapInterfaces().stream().filter(m -> m.name().equals(i.name())).findFirst()
                        .flatMap(router::expectation);
                String ports = e.map(x -> "; MAP-E allows only PSID " + x.result().psid() + "'s ports ("
                        + x.result().ports().stream().map(PortRange::toString).limit(3).reduce((p, q) -> p + ", " + q).orElse("")
                        + ", …), and nothing here keeps the kernel inside them").orElse("");
                if (e.isPresent()) {
                    return new DeviceAddress(e.get().result().ipv4().unsigned(), e.get().result().ipv4().toString(),
                            " (the MAP-E address of " + i.name() + " from the delegated prefix " + e.get().prefix().prefix() + ")", ports);
                }
                return new DeviceAddress(null, "map-e(" + i.name() + ")", " (the MAP-E address of " + i.name()
                        + ", which needs the delegated prefix; not in the config)", "");
            }
            String proto = i.proto().toLowerCase(Locale.ROOT);
            String name = (proto.equals("dhcp") ? "dhcp" : proto.startsWith("ppp") ? "ppp" : proto) + "(" + i.name() + ")";
            return new DeviceAddress(null, name, " (the address " + i.name() + " gets by " + proto + "; not in the config)", "");
        }
        return new DeviceAddress(null, "address(" + device + ")", " (the address of " + device + "; not in the config)", "");
    }

    private static String loop(IptablesRule r) {
        List<LoopIteration> loops = r.source().loops();
        if (loops.isEmpty()) return "";
        LoopIteration l = loops.get(loops.size() - 1);
        return " (pass " + l.iteration() + " of the loop at line " + (l.loop().startLine() + 1) + ")";
    }

    private static String file(String uri) {
        return uri == null ? "" : uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static Double probability(String text) {
        if (text == null) return null;
        try {
            double p = Double.parseDouble(text);
            return p >= 0 && p <= 1 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p * 100);
    }
}
