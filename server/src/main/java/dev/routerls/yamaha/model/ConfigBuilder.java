package dev.routerls.yamaha.model;

import dev.routerls.core.SourceRange;
import dev.routerls.grammar.YamahaLexer;
import dev.routerls.mape.PortRange;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.model.YamahaConfig.*;
import dev.routerls.yamaha.filter.DynamicFilter;
import dev.routerls.yamaha.filter.FilterPorts;
import dev.routerls.yamaha.filter.IpFilter;
import dev.routerls.yamaha.filter.SecureFilterList;
import dev.routerls.yamaha.parse.Command;
import dev.routerls.yamaha.parse.ParsedLine;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link YamahaConfig} from parsed lines fed in document order. Tracks the {@code pp select} /
 * {@code tunnel select} state, so each line knows the block it belongs to, and expands templates at the end.
 * What each kind of command means for the model is one method of {@link Positive} (and of {@link Negated}
 * for its {@code no} form): a new {@link Command} record does not compile until both say what it does.
 * The builder collects into private drafts; {@link #finish()} freezes them into the immutable model.
 */
public final class ConfigBuilder {
    /** Larger number ranges than this are not expanded (a typo must not allocate millions of entries). */
    static final int MAX_RANGE_EXPANSION = 4096;

    private final String model;
    private final String revision;
    private final SourceRange headerRange;
    private final Map<String, InterfaceDraft> interfaces = new LinkedHashMap<>();
    private final List<Ipv6InterfaceAddress> ipv6Addresses = new ArrayList<>();
    private final Map<Integer, NatDraft> natDescriptors = new LinkedHashMap<>();
    private final List<NatUse> natUses = new ArrayList<>();
    private Setting backwardCompatibility;
    private final Map<String, PpDraft> pps = new LinkedHashMap<>();
    private final Map<Integer, TunnelDraft> tunnels = new LinkedHashMap<>();
    private final List<IpsecTransport> transports = new ArrayList<>();
    private final List<TransportTemplate> transportTemplates = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final Map<Integer, StaticFilters.Line> filters = new HashMap<>();
    private final Map<Integer, DynamicFilter> dynamicFilters = new LinkedHashMap<>();
    private final List<SecureFilterList> secureFilters = new ArrayList<>();
    private final Map<Integer, DhcpScope> dhcpScopes = new LinkedHashMap<>();
    private final List<Secret> secrets = new ArrayList<>();
    private final List<Definition> definitions = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<SyntaxProblem> syntaxProblems = new ArrayList<>();
    private final List<CatalogFinding> catalogFindings = new ArrayList<>();
    private final Set<String> looseFilterUses = new HashSet<>();
    private final List<Setting> tunnelSelects = new ArrayList<>();
    private final List<Setting> ppSelects = new ArrayList<>();
    private final List<SourceRange> placeholders = new ArrayList<>();
    private final List<SourceRange> pastedNotes = new ArrayList<>();
    private CommentedCommands commentedCommands;

    private SelectContext ctx = SelectContext.NONE;
    private LinePositions pos = LinePositions.single(0);
    /** The line being read (for its range). */
    private ParsedLine line;
    private final Positive positive = new Positive();
    private final Negated negated = new Negated();

    public ConfigBuilder(String model, String revision, SourceRange headerRange) {
        this.model = model;
        this.revision = revision;
        this.headerRange = headerRange;
    }

    /** A problem found outside the builder (a line that does not parse, a line too long), in document order. */
    public void problem(SourceRange range, String message) {
        syntaxProblems.add(new SyntaxProblem(range, message));
    }

    /** A line of prose pasted with the config (not a command, not a comment). */
    public void pastedNote(SourceRange range) {
        pastedNotes.add(range);
    }

    /** Commands written as comments, found by the reader when they make up most of the file. */
    public void commentedCommands(SourceRange first, int count) {
        commentedCommands = new CommentedCommands(first, count);
    }

    /** The catalog's findings of one line. */
    public void catalogFindings(List<CatalogFinding> findings) {
        catalogFindings.addAll(findings);
    }

    /** Feeds the next logical line; returns the select context the line belongs to. */
    public SelectContext accept(LinePositions positions, ParsedLine p) {
        this.pos = positions;
        this.line = p;
        Word placeholder = p.firstPlaceholder();
        if (placeholder != null) placeholders.add(r(placeholder));
        Command c = p.command();
        if (c != null) c.accept(p.negated() ? negated : positive);
        ctx = ctx.after(p); // a select line switches the block; the visitors above read the block it is in
        return ctx;
    }

    // ---- helpers ----

    private SourceRange r(Word w) {
        return pos.range(w);
    }

    private SourceRange lineRange() {
        return pos.range(line.wordStart(0), line.wordEnd(line.wordCount() - 1));
    }

    private void problem(Word w, String message) {
        syntaxProblems.add(new SyntaxProblem(r(w), message));
    }

    private Integer number(Word w) {
        if (w == null) return null;
        try {
            return w.intValue();
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

    /** The interface key: lan1 …, or "pp 1" / "tunnel 2" for the selected PP or tunnel. */
    private String ifaceKey(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.equals("pp")) return ctx.pp() == null ? "pp" : "pp " + ctx.pp();
        if (w.equals("tunnel")) return ctx.tunnel() == null ? "tunnel" : "tunnel " + ctx.tunnel();
        return w;
    }

    private InterfaceDraft iface(String word) {
        return interfaces.computeIfAbsent(ifaceKey(word), InterfaceDraft::new);
    }

    private TunnelDraft currentTunnel() {
        return ctx.tunnel() == null ? null : tunnels.get(ctx.tunnel());
    }

    private PpDraft currentPp() {
        return ctx.pp() == null ? null : pps.get(ctx.pp());
    }

    private NatDraft nat(Word id) {
        Integer n = number(id);
        if (n == null) return null;
        NatDraft d = natDescriptors.get(n);
        if (d == null) {
            d = new NatDraft(n, r(id));
            natDescriptors.put(n, d);
            definitions.add(new Definition(RefKind.NAT_DESCRIPTOR, n.toString(), r(id), false));
        }
        return d;
    }

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

    private void ikeGateway(Word w, String what) {
        Integer g = number(w);
        TunnelDraft t = currentTunnel();
        if (g != null && t != null) t.ipsecIds.add(new IpsecId(what, g, r(w)));
    }

    /** Any number after a {@code filter} keyword may name a filter (ip filter set, rip filter, …). */
    private void looseFilters() {
        boolean afterFilter = false;
        for (int i = 0; i < line.wordCount(); i++) {
            int type = line.type(i);
            if (type == YamahaLexer.FILTER) afterFilter = true;
            else if (afterFilter && type == YamahaLexer.NUMBER) looseFilterUses.add(line.word(i).text());
        }
    }

    /** {@code emfs:NAME} or {@code emfs:/NAME} (lua, schedule at …) runs the embedded file NAME. */
    private void embeddedFileUses() {
        for (int i = 0; i < line.wordCount(); i++) {
            if (line.type(i) != YamahaLexer.EMFS_PATH) continue;
            Word w = line.word(i);
            int at = "emfs:".length() + (w.text().startsWith("/", "emfs:".length()) ? 1 : 0);
            if (at >= w.text().length()) continue;
            SourceRange name = pos.range(w.start() + at, w.end());
            boolean lua = i > 0 && line.word(i - 1).text().equalsIgnoreCase("lua");
            references.add(new Reference(RefKind.EMBEDDED_FILE, w.text().substring(at), name, lua ? "lua" : line.head()));
        }
    }

    // ---- what each command sets ----

    /** A command line as written: what it adds to the model. */
    private final class Positive implements Command.Visitor<Void> {
        @Override
        public Void generic(Command.Generic c) {
            looseFilters();
            embeddedFileUses();
            return null;
        }

        @Override
        public Void embeddedFile(Command.EmbeddedFile f) {
            definitions.add(new Definition(RefKind.EMBEDDED_FILE, f.name().text(), r(f.name()), false));
            return null;
        }

        @Override
        public Void interfaceAddress(Command.InterfaceAddress a) {
            if (!a.ipv6() && a.value().type() == YamahaLexer.DHCP) {
                iface(a.iface().text()).dhcpAddress = r(a.value());
                return null;
            }
            if (a.ipv6() && a.value().type() == YamahaLexer.IPV6_PREFIX) {
                ipv6Addresses.add(new Ipv6InterfaceAddress(a.iface().text().toLowerCase(Locale.ROOT), a.value().text(), r(a.value())));
                return null;
            }
            if (a.ipv6() || a.value().type() != YamahaLexer.IPV4_PREFIX) return null;
            String text = a.value().text();
            int slash = text.indexOf('/');
            long address = Ipv4.parse(text.substring(0, slash));
            int len = Ipv4.prefixLength(text.substring(slash + 1));
            if (address < 0 || len < 0) {
                addresses(a.value());
                return null;
            }
            InterfaceDraft i = iface(a.iface().text());
            i.addresses.add(new InterfaceAddress(i.name, address, Ipv4.Subnet.of(address, len), a.secondary(), r(a.value())));
            return null;
        }

        @Override
        public Void proxyArp(Command.ProxyArp a) {
            InterfaceDraft i = iface(a.iface().text());
            i.proxyArp = a.state().text().equalsIgnoreCase("on");
            i.proxyArpRange = lineRange();
            return null;
        }

        @Override
        public Void natType(Command.NatType t) {
            NatDraft d = nat(t.id());
            if (d != null) {
                d.type = t.kind().text();
                d.typeRange = lineRange();
            }
            return null;
        }

        @Override
        public Void natAddress(Command.NatAddress a) {
            NatDraft d = nat(a.id());
            if (d == null) return null;
            List<NatAddressItem> list = a.outer() ? d.outer : d.inner;
            list.clear();
            for (Word w : a.items()) {
                Ipv4.Range range = isAddressToken(w) ? addresses(w) : null;
                if (isAddressToken(w) && range == null) continue;
                list.add(new NatAddressItem(w.text(), range, r(w)));
            }
            if (a.outer()) d.outerLine = lineRange();
            else d.innerLine = lineRange();
            return null;
        }

        @Override
        public Void natStatic(Command.NatStatic s) {
            NatDraft d = nat(s.id());
            Integer entry = number(s.entry());
            if (d == null || entry == null) return null;
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
                    return null;
                }
                count = 1L << (32 - len);
                countRange = r(s.pair());
            } else if (s.count() != null) {
                Integer n = number(s.count());
                if (n == null) return null;
                count = n;
                countRange = r(s.count());
            }
            if (outer < 0 || inner < 0) {
                addresses(s.pair());
                return null;
            }
            if (count < 1) {
                problem(s.count(), "a static NAT count must be at least 1. Use 1 for a single address.");
                return null;
            }
            int outerEnd = s.pair().start() + eq;
            SourceRange outerRange = pos.range(s.pair().start(), outerEnd);
            d.statics.add(new NatStatic(entry, new Ipv4.Range(outer, outer + count - 1),
                    new Ipv4.Range(inner, inner + count - 1), lineRange(), outerRange, countRange, slash > 0));
            return null;
        }

        @Override
        public Void natMasqueradeStatic(Command.NatMasqueradeStatic s) {
            NatDraft d = nat(s.id());
            Integer entry = number(s.entry());
            Ipv4.Range inner = addresses(s.inner());
            if (d != null && entry != null && inner != null) {
                Integer[] ports = masqueradePorts(s.ports());
                d.masqueradeStatics.add(new NatMasqueradeStatic(entry, inner.first(), s.protocol().text(), ports[0], ports[1],
                        lineRange()));
            }
            return null;
        }

        @Override
        public Void natMasqueradeIncoming(Command.NatMasqueradeIncoming in) {
            NatDraft d = nat(in.id());
            if (d != null) {
                d.otherSettings.add(lineRange());
                d.incoming = new Setting(in.action().text().toLowerCase(Locale.ROOT), lineRange());
                d.incomingAddress = in.address() == null ? null : Ipv4.parse(in.address().text());
            }
            return null;
        }

        @Override
        public Void natPortRange(Command.NatPortRange pr) {
            NatDraft d = nat(pr.id());
            if (d == null) return null;
            d.portBlocks.clear();
            d.portRangeLine = lineRange();
            for (Word w : pr.ranges()) {
                String t = w.text();
                PortRange range = PortRange.read(t).orElse(null);
                // the router takes ports 1-65535 here (port 0 is no port to translate to)
                if (range == null || !range.isValid() || range.lo() < 1) {
                    problem(w, "'" + t + "' is not a port range (1-65535, low-high). Correct the range.");
                    continue;
                }
                d.portBlocks.add(new PortBlock(range.lo(), range.hi(), r(w)));
            }
            return null;
        }

        @Override
        public Void natOtherSetting(Command.NatOtherSetting o) {
            NatDraft d = nat(o.id());
            if (d != null) d.otherSettings.add(lineRange());
            return null;
        }

        @Override
        public Void natBackwardCompatibility(Command.NatBackwardCompatibility b) {
            backwardCompatibility = new Setting(b.value().text(), lineRange());
            return null;
        }

        @Override
        public Void natApply(Command.NatApply a) {
            String key = a.iface().text().toLowerCase(Locale.ROOT);
            for (Word w : a.forward()) natUse(w, key, false);
            for (Word w : a.reverse()) natUse(w, key, true);
            return null;
        }

        private void natUse(Word w, String iface, boolean reverse) {
            Integer id = number(w);
            if (id == null) return;
            natUses.add(new NatUse(id, iface, ctx, reverse, r(w)));
            references.add(new Reference(RefKind.NAT_DESCRIPTOR, id.toString(), r(w), "ip " + ifaceKey(iface) + " nat descriptor"));
        }

        @Override
        public Void ppSelect(Command.PpSelect s) {
            Word t = s.target();
            if (t == null || t.type() == YamahaLexer.NONE) return null;
            String id = t.type() == YamahaLexer.ANONYMOUS ? "anonymous" : t.text();
            if (t.type() == YamahaLexer.NUMBER) {
                Integer n = number(t);
                if (n == null) return null;
                id = n.toString();
                ppSelects.add(new Setting(id, r(t)));
            }
            if (!pps.containsKey(id)) {
                pps.put(id, new PpDraft(id, r(t)));
                definitions.add(new Definition(RefKind.PP, id, r(t), false));
            }
            return null;
        }

        @Override
        public Void tunnelSelect(Command.TunnelSelect s) {
            Word t = s.target();
            if (t == null || t.type() == YamahaLexer.NONE) return null;
            Integer n = number(t);
            if (n == null) return null;
            tunnelSelects.add(new Setting(n.toString(), r(t)));
            if (!tunnels.containsKey(n)) {
                tunnels.put(n, new TunnelDraft(n, r(t), null));
                definitions.add(new Definition(RefKind.TUNNEL, n.toString(), r(t), false));
            }
            return null;
        }

        @Override
        public Void ppBind(Command.PpBind b) {
            PpDraft pp = currentPp();
            for (Word w : b.targets()) {
                if (w.type() != YamahaLexer.TUNNEL_ID && w.type() != YamahaLexer.TUNNEL_RANGE) continue;
                for (TunnelRef ref : tunnelRefs(w)) {
                    if (pp != null) pp.binds.add(ref);
                    references.add(new Reference(RefKind.TUNNEL, Integer.toString(ref.tunnel()), ref.range(), "pp bind"));
                }
            }
            return null;
        }

        @Override
        public Void ppRemotePool(Command.PpRemotePool pool) {
            PpDraft pp = currentPp();
            if (pp == null) return null;
            pp.pool.clear();
            for (Word w : pool.items()) {
                if (w.type() == YamahaLexer.DHCP) {
                    pp.pool.add(new PoolItem(null, r(w)));
                } else if (isAddressToken(w)) {
                    Ipv4.Range range = addresses(w);
                    if (range != null) pp.pool.add(new PoolItem(range, r(w)));
                }
            }
            return null;
        }

        @Override
        public Void tunnelEncapsulation(Command.TunnelEncapsulation e) {
            TunnelDraft t = currentTunnel();
            if (t != null) t.encapsulation = new Setting(e.kind().text().toLowerCase(Locale.ROOT), r(e.kind()));
            return null;
        }

        @Override
        public Void tunnelEndpoint(Command.TunnelEndpoint e) {
            TunnelDraft t = currentTunnel();
            if (t != null) {
                Word local = e.second() == null ? null : e.first();
                Word remote = e.second() == null ? e.first() : e.second();
                t.endpointLocal = local == null ? null : new Setting(local.text(), r(local));
                t.endpointRemote = new Setting(remote.text(), r(remote));
            }
            return null;
        }

        @Override
        public Void tunnelTemplate(Command.TunnelTemplate tt) {
            TunnelDraft t = currentTunnel();
            if (t != null) for (Word w : tt.targets()) t.templateTargets.addAll(tunnelRefs(w));
            return null;
        }

        @Override
        public Void ipsecTunnel(Command.IpsecTunnel it) {
            Integer policy = number(it.policy());
            TunnelDraft t = currentTunnel();
            if (policy != null) {
                references.add(new Reference(RefKind.IPSEC_POLICY, policy.toString(), r(it.policy()), "ipsec tunnel"));
                if (t != null) {
                    t.ipsecPolicy = policy;
                    t.ipsecPolicyRange = r(it.policy());
                    t.ipsecIds.add(new IpsecId("the policy id of `ipsec tunnel`", policy, r(it.policy())));
                }
            }
            return null;
        }

        @Override
        public Void ipsecSaPolicy(Command.IpsecSaPolicy sp) {
            Integer policy = number(sp.policy());
            Integer gateway = number(sp.gateway());
            if (policy != null) definitions.add(new Definition(RefKind.IPSEC_POLICY, policy.toString(), r(sp.policy()), false));
            TunnelDraft t = currentTunnel();
            if (t != null && policy != null && gateway != null) {
                t.ipsecIds.add(new IpsecId("the policy id of `ipsec sa policy`", policy, r(sp.policy())));
                t.ipsecIds.add(new IpsecId("the gateway id of `ipsec sa policy`", gateway, r(sp.gateway())));
            }
            return null;
        }

        @Override
        public Void ipsecIke(Command.IpsecIke ike) {
            ikeGateway(ike.gateway(), "the gateway id of `ipsec ike`");
            return null;
        }

        @Override
        public Void ipsecTransport(Command.IpsecTransport tr) {
            Integer id = number(tr.transport());
            Integer policy = number(tr.policy());
            if (id != null && policy != null) {
                transports.add(new IpsecTransport(id, policy, lineRange(), r(tr.policy())));
                definitions.add(new Definition(RefKind.IPSEC_TRANSPORT, id.toString(), r(tr.transport()), false));
                references.add(new Reference(RefKind.IPSEC_POLICY, policy.toString(), r(tr.policy()), "ipsec transport"));
            }
            return null;
        }

        @Override
        public Void ipsecTransportTemplate(Command.IpsecTransportTemplate tt) {
            Integer source = number(tt.source());
            if (source != null) {
                List<TunnelRef> targets = new ArrayList<>();
                for (Word w : tt.targets()) targets.addAll(tunnelRefs(w));
                transportTemplates.add(new TransportTemplate(source, r(tt.source()), targets, lineRange()));
                references.add(new Reference(RefKind.IPSEC_TRANSPORT, source.toString(), r(tt.source()),
                        "ipsec transport template"));
            }
            return null;
        }

        @Override
        public Void ipRoute(Command.IpRoute route) {
            List<RouteGateway> gws = new ArrayList<>();
            for (Command.RouteGateway g : route.gateways()) {
                long address = -1;
                switch (g.kind()) {
                    case ADDRESS -> {
                        Ipv4.Range a = addresses(g.target());
                        if (a != null) address = a.first();
                    }
                    case PP -> references.add(new Reference(RefKind.PP, g.target().text().toLowerCase(Locale.ROOT),
                            r(g.target()), "ip route gateway"));
                    case TUNNEL -> references.add(new Reference(RefKind.TUNNEL, g.target().text(), r(g.target()),
                            "ip route gateway"));
                    case DHCP, OTHER -> { }
                }
                List<Integer> routeFilters = new ArrayList<>();
                for (Word f : g.filters()) {
                    references.add(new Reference(RefKind.IP_FILTER, f.text(), r(f), "ip route filter"));
                    Integer n = number(f);
                    if (n != null) routeFilters.add(n);
                }
                gws.add(new RouteGateway(g.kind().name().toLowerCase(Locale.ROOT), g.target().text(), address, r(g.target()),
                        routeFilters));
            }
            Ipv4.Subnet network = Ipv4.Subnet.of(0, 0);
            if (route.destination().type() != YamahaLexer.DEFAULT) {
                Ipv4.Range dest = addresses(route.destination());
                // a bare address is a host route (/32)
                network = dest == null ? null : Ipv4.Subnet.of(dest.first(), 32 - Long.numberOfTrailingZeros(dest.size()));
            }
            routes.add(new Route(route.destination().text(), network, lineRange(), gws));
            return null;
        }

        @Override
        public Void dhcpScope(Command.DhcpScope s) {
            Integer id = number(s.id());
            if (id == null) return null;
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
            if (range == null) return null;
            dhcpScopes.put(id, new DhcpScope(id, range, subnet, lineRange()));
            definitions.add(new Definition(RefKind.DHCP_SCOPE, id.toString(), r(s.id()), false));
            return null;
        }

        @Override
        public Void dhcpScopeRef(Command.DhcpScopeRef s) {
            Integer id = number(s.id());
            if (id != null) references.add(new Reference(RefKind.DHCP_SCOPE, id.toString(), r(s.id()), "dhcp scope"));
            return null;
        }

        @Override
        public Void dhcpRelay(Command.DhcpRelay relay) {
            return null; // nothing the rules read yet
        }

        @Override
        public Void filterDefinition(Command.FilterDefinition f) {
            RefKind kind = f.ipv6() ? (f.dynamic() ? RefKind.IPV6_DYNAMIC_FILTER : RefKind.IPV6_FILTER)
                    : (f.dynamic() ? RefKind.IP_DYNAMIC_FILTER : RefKind.IP_FILTER);
            definitions.add(new Definition(kind, f.id().text(), r(f.id()), false));
            if (!f.ipv6()) filter(f);
            return null;
        }

        @Override
        public Void secureFilter(Command.SecureFilter sf) {
            if (!sf.ipv6()) secureFilterList(sf);
            String where = (sf.ipv6() ? "ipv6 " : "ip ") + sf.iface().text() + " secure filter " + sf.direction().text();
            for (Word w : sf.filters()) {
                references.add(new Reference(sf.ipv6() ? RefKind.IPV6_FILTER : RefKind.IP_FILTER, w.text(), r(w), where));
            }
            for (Word w : sf.dynamics()) {
                references.add(new Reference(sf.ipv6() ? RefKind.IPV6_DYNAMIC_FILTER : RefKind.IP_DYNAMIC_FILTER,
                        w.text(), r(w), where));
            }
            return null;
        }

        @Override
        public Void secretSetting(Command.SecretSetting s) {
            for (Command.SecretValue v : s.values()) {
                secrets.add(new Secret(v.kind(), v.plaintext(), r(v.secret()), lineRange()));
            }
            for (Command.SecretValue v : s.values()) {
                if (s.subject() == null || !v.kind().namesIkeGateway()) continue;
                ikeGateway(s.subject(), v.kind() == Command.SecretKind.IKE_PRE_SHARED_KEY
                        ? "the gateway id of `ipsec ike pre-shared-key`" : "the gateway id of `ipsec ike … myname`");
            }
            return null;
        }
    }

    /**
     * A {@code no …} line: it removes a setting. Only the removals the rules depend on are modelled; the
     * rest are no-ops (the line still leaves the select context as it was).
     */
    private final class Negated implements Command.Visitor<Void> {
        @Override
        public Void ppSelect(Command.PpSelect s) {
            return null; // the block ends (SelectContext#after)
        }

        @Override
        public Void tunnelSelect(Command.TunnelSelect s) {
            return null;
        }

        @Override
        public Void natBackwardCompatibility(Command.NatBackwardCompatibility b) {
            backwardCompatibility = null;
            return null;
        }

        @Override
        public Void proxyArp(Command.ProxyArp a) {
            InterfaceDraft i = iface(a.iface().text());
            i.proxyArp = false;
            i.proxyArpRange = lineRange();
            return null;
        }

        @Override
        public Void ppRemotePool(Command.PpRemotePool pool) {
            PpDraft pp = currentPp();
            if (pp != null) pp.pool.clear();
            return null;
        }

        @Override
        public Void generic(Command.Generic c) {
            return null;
        }

        @Override
        public Void interfaceAddress(Command.InterfaceAddress c) {
            return null;
        }

        @Override
        public Void natType(Command.NatType c) {
            return null;
        }

        @Override
        public Void natAddress(Command.NatAddress c) {
            return null;
        }

        @Override
        public Void natStatic(Command.NatStatic c) {
            return null;
        }

        @Override
        public Void natMasqueradeStatic(Command.NatMasqueradeStatic c) {
            return null;
        }

        @Override
        public Void natPortRange(Command.NatPortRange c) {
            return null;
        }

        @Override
        public Void natMasqueradeIncoming(Command.NatMasqueradeIncoming c) {
            NatDraft d = nat(c.id());
            if (d != null) {
                d.incoming = null;
                d.incomingAddress = null;
            }
            return null;
        }

        @Override
        public Void natApply(Command.NatApply c) {
            return null;
        }

        @Override
        public Void natOtherSetting(Command.NatOtherSetting c) {
            return null;
        }

        @Override
        public Void ppBind(Command.PpBind c) {
            return null;
        }

        @Override
        public Void tunnelEncapsulation(Command.TunnelEncapsulation c) {
            return null;
        }

        @Override
        public Void tunnelEndpoint(Command.TunnelEndpoint c) {
            return null;
        }

        @Override
        public Void tunnelTemplate(Command.TunnelTemplate c) {
            return null;
        }

        @Override
        public Void ipsecTunnel(Command.IpsecTunnel c) {
            return null;
        }

        @Override
        public Void ipsecSaPolicy(Command.IpsecSaPolicy c) {
            return null;
        }

        @Override
        public Void ipsecIke(Command.IpsecIke c) {
            return null;
        }

        @Override
        public Void ipsecTransport(Command.IpsecTransport c) {
            return null;
        }

        @Override
        public Void ipsecTransportTemplate(Command.IpsecTransportTemplate c) {
            return null;
        }

        @Override
        public Void ipRoute(Command.IpRoute c) {
            return null;
        }

        @Override
        public Void dhcpScope(Command.DhcpScope c) {
            return null;
        }

        @Override
        public Void dhcpScopeRef(Command.DhcpScopeRef c) {
            return null;
        }

        @Override
        public Void dhcpRelay(Command.DhcpRelay c) {
            return null;
        }

        @Override
        public Void filterDefinition(Command.FilterDefinition c) {
            return null;
        }

        @Override
        public Void secureFilter(Command.SecureFilter c) {
            String key = ifaceKey(c.iface().text());
            boolean in = c.direction().text().equalsIgnoreCase("in");
            secureFilters.removeIf(l -> l.iface().equals(key) && l.in() == in);
            return null;
        }

        @Override
        public Void secretSetting(Command.SecretSetting c) {
            return null;
        }

        @Override
        public Void embeddedFile(Command.EmbeddedFile c) {
            return null;
        }
    }

    // ---- filters ----

    /** {@code ip filter …} and {@code ip filter dynamic …} (IPv4): their match conditions for the filter checks. */
    private void filter(Command.FilterDefinition f) {
        Integer id = number(f.id());
        if (id == null) return;
        if (f.dynamic()) {
            if (f.fieldCount() < 2) return;
            List<Integer> triggers = new ArrayList<>();
            for (Word t : f.triggers()) {
                Integer n = number(t);
                if (n != null) triggers.add(n);
            }
            dynamicFilters.put(id, new DynamicFilter(id, f.fields(line), triggers, lineRange()));
            return;
        }
        if (IpFilter.Action.of(f.action(line).text()) == null || f.fieldCount() == 0) return;   // the catalog check reports the malformed line
        filters.put(id, new StaticFilters.Line(line, lineRange()));
    }

    private void secureFilterList(Command.SecureFilter sf) {
        String key = ifaceKey(sf.iface().text());
        boolean in = sf.direction().text().equalsIgnoreCase("in");
        List<SecureFilterList.FilterRef> listed = new ArrayList<>(), dynamics = new ArrayList<>();
        for (Word w : sf.filters()) {
            Integer n = number(w);
            if (n != null) listed.add(new SecureFilterList.FilterRef(n, r(w)));
        }
        for (Word w : sf.dynamics()) {
            Integer n = number(w);
            if (n != null) dynamics.add(new SecureFilterList.FilterRef(n, r(w)));
        }
        secureFilters.removeIf(l -> l.iface().equals(key) && l.in() == in);
        secureFilters.add(new SecureFilterList(key, in, listed, dynamics, lineRange()));
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

    // ---- drafts: mutable while the lines come in, frozen by finish() ----

    private static final class InterfaceDraft {
        final String name;
        final List<InterfaceAddress> addresses = new ArrayList<>();
        Boolean proxyArp;
        SourceRange proxyArpRange;
        SourceRange dhcpAddress;

        InterfaceDraft(String name) {
            this.name = name;
        }

        NetInterface freeze() {
            return new NetInterface(name, addresses, proxyArp, proxyArpRange, dhcpAddress);
        }
    }

    private static final class NatDraft {
        final int id;
        final SourceRange firstRange;
        String type;
        SourceRange typeRange;
        final List<NatAddressItem> outer = new ArrayList<>();
        SourceRange outerLine;
        final List<NatAddressItem> inner = new ArrayList<>();
        SourceRange innerLine;
        final List<NatStatic> statics = new ArrayList<>();
        final List<NatMasqueradeStatic> masqueradeStatics = new ArrayList<>();
        final List<PortBlock> portBlocks = new ArrayList<>();
        SourceRange portRangeLine;
        Setting incoming;
        Long incomingAddress;
        final List<SourceRange> otherSettings = new ArrayList<>();

        NatDraft(int id, SourceRange firstRange) {
            this.id = id;
            this.firstRange = firstRange;
        }

        NatDescriptor freeze() {
            return new NatDescriptor(id, type, typeRange, firstRange, outer, outerLine, inner, innerLine, statics,
                    masqueradeStatics, portBlocks, portRangeLine, otherSettings, incoming, incomingAddress);
        }
    }

    private static final class PpDraft {
        final String id;
        final SourceRange selectRange;
        final List<TunnelRef> binds = new ArrayList<>();
        final List<PoolItem> pool = new ArrayList<>();

        PpDraft(String id, SourceRange selectRange) {
            this.id = id;
            this.selectRange = selectRange;
        }

        PpBlock freeze() {
            return new PpBlock(id, selectRange, binds, pool);
        }
    }

    private static final class TunnelDraft {
        final int id;
        final SourceRange selectRange;
        final SourceRange fromTemplate;
        Setting encapsulation;
        Setting endpointLocal;
        Setting endpointRemote;
        Integer ipsecPolicy;
        SourceRange ipsecPolicyRange;
        final List<TunnelRef> templateTargets = new ArrayList<>();
        final List<IpsecId> ipsecIds = new ArrayList<>();

        TunnelDraft(int id, SourceRange selectRange, SourceRange fromTemplate) {
            this.id = id;
            this.selectRange = selectRange;
            this.fromTemplate = fromTemplate;
        }

        TunnelBlock freeze() {
            return new TunnelBlock(id, selectRange, fromTemplate, encapsulation, endpointLocal, endpointRemote,
                    ipsecPolicy, ipsecPolicyRange, templateTargets, ipsecIds);
        }
    }

    // ---- templates ----

    /** Expands {@code tunnel template} and {@code ipsec transport template}, then returns the immutable model. */
    public YamahaConfig finish() {
        for (TunnelDraft src : new ArrayList<>(tunnels.values())) {
            if (src.fromTemplate != null) continue;
            for (TunnelRef target : src.templateTargets) {
                int n = target.tunnel();
                if (n == src.id || tunnels.containsKey(n)) continue;
                TunnelDraft copy = new TunnelDraft(n, target.range(), target.range());
                copy.encapsulation = src.encapsulation;
                if (src.ipsecPolicy != null) {
                    copy.ipsecPolicy = src.ipsecPolicy == src.id ? n : src.ipsecPolicy;
                    copy.ipsecPolicyRange = target.range();
                }
                tunnels.put(n, copy);
                definitions.add(new Definition(RefKind.TUNNEL, Integer.toString(n), target.range(), true));
                for (IpsecId id : src.ipsecIds) {
                    if (id.what().contains("ipsec sa policy") && id.what().contains("policy id") && id.value() == src.id) {
                        definitions.add(new Definition(RefKind.IPSEC_POLICY, Integer.toString(n), target.range(), true));
                    }
                }
            }
        }
        Map<Integer, IpsecTransport> transportById = new HashMap<>();
        for (IpsecTransport t : transports) transportById.put(t.id(), t); // the last definition wins
        for (TransportTemplate tt : transportTemplates) {
            IpsecTransport src = transportById.get(tt.source());
            if (src == null) continue;
            for (TunnelRef target : tt.targets()) {
                int n = target.tunnel();
                if (n == src.id()) continue;
                int policy = src.policy() == src.id() ? n : src.policy();
                definitions.add(new Definition(RefKind.IPSEC_TRANSPORT, Integer.toString(n), target.range(), true));
                references.add(new Reference(RefKind.IPSEC_POLICY, Integer.toString(policy), target.range(),
                        "ipsec transport template " + tt.source()));
            }
        }
        return new YamahaConfig(model, revision, headerRange, freeze(interfaces, InterfaceDraft::freeze),
                ipv6Addresses, freeze(natDescriptors, NatDraft::freeze), natUses, backwardCompatibility,
                freeze(pps, PpDraft::freeze), freeze(tunnels, TunnelDraft::freeze), transports, transportTemplates,
                routes, new StaticFilters(filters), dynamicFilters, secureFilters, dhcpScopes, secrets, definitions, references, syntaxProblems,
                catalogFindings, looseFilterUses, tunnelSelects, ppSelects, placeholders, pastedNotes, commentedCommands);
    }

    private static <K, D, V> Map<K, V> freeze(Map<K, D> drafts, java.util.function.Function<D, V> freeze) {
        Map<K, V> out = new LinkedHashMap<>();
        drafts.forEach((k, d) -> out.put(k, freeze.apply(d)));
        return out;
    }
}
