package dev.routerls.yamaha.model;

import dev.routerls.mape.PortRange;
import dev.routerls.core.SourceRange;
import dev.routerls.grammar.YamahaLexer;
import dev.routerls.yamaha.filter.DynamicFilter;
import dev.routerls.yamaha.filter.FilterAddress;
import dev.routerls.yamaha.filter.FilterCondition;
import dev.routerls.yamaha.filter.FilterPorts;
import dev.routerls.yamaha.filter.IpFilter;
import dev.routerls.yamaha.filter.SecureFilterList;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.ParsedLine;
import dev.routerls.yamaha.parse.Word;
import dev.routerls.yamaha.model.YamahaConfig.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link YamahaConfig} from parsed lines fed in document order. Tracks the {@code pp select} /
 * {@code tunnel select} state, so each line knows the block it belongs to, and expands templates at the end.
 */
public final class ConfigBuilder {
    /** Larger number ranges than this are not expanded (a typo must not allocate millions of entries). */
    static final int MAX_RANGE_EXPANSION = 4096;

    private final YamahaConfig m = new YamahaConfig();
    private SelectContext ctx = SelectContext.NONE;
    private final Set<String> looseFilterUses = new HashSet<>();
    private LinePositions pos = LinePositions.single(0);

    public ConfigBuilder(String model, String revision, SourceRange headerRange) {
        m.model = model;
        m.revision = revision;
        m.headerRange = headerRange;
    }

    /** Filter numbers mentioned after a {@code filter} keyword by lines without an explicit rule. */
    public Set<String> looseFilterUses() {
        return looseFilterUses;
    }

    private SourceRange r(Word w) {
        return pos.range(w);
    }

    private SourceRange lineRange(ParsedLine p) {
        return pos.range(p.word(0).start(), p.word(p.wordCount() - 1).end());
    }

    private void problem(Word w, String message) {
        m.syntaxProblems.add(new SyntaxProblem(r(w), message));
    }

    private Integer number(Word w) {
        if (w == null) return null;
        try {
            return Integer.parseInt(w.text());
        } catch (NumberFormatException e) {
            problem(w, "the number " + w.text() + " is too large for any setting. Use a smaller number.");
            return null;
        }
    }

    private Ipv4.Range addresses(Word w) {
        Ipv4.Range range = Ipv4.parseRange(w.text());
        if (range == null) {
            problem(w, "'" + w.text() + "' is not a valid IPv4 address, range or prefix (each part 0-255, "
                    + "ranges low-high, prefix length 0-32), so the router rejects the line. Correct the address.");
        }
        return range;
    }

    private static boolean isAddressToken(Word w) {
        int t = w.type();
        return t == YamahaLexer.IPV4_ADDR || t == YamahaLexer.IPV4_RANGE || t == YamahaLexer.IPV4_PREFIX;
    }

    /** Feeds the next logical line; returns the select context the line belongs to. */
    public SelectContext accept(LinePositions positions, ParsedLine p) {
        this.pos = positions;
        Command c = p.command();
        if (c == null) return ctx;
        if (p.negated()) {
            negated(p, c);
            return ctx;
        }
        if (c instanceof Command.PpSelect s) {
            selectPp(s);
        } else if (c instanceof Command.TunnelSelect s) {
            selectTunnel(s);
        } else if (c instanceof Command.InterfaceAddress a) {
            interfaceAddress(a);
        } else if (c instanceof Command.ProxyArp a) {
            NetInterface i = iface(a.iface().text());
            i.proxyArp = a.state().text().equalsIgnoreCase("on");
            i.proxyArpRange = lineRange(p);
        } else if (c instanceof Command.NatType t) {
            NatDescriptor d = nat(t.id(), p);
            if (d != null) {
                d.type = t.kind().text();
                d.typeRange = lineRange(p);
            }
        } else if (c instanceof Command.NatAddress a) {
            natAddress(a, p);
        } else if (c instanceof Command.NatStatic s) {
            natStatic(s, p);
        } else if (c instanceof Command.NatMasqueradeStatic s) {
            NatDescriptor d = nat(s.id(), p);
            Integer entry = number(s.entry());
            Ipv4.Range inner = addresses(s.inner());
            if (d != null && entry != null && inner != null) {
                Integer[] ports = masqueradePorts(s.ports());
                d.masqueradeStatics.add(new NatMasqueradeStatic(entry, inner.first(), s.protocol().text(), ports[0], ports[1],
                        lineRange(p)));
            }
        } else if (c instanceof Command.NatPortRange pr) {
            portRange(pr, p);
        } else if (c instanceof Command.NatMasqueradeIncoming in) {
            NatDescriptor d = nat(in.id(), p);
            if (d != null) {
                d.incoming = new Setting(in.action().text().toLowerCase(Locale.ROOT), lineRange(p));
                d.incomingAddress = in.address() == null ? null : Ipv4.parse(in.address().text());
            }
        } else if (c instanceof Command.NatBackwardCompatibility b) {
            m.backwardCompatibility = new Setting(b.value().text(), lineRange(p));
        } else if (c instanceof Command.NatApply a) {
            natApply(a);
        } else if (c instanceof Command.PpBind b) {
            ppBind(b);
        } else if (c instanceof Command.PpRemotePool pool) {
            remotePool(pool);
        } else if (c instanceof Command.SecretSetting s) {
            secret(s, p);
        } else if (c instanceof Command.TunnelEncapsulation e) {
            TunnelBlock t = currentTunnel();
            if (t != null) t.encapsulation = new Setting(e.kind().text().toLowerCase(Locale.ROOT), r(e.kind()));
        } else if (c instanceof Command.TunnelEndpoint e) {
            TunnelBlock t = currentTunnel();
            if (t != null) {
                Word local = e.second() == null ? null : e.first();
                Word remote = e.second() == null ? e.first() : e.second();
                t.endpointLocal = local == null ? null : new Setting(local.text(), r(local));
                t.endpointRemote = new Setting(remote.text(), r(remote));
            }
        } else if (c instanceof Command.TunnelTemplate tt) {
            TunnelBlock t = currentTunnel();
            if (t != null) for (Word w : tt.targets()) t.templateTargets.addAll(tunnelRefs(w));
        } else if (c instanceof Command.IpsecTunnel it) {
            Integer policy = number(it.policy());
            TunnelBlock t = currentTunnel();
            if (policy != null) {
                m.references.add(new Reference(RefKind.IPSEC_POLICY, policy.toString(), r(it.policy()), "ipsec tunnel"));
                if (t != null) {
                    t.ipsecPolicy = policy;
                    t.ipsecPolicyRange = r(it.policy());
                    t.ipsecIds.add(new IpsecId("the policy id of `ipsec tunnel`", policy, r(it.policy())));
                }
            }
        } else if (c instanceof Command.IpsecSaPolicy sp) {
            Integer policy = number(sp.policy());
            Integer gateway = number(sp.gateway());
            if (policy != null) m.definitions.add(new Definition(RefKind.IPSEC_POLICY, policy.toString(), r(sp.policy()), false));
            TunnelBlock t = currentTunnel();
            if (t != null && policy != null && gateway != null) {
                t.ipsecIds.add(new IpsecId("the policy id of `ipsec sa policy`", policy, r(sp.policy())));
                t.ipsecIds.add(new IpsecId("the gateway id of `ipsec sa policy`", gateway, r(sp.gateway())));
            }
        } else if (c instanceof Command.IpsecIke ike) {
            ikeGateway(ike.gateway(), "the gateway id of `ipsec ike`");
        } else if (c instanceof Command.IpsecTransport tr) {
            Integer id = number(tr.transport());
            Integer policy = number(tr.policy());
            if (id != null && policy != null) {
                m.transports.add(new IpsecTransport(id, policy, lineRange(p), r(tr.policy())));
                m.definitions.add(new Definition(RefKind.IPSEC_TRANSPORT, id.toString(), r(tr.transport()), false));
                m.references.add(new Reference(RefKind.IPSEC_POLICY, policy.toString(), r(tr.policy()), "ipsec transport"));
            }
        } else if (c instanceof Command.IpsecTransportTemplate tt) {
            Integer source = number(tt.source());
            if (source != null) {
                List<TunnelRef> targets = new ArrayList<>();
                for (Word w : tt.targets()) targets.addAll(tunnelRefs(w));
                m.transportTemplates.add(new TransportTemplate(source, r(tt.source()), targets, lineRange(p)));
                m.references.add(new Reference(RefKind.IPSEC_TRANSPORT, source.toString(), r(tt.source()),
                        "ipsec transport template"));
            }
        } else if (c instanceof Command.IpRoute route) {
            route(route, p);
        } else if (c instanceof Command.DhcpScope s) {
            dhcpScope(s, p);
        } else if (c instanceof Command.DhcpScopeRef s) {
            Integer id = number(s.id());
            if (id != null) m.references.add(new Reference(RefKind.DHCP_SCOPE, id.toString(), r(s.id()), "dhcp scope"));
        } else if (c instanceof Command.FilterDefinition f) {
            RefKind kind = f.ipv6() ? (f.dynamic() ? RefKind.IPV6_DYNAMIC_FILTER : RefKind.IPV6_FILTER)
                    : (f.dynamic() ? RefKind.IP_DYNAMIC_FILTER : RefKind.IP_FILTER);
            m.definitions.add(new Definition(kind, f.id().text(), r(f.id()), false));
            if (!f.ipv6()) filter(f, p);
        } else if (c instanceof Command.SecureFilter sf) {
            if (!sf.ipv6()) secureFilter(sf, p);
            String where = (sf.ipv6() ? "ipv6 " : "ip ") + sf.iface().text() + " secure filter " + sf.direction().text();
            for (Word w : sf.filters()) {
                m.references.add(new Reference(sf.ipv6() ? RefKind.IPV6_FILTER : RefKind.IP_FILTER, w.text(), r(w), where));
            }
            for (Word w : sf.dynamics()) {
                m.references.add(new Reference(sf.ipv6() ? RefKind.IPV6_DYNAMIC_FILTER : RefKind.IP_DYNAMIC_FILTER,
                        w.text(), r(w), where));
            }
        } else if (c instanceof Command.Generic g) {
            looseFilters(p);
        }
        return ctx;
    }

    // ---- contexts ----

    private void selectPp(Command.PpSelect s) {
        Word t = s.target();
        if (t == null || t.type() == YamahaLexer.NONE) {
            ctx = SelectContext.NONE;
            return;
        }
        String id = t.type() == YamahaLexer.ANONYMOUS ? "anonymous" : t.text();
        if (t.type() == YamahaLexer.NUMBER) {
            Integer n = number(t);
            if (n == null) return;
            id = n.toString();
            m.ppSelects.add(new Setting(id, r(t)));
        }
        ctx = new SelectContext(id, null);
        if (!m.pps.containsKey(id)) {
            m.pps.put(id, new PpBlock(id, r(t)));
            m.definitions.add(new Definition(RefKind.PP, id, r(t), false));
        }
    }

    private void selectTunnel(Command.TunnelSelect s) {
        Word t = s.target();
        if (t == null || t.type() == YamahaLexer.NONE) {
            ctx = SelectContext.NONE;
            return;
        }
        Integer n = number(t);
        if (n == null) return;
        m.tunnelSelects.add(new Setting(n.toString(), r(t)));
        ctx = new SelectContext(null, n);
        if (!m.tunnels.containsKey(n)) {
            m.tunnels.put(n, new TunnelBlock(n, r(t), null));
            m.definitions.add(new Definition(RefKind.TUNNEL, n.toString(), r(t), false));
        }
    }

    private TunnelBlock currentTunnel() {
        return ctx.tunnel() == null ? null : m.tunnels.get(ctx.tunnel());
    }

    private void negated(ParsedLine p, Command c) {
        if (c instanceof Command.PpSelect s) {
            ctx = SelectContext.NONE;
        } else if (c instanceof Command.TunnelSelect s) {
            ctx = SelectContext.NONE;
        } else if (c instanceof Command.NatBackwardCompatibility b) {
            m.backwardCompatibility = null;
        } else if (c instanceof Command.ProxyArp a) {
            NetInterface i = iface(a.iface().text());
            i.proxyArp = false;
            i.proxyArpRange = lineRange(p);
        } else if (c instanceof Command.SecureFilter sf) {
            String key = ifaceKey(sf.iface().text());
            boolean in = sf.direction().text().equalsIgnoreCase("in");
            m.secureFilters.removeIf(l -> l.iface().equals(key) && l.in() == in);
        } else if (c instanceof Command.PpRemotePool pool) {
            PpBlock pp = ctx.pp() == null ? null : m.pps.get(ctx.pp());
            if (pp != null) pp.pool.clear();
        }
    }

    // ---- interfaces ----

    /** The interface key: lan1 …, or "pp 1" / "tunnel 2" for the selected PP or tunnel. */
    private String ifaceKey(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("pp")) return ctx.pp() == null ? "pp" : "pp " + ctx.pp();
        if (w.equals("tunnel")) return ctx.tunnel() == null ? "tunnel" : "tunnel " + ctx.tunnel();
        return w;
    }

    private NetInterface iface(String word) {
        return m.interfaces.computeIfAbsent(ifaceKey(word), NetInterface::new);
    }

    private void interfaceAddress(Command.InterfaceAddress a) {
        if (!a.ipv6() && a.value().type() == YamahaLexer.DHCP) {
            iface(a.iface().text()).dhcpAddress = r(a.value());
            return;
        }
        if (a.ipv6() && a.value().type() == YamahaLexer.IPV6_PREFIX) {
            m.ipv6Addresses.add(new YamahaConfig.Ipv6InterfaceAddress(a.iface().text().toLowerCase(Locale.ROOT), a.value().text(), r(a.value())));
            return;
        }
        if (a.ipv6() || a.value().type() != YamahaLexer.IPV4_PREFIX) return;
        String text = a.value().text();
        int slash = text.indexOf('/');
        long address = Ipv4.parse(text.substring(0, slash));
        int len = Ipv4.prefixLength(text.substring(slash + 1));
        if (address < 0 || len < 0) {
            addresses(a.value());
            return;
        }
        NetInterface i = iface(a.iface().text());
        i.addresses.add(new InterfaceAddress(i.name, address, Ipv4.Subnet.of(address, len), a.secondary(), r(a.value())));
    }

    // ---- NAT ----

    private NatDescriptor nat(Word id, ParsedLine p) {
        Integer n = number(id);
        if (n == null) return null;
        NatDescriptor d = m.natDescriptors.get(n);
        if (d == null) {
            d = new NatDescriptor(n);
            d.firstRange = r(id);
            m.natDescriptors.put(n, d);
            m.definitions.add(new Definition(RefKind.NAT_DESCRIPTOR, n.toString(), r(id), false));
        }
        return d;
    }

    private void natAddress(Command.NatAddress a, ParsedLine p) {
        NatDescriptor d = nat(a.id(), p);
        if (d == null) return;
        List<NatAddressItem> list = a.outer() ? d.outer : d.inner;
        list.clear();
        for (Word w : a.items()) {
            Ipv4.Range range = isAddressToken(w) ? addresses(w) : null;
            if (isAddressToken(w) && range == null) continue;
            list.add(new NatAddressItem(w.text(), range, r(w)));
        }
        if (a.outer()) d.outerLine = lineRange(p);
        else d.innerLine = lineRange(p);
    }

    private void natStatic(Command.NatStatic s, ParsedLine p) {
        NatDescriptor d = nat(s.id(), p);
        Integer entry = number(s.entry());
        if (d == null || entry == null) return;
        String pair = s.pair().text();
        int eq = pair.indexOf('=');
        int slash = pair.indexOf('/', eq);
        long outer = Ipv4.parse(pair.substring(0, eq));
        long inner = Ipv4.parse(slash > 0 ? pair.substring(eq + 1, slash) : pair.substring(eq + 1));
        long count = 1;
        SourceRange countRange = null;
        if (slash > 0) {
            int len = Ipv4.prefixLength(pair.substring(slash + 1));
            if (len < 0) {
                problem(s.pair(), "the netmask after '/' is not valid (0-32 or a contiguous dotted mask). Correct it.");
                return;
            }
            count = 1L << (32 - len);
            countRange = r(s.pair());
        } else if (s.count() != null) {
            Integer n = number(s.count());
            if (n == null) return;
            count = n;
            countRange = r(s.count());
        }
        if (outer < 0 || inner < 0) {
            addresses(s.pair());
            return;
        }
        if (count < 1) {
            problem(s.count(), "a static NAT count must be at least 1. Use 1 for a single address.");
            return;
        }
        int outerEnd = s.pair().start() + eq;
        SourceRange outerRange = pos.range(s.pair().start(), outerEnd);
        d.statics.add(new NatStatic(entry, new Ipv4.Range(outer, outer + count - 1),
                new Ipv4.Range(inner, inner + count - 1), lineRange(p), outerRange, countRange, slash > 0));
    }

    private void portRange(Command.NatPortRange pr, ParsedLine p) {
        NatDescriptor d = nat(pr.id(), p);
        if (d == null) return;
        d.portBlocks.clear();
        d.portRangeLine = lineRange(p);
        for (Word w : pr.ranges()) {
            String t = w.text();
            PortRange range;
            try {
                range = PortRange.parse(t);
            } catch (IllegalArgumentException e) {
                range = null;
            }
            // the router takes ports 1-65535 here (port 0 is no port to translate to)
            if (range == null || !range.isValid() || range.lo() < 1) {
                problem(w, "'" + t + "' is not a port range (1-65535, low-high). Correct the range.");
                continue;
            }
            d.portBlocks.add(new PortBlock(range.lo(), range.hi(), r(w)));
        }
    }

    private void natApply(Command.NatApply a) {
        String key = a.iface().text().toLowerCase(Locale.ROOT);
        for (Word w : a.forward()) natUse(w, key, false);
        for (Word w : a.reverse()) natUse(w, key, true);
    }

    private void natUse(Word w, String iface, boolean reverse) {
        Integer id = number(w);
        if (id == null) return;
        m.natUses.add(new NatUse(id, iface, ctx, reverse, r(w)));
        m.references.add(new Reference(RefKind.NAT_DESCRIPTOR, id.toString(), r(w), "ip " + ifaceKey(iface) + " nat descriptor"));
    }

    // ---- PP ----

    private List<TunnelRef> tunnelRefs(Word w) {
        String t = w.text().toLowerCase(Locale.ROOT).replace("tunnel", "");
        int dash = t.indexOf('-');
        List<TunnelRef> out = new ArrayList<>();
        try {
            int lo = Integer.parseInt(dash < 0 ? t : t.substring(0, dash));
            int hi = Integer.parseInt(dash < 0 ? t : t.substring(dash + 1));
            if (hi < lo) {
                problem(w, "the range " + w.text() + " runs backwards. Write the smaller number first.");
            } else if (hi - lo >= MAX_RANGE_EXPANSION) {
                problem(w, "the range " + w.text() + " is larger than any router has tunnels. Narrow it.");
            } else {
                for (int i = lo; i <= hi; i++) out.add(new TunnelRef(i, r(w)));
            }
        } catch (NumberFormatException e) {
            // not a tunnel reference (an interface name or a word); nothing to resolve
        }
        return out;
    }

    private void ppBind(Command.PpBind b) {
        PpBlock pp = ctx.pp() == null ? null : m.pps.get(ctx.pp());
        for (Word w : b.targets()) {
            if (w.type() != YamahaLexer.TUNNEL_ID && w.type() != YamahaLexer.TUNNEL_RANGE) continue;
            for (TunnelRef ref : tunnelRefs(w)) {
                if (pp != null) pp.binds.add(ref);
                m.references.add(new Reference(RefKind.TUNNEL, Integer.toString(ref.tunnel()), ref.range(), "pp bind"));
            }
        }
    }

    private void remotePool(Command.PpRemotePool pool) {
        PpBlock pp = ctx.pp() == null ? null : m.pps.get(ctx.pp());
        if (pp == null) return;
        pp.pool.clear();
        for (Word w : pool.items()) {
            if (w.type() == YamahaLexer.DHCP) {
                pp.pool.add(new PoolItem(null, r(w)));
            } else if (isAddressToken(w)) {
                Ipv4.Range range = addresses(w);
                if (range != null) pp.pool.add(new PoolItem(range, r(w)));
            }
        }
    }

    // ---- secrets, IPsec ----

    private void secret(Command.SecretSetting s, ParsedLine p) {
        for (Command.SecretValue v : s.values()) {
            m.secrets.add(new Secret(v.kind(), v.plaintext(), r(v.secret()), lineRange(p)));
        }
        for (Command.SecretValue v : s.values()) {
            if (s.subject() == null || !v.kind().namesIkeGateway()) continue;
            ikeGateway(s.subject(), v.kind() == Command.SecretKind.IKE_PRE_SHARED_KEY
                    ? "the gateway id of `ipsec ike pre-shared-key`" : "the gateway id of `ipsec ike … myname`");
        }
    }

    private void ikeGateway(Word w, String what) {
        Integer g = number(w);
        TunnelBlock t = currentTunnel();
        if (g != null && t != null) t.ipsecIds.add(new IpsecId(what, g, r(w)));
    }

    // ---- routes, DHCP, filters ----

    private void route(Command.IpRoute route, ParsedLine p) {
        List<RouteGateway> gws = new ArrayList<>();
        for (Command.RouteGateway g : route.gateways()) {
            long address = -1;
            switch (g.kind()) {
                case DHCP -> { }
                case ADDRESS -> {
                    Ipv4.Range a = addresses(g.target());
                    if (a != null) address = a.first();
                }
                case PP -> m.references.add(new Reference(RefKind.PP, g.target().text().toLowerCase(Locale.ROOT),
                        r(g.target()), "ip route gateway"));
                case TUNNEL -> m.references.add(new Reference(RefKind.TUNNEL, g.target().text(), r(g.target()),
                        "ip route gateway"));
                case OTHER -> { }
            }
            List<Integer> filters = new ArrayList<>();
            for (Word f : g.filters()) {
                m.references.add(new Reference(RefKind.IP_FILTER, f.text(), r(f), "ip route filter"));
                Integer n = number(f);
                if (n != null) filters.add(n);
            }
            gws.add(new RouteGateway(g.kind().name().toLowerCase(Locale.ROOT), g.target().text(), address, r(g.target()),
                    List.copyOf(filters)));
        }
        Ipv4.Subnet network = Ipv4.Subnet.of(0, 0);
        if (route.destination().type() != YamahaLexer.DEFAULT) {
            Ipv4.Range dest = addresses(route.destination());
            // a bare address is a host route (/32)
            network = dest == null ? null : Ipv4.Subnet.of(dest.first(), 32 - Long.numberOfTrailingZeros(dest.size()));
        }
        m.routes.add(new Route(route.destination().text(), network, lineRange(p), gws));
    }

    /** {@code ip filter …} and {@code ip filter dynamic …} (IPv4): their match conditions for the filter checks. */
    private void filter(Command.FilterDefinition f, ParsedLine p) {
        Integer id = number(f.id());
        if (id == null) return;
        List<String> fields = f.fields().stream().map(Word::text).toList();
        if (f.dynamic()) {
            if (fields.size() < 2) return;
            List<Integer> triggers = new ArrayList<>();
            for (Word t : f.triggers()) {
                Integer n = number(t);
                if (n != null) triggers.add(n);
            }
            m.dynamicFilters.put(id, new DynamicFilter(id, FilterAddress.parse(fields.get(0)), FilterAddress.parse(fields.get(1)),
                    fields.size() > 2 ? fields.get(2) : null, triggers, lineRange(p)));
            return;
        }
        IpFilter.Action action = f.action() == null ? null : IpFilter.Action.of(f.action().text());
        if (action == null || fields.isEmpty()) return;   // the catalog check reports the malformed line
        FilterCondition condition = FilterCondition.of(fields.get(0), field(fields, 1), field(fields, 2), field(fields, 3),
                field(fields, 4));
        m.filters.put(id, new IpFilter(id, action, f.action().text(), condition, lineRange(p), r(f.id())));
    }

    private static String field(List<String> fields, int i) {
        return i < fields.size() ? fields.get(i) : null;
    }

    private void secureFilter(Command.SecureFilter sf, ParsedLine p) {
        String key = ifaceKey(sf.iface().text());
        boolean in = sf.direction().text().equalsIgnoreCase("in");
        List<SecureFilterList.FilterRef> filters = new ArrayList<>(), dynamics = new ArrayList<>();
        for (Word w : sf.filters()) {
            Integer n = number(w);
            if (n != null) filters.add(new SecureFilterList.FilterRef(n, r(w)));
        }
        for (Word w : sf.dynamics()) {
            Integer n = number(w);
            if (n != null) dynamics.add(new SecureFilterList.FilterRef(n, r(w)));
        }
        m.secureFilters.removeIf(l -> l.iface().equals(key) && l.in() == in);
        m.secureFilters.add(new SecureFilterList(key, in, filters, dynamics, lineRange(p)));
    }

    /** {@code [OUTER=]INNER} of a static masquerade entry: {outer, inner}, each null when not written or not a port. */
    private static Integer[] masqueradePorts(Word ports) {
        if (ports == null) return new Integer[]{null, null};
        String t = ports.text();
        int eq = t.indexOf('=');
        Integer outer = eq < 0 ? null : port(t.substring(0, eq));
        Integer inner = port(eq < 0 ? t : t.substring(eq + 1));
        return new Integer[]{outer, inner};
    }

    private static Integer port(String text) {
        FilterPorts p = FilterPorts.parse(text);
        return p.unresolved().isEmpty() && p.intervals().size() == 1 && p.intervals().get(0)[0] == p.intervals().get(0)[1]
                ? p.intervals().get(0)[0] : null;
    }

    private void dhcpScope(Command.DhcpScope s, ParsedLine p) {
        Integer id = number(s.id());
        if (id == null) return;
        String t = s.range().text();
        int slash = t.indexOf('/');
        Ipv4.Range range = addresses(s.range().type() == YamahaLexer.IPV4_RANGE_PREFIX
                ? new Word(t.substring(0, slash), s.range().start(), s.range().start() + slash, YamahaLexer.IPV4_RANGE, false)
                : s.range());
        Ipv4.Subnet subnet = null;
        if (slash > 0 && range != null) {
            int len = Ipv4.prefixLength(t.substring(slash + 1));
            if (len >= 0) subnet = Ipv4.Subnet.of(range.first(), len);
        }
        if (range == null) return;
        m.dhcpScopes.put(id, new DhcpScope(id, range, subnet, lineRange(p)));
        m.definitions.add(new Definition(RefKind.DHCP_SCOPE, id.toString(), r(s.id()), false));
    }

    /** Any number after a {@code filter} keyword may name a filter (ip filter set, rip filter, …). */
    private void looseFilters(ParsedLine p) {
        boolean afterFilter = false;
        for (int i = 0; i < p.wordCount(); i++) {
            Word w = p.word(i);
            if (w.type() == YamahaLexer.FILTER) afterFilter = true;
            else if (afterFilter && w.type() == YamahaLexer.NUMBER) looseFilterUses.add(w.text());
        }
    }

    // ---- templates ----

    /** Expands {@code tunnel template} and {@code ipsec transport template}, then returns the model. */
    public YamahaConfig finish() {
        for (TunnelBlock src : new ArrayList<>(m.tunnels.values())) {
            if (src.fromTemplate != null) continue;
            for (TunnelRef target : src.templateTargets) {
                int n = target.tunnel();
                if (n == src.id || m.tunnels.containsKey(n)) continue;
                TunnelBlock copy = new TunnelBlock(n, target.range(), target.range());
                copy.encapsulation = src.encapsulation;
                if (src.ipsecPolicy != null) {
                    copy.ipsecPolicy = src.ipsecPolicy == src.id ? n : src.ipsecPolicy;
                    copy.ipsecPolicyRange = target.range();
                }
                m.tunnels.put(n, copy);
                m.definitions.add(new Definition(RefKind.TUNNEL, Integer.toString(n), target.range(), true));
                for (IpsecId id : src.ipsecIds) {
                    if (id.what().contains("ipsec sa policy") && id.what().contains("policy id") && id.value() == src.id) {
                        m.definitions.add(new Definition(RefKind.IPSEC_POLICY, Integer.toString(n), target.range(), true));
                    }
                }
            }
        }
        Map<Integer, IpsecTransport> transportById = new HashMap<>();
        for (IpsecTransport t : m.transports) transportById.put(t.id(), t); // the last definition wins
        for (TransportTemplate tt : m.transportTemplates) {
            IpsecTransport src = transportById.get(tt.source());
            if (src == null) continue;
            for (TunnelRef target : tt.targets()) {
                int n = target.tunnel();
                if (n == src.id()) continue;
                int policy = src.policy() == src.id() ? n : src.policy();
                m.definitions.add(new Definition(RefKind.IPSEC_TRANSPORT, Integer.toString(n), target.range(), true));
                m.references.add(new Reference(RefKind.IPSEC_POLICY, Integer.toString(policy), target.range(),
                        "ipsec transport template " + tt.source()));
            }
        }
        return m;
    }
}
