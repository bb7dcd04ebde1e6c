package dev.routerls.yamaha.model;

import dev.routerls.core.SourceRange;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.filter.DynamicFilter;
import dev.routerls.yamaha.filter.SecureFilterList;
import dev.routerls.yamaha.parse.Command.SecretKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The semantic model of one YAMAHA config, built once by {@link ConfigBuilder} and immutable after that
 * (safe to share between threads; rules, completion and hover only read it). Every element keeps the
 * SourceRange it came from. Secret values are never stored: {@link Secret} keeps only where the value is.
 */
public final class YamahaConfig {

    // ---- what the elements are ----

    /** {@code ip IF address A/LEN} (or secondary). {@code address} is the router's own address. */
    public record InterfaceAddress(String iface, long address, Ipv4.Subnet subnet, boolean secondary,
                                   SourceRange range) { }

    /** {@code ipv6 IF address X/LEN} with a literal address (a MAP-E CE may be given this way). */
    public record Ipv6InterfaceAddress(String iface, String text, SourceRange range) { }

    /**
     * An interface with addresses or settings (lan1, lan1/1, bridge1, vlan1 …; "pp 1" / "tunnel 2" for a
     * selected PP or tunnel): its addresses and proxy ARP setting ({@code proxyArp} null when not written);
     * {@code dhcpAddress} is where {@code ip IF address dhcp} says the address comes from a DHCP server (null
     * otherwise).
     */
    public record NetInterface(String name, List<InterfaceAddress> addresses, Boolean proxyArp,
                               SourceRange proxyArpRange, SourceRange dhcpAddress) {
        public NetInterface {
            addresses = List.copyOf(addresses);
        }

        public boolean proxyArpOn() {
            return Boolean.TRUE.equals(proxyArp);
        }
    }

    /** One item of an address outer/inner list: an address range, or a keyword (ipcp, auto, map-e …). */
    public record NatAddressItem(String text, Ipv4.Range addresses, SourceRange range) {
        public boolean isKeyword() {
            return addresses == null;
        }
    }

    /** {@code nat descriptor static N ID OUTER=INNER [COUNT]}: COUNT consecutive addresses on each side. */
    public record NatStatic(int entry, Ipv4.Range outer, Ipv4.Range inner, SourceRange range,
                            SourceRange outerRange, SourceRange countRange, boolean maskForm) { }

    /**
     * {@code nat descriptor masquerade static N ID INNER PROTOCOL [OUTER_PORT=]INNER_PORT}: {@code innerPort}
     * null when no port is written (esp …), {@code outerPort} null when it equals the inner port.
     */
    public record NatMasqueradeStatic(int entry, long inner, String protocol, Integer outerPort, Integer innerPort,
                                      SourceRange range) {
        /** The port seen from outside (the inner port when no outer port is written). */
        public Integer publicPort() {
            return outerPort != null ? outerPort : innerPort;
        }
    }

    /** One {@code lo-hi} block of {@code nat descriptor masquerade port range}. */
    public record PortBlock(int first, int last, SourceRange range) {
        public int size() {
            return last - first + 1;
        }
    }

    /**
     * One NAT descriptor with everything set for it. {@code type}, {@code typeRange}, {@code outerLine},
     * {@code innerLine} and {@code portRangeLine} are null when the config does not write that setting;
     * {@code firstRange} is the id of the first line that mentions the descriptor; {@code otherSettings} are
     * the lines of its other settings (timer, ftp port …). {@code incoming} is {@code masquerade incoming}
     * (through, reject — the default —, discard or forward to {@code incomingAddress}), null when not written.
     */
    public record NatDescriptor(int id, String type, SourceRange typeRange, SourceRange firstRange,
                                List<NatAddressItem> outer, SourceRange outerLine,
                                List<NatAddressItem> inner, SourceRange innerLine,
                                List<NatStatic> statics, List<NatMasqueradeStatic> masqueradeStatics,
                                List<PortBlock> portBlocks, SourceRange portRangeLine, List<SourceRange> otherSettings,
                                Setting incoming, Long incomingAddress) {
        public NatDescriptor {
            outer = List.copyOf(outer);
            inner = List.copyOf(inner);
            statics = List.copyOf(statics);
            masqueradeStatics = List.copyOf(masqueradeStatics);
            portBlocks = List.copyOf(portBlocks);
            otherSettings = List.copyOf(otherSettings);
        }

        /** The lines that set something of the descriptor besides its type, in document order. */
        public List<SourceRange> settingLines() {
            List<SourceRange> out = new ArrayList<>(otherSettings);
            if (outerLine != null) out.add(outerLine);
            if (innerLine != null) out.add(innerLine);
            if (portRangeLine != null) out.add(portRangeLine);
            for (NatStatic s : statics) out.add(s.range());
            for (NatMasqueradeStatic s : masqueradeStatics) out.add(s.range());
            out.sort(java.util.Comparator.comparingInt(SourceRange::startLine));
            return out;
        }

        /** The type as configured, or the router's default ({@code none}). */
        public String effectiveType() {
            return type == null ? "none" : type.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A descriptor applied to an interface: {@code iface} is lan1 …, "pp" or "tunnel" (then {@code context}
     * says which PP/tunnel); {@code reverse} when it follows the {@code reverse} keyword.
     */
    public record NatUse(int descriptor, String iface, SelectContext context, boolean reverse, SourceRange range) {
        public boolean onLan() {
            return !iface.equals("pp") && !iface.equals("tunnel");
        }
    }

    public record Setting(String value, SourceRange range) { }

    public record TunnelRef(int tunnel, SourceRange range) { }

    /** A remote address pool entry: an address range, or {@code dhcp} (range null). */
    public record PoolItem(Ipv4.Range addresses, SourceRange range) { }

    /** A {@code pp select} block: the tunnels it binds and its remote address pool. */
    public record PpBlock(String id, SourceRange selectRange, List<TunnelRef> binds, List<PoolItem> pool) {
        public PpBlock {
            binds = List.copyOf(binds);
            pool = List.copyOf(pool);
        }
    }

    /** An IPsec id used inside a tunnel block (policy id, gateway id, transport id …) and where. */
    public record IpsecId(String what, int value, SourceRange range) { }

    /**
     * A {@code tunnel select} block (or one a template made: {@code fromTemplate} is the template target word
     * that produced it, null for a tunnel written out). Settings not written are null.
     */
    public record TunnelBlock(int id, SourceRange selectRange, SourceRange fromTemplate, Setting encapsulation,
                              Setting endpointLocal, Setting endpointRemote, Integer ipsecPolicy,
                              SourceRange ipsecPolicyRange, List<TunnelRef> templateTargets, List<IpsecId> ipsecIds) {
        public TunnelBlock {
            templateTargets = List.copyOf(templateTargets);
            ipsecIds = List.copyOf(ipsecIds);
        }
    }

    public record IpsecTransport(int id, int policy, SourceRange range, SourceRange policyRange) { }

    public record TransportTemplate(int source, SourceRange sourceRange, List<TunnelRef> targets, SourceRange range) {
        public TransportTemplate {
            targets = List.copyOf(targets);
        }
    }

    /**
     * One gateway of a route. {@code kind} is address, pp, tunnel, dhcp (target: the interface whose lease
     * gives the gateway) or other (null, loopback …); {@code address} is set for address; {@code filters}
     * make it a filter route (used for the packets the filters pass).
     */
    public record RouteGateway(String kind, String target, long address, SourceRange range, List<Integer> filters) {
        public RouteGateway {
            filters = List.copyOf(filters);
        }
    }

    /** {@code ip route DEST gateway …}; {@code network} is null when the destination is not a valid address. */
    public record Route(String destination, Ipv4.Subnet network, SourceRange range, List<RouteGateway> gateways) {
        public Route {
            gateways = List.copyOf(gateways);
        }
    }

    public record DhcpScope(int id, Ipv4.Range addresses, Ipv4.Subnet subnet, SourceRange range) { }

    public record Secret(SecretKind kind, boolean plaintext, SourceRange valueRange, SourceRange lineRange) { }

    /** Kinds of things configs define and refer to by number or name. */
    public enum RefKind {
        NAT_DESCRIPTOR("NAT descriptor"), TUNNEL("tunnel"), PP("PP"), IPSEC_POLICY("IPsec SA policy"),
        IPSEC_TRANSPORT("IPsec transport"), IP_FILTER("IP filter"), IP_DYNAMIC_FILTER("dynamic IP filter"),
        IPV6_FILTER("IPv6 filter"), IPV6_DYNAMIC_FILTER("dynamic IPv6 filter"), DHCP_SCOPE("DHCP scope"),
        EMBEDDED_FILE("embedded file");

        private final String label;

        RefKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Definition(RefKind kind, String key, SourceRange range, boolean fromTemplate) { }

    public record Reference(RefKind kind, String key, SourceRange range, String where) { }

    /** A line the grammar could not read, or a value no router accepts. */
    public record SyntaxProblem(SourceRange range, String message) { }

    /**
     * Commands written after {@code #} (a console prompt before each, as in a terminal log): {@code first} is
     * the first such line, {@code count} how many there are.
     */
    public record CommentedCommands(SourceRange first, int count) { }

    // ---- the model ----

    private final String model;
    private final String revision;
    private final SourceRange headerRange;
    private final Map<String, NetInterface> interfaces;
    private final List<Ipv6InterfaceAddress> ipv6Addresses;
    private final Map<Integer, NatDescriptor> natDescriptors;
    private final List<NatUse> natUses;
    private final Setting backwardCompatibility;
    private final Map<String, PpBlock> pps;
    private final Map<Integer, TunnelBlock> tunnels;
    private final List<IpsecTransport> transports;
    private final List<TransportTemplate> transportTemplates;
    private final List<Route> routes;
    private final StaticFilters filters;
    private final Map<Integer, DynamicFilter> dynamicFilters;
    private final List<SecureFilterList> secureFilters;
    private final Map<Integer, DhcpScope> dhcpScopes;
    private final List<Secret> secrets;
    private final List<Definition> definitions;
    private final List<Reference> references;
    private final List<SyntaxProblem> syntaxProblems;
    private final List<CatalogFinding> catalogFindings;
    private final Set<String> looseFilterUses;
    private final List<Setting> tunnelSelects;
    private final List<Setting> ppSelects;
    private final List<SourceRange> placeholders;
    private final List<SourceRange> pastedNotes;
    private final CommentedCommands commentedCommands;
    /** Definition keys per kind, so that checking every reference stays linear in the config's size. */
    private final Map<RefKind, Set<String>> definedKeys = new EnumMap<>(RefKind.class);

    /** Everything the builder collected; the config keeps unmodifiable copies. */
    YamahaConfig(String model, String revision, SourceRange headerRange, Map<String, NetInterface> interfaces,
                 List<Ipv6InterfaceAddress> ipv6Addresses, Map<Integer, NatDescriptor> natDescriptors,
                 List<NatUse> natUses, Setting backwardCompatibility, Map<String, PpBlock> pps,
                 Map<Integer, TunnelBlock> tunnels, List<IpsecTransport> transports,
                 List<TransportTemplate> transportTemplates, List<Route> routes, StaticFilters filters,
                 Map<Integer, DynamicFilter> dynamicFilters, List<SecureFilterList> secureFilters,
                 Map<Integer, DhcpScope> dhcpScopes,
                 List<Secret> secrets, List<Definition> definitions, List<Reference> references,
                 List<SyntaxProblem> syntaxProblems, List<CatalogFinding> catalogFindings,
                 Set<String> looseFilterUses, List<Setting> tunnelSelects, List<Setting> ppSelects,
                 List<SourceRange> placeholders, List<SourceRange> pastedNotes, CommentedCommands commentedCommands) {
        this.model = model;
        this.revision = revision;
        this.headerRange = headerRange;
        this.interfaces = ordered(interfaces);
        this.ipv6Addresses = List.copyOf(ipv6Addresses);
        this.natDescriptors = ordered(natDescriptors);
        this.natUses = List.copyOf(natUses);
        this.backwardCompatibility = backwardCompatibility;
        this.pps = ordered(pps);
        this.tunnels = ordered(tunnels);
        this.transports = List.copyOf(transports);
        this.transportTemplates = List.copyOf(transportTemplates);
        this.routes = List.copyOf(routes);
        this.filters = filters;
        this.dynamicFilters = ordered(dynamicFilters);
        this.secureFilters = List.copyOf(secureFilters);
        this.dhcpScopes = ordered(dhcpScopes);
        this.secrets = List.copyOf(secrets);
        this.definitions = List.copyOf(definitions);
        this.references = List.copyOf(references);
        this.syntaxProblems = List.copyOf(syntaxProblems);
        this.catalogFindings = List.copyOf(catalogFindings);
        this.looseFilterUses = Set.copyOf(looseFilterUses);
        this.tunnelSelects = List.copyOf(tunnelSelects);
        this.ppSelects = List.copyOf(ppSelects);
        this.placeholders = List.copyOf(placeholders);
        this.pastedNotes = List.copyOf(pastedNotes);
        this.commentedCommands = commentedCommands;
        for (Definition d : this.definitions) definedKeys.computeIfAbsent(d.kind(), k -> new HashSet<>()).add(d.key());
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The model named by the header or settings, if any. */
    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    /** The firmware revision of the header (only when it names the model analysed for). */
    public Optional<String> revision() {
        return Optional.ofNullable(revision);
    }

    /** Where the {@code show config} header is, or null without one. */
    public SourceRange headerRange() {
        return headerRange;
    }

    /** Interfaces by key (lan1 …, "pp 1", "tunnel 2"), in the order the config first mentions them. */
    public Map<String, NetInterface> interfaces() {
        return interfaces;
    }

    public List<Ipv6InterfaceAddress> ipv6Addresses() {
        return ipv6Addresses;
    }

    /** NAT descriptors by number, in the order the config first mentions them. */
    public Map<Integer, NatDescriptor> natDescriptors() {
        return natDescriptors;
    }

    /** Every {@code ip IF nat descriptor} entry, one per descriptor number listed. */
    public List<NatUse> natUses() {
        return natUses;
    }

    /** {@code nat descriptor backward-compatibility}, if written. */
    public Optional<Setting> backwardCompatibility() {
        return Optional.ofNullable(backwardCompatibility);
    }

    public Map<String, PpBlock> pps() {
        return pps;
    }

    /** Tunnels by number: those selected, then those templates made. */
    public Map<Integer, TunnelBlock> tunnels() {
        return tunnels;
    }

    public List<IpsecTransport> transports() {
        return transports;
    }

    public List<TransportTemplate> transportTemplates() {
        return transportTemplates;
    }

    public List<Route> routes() {
        return routes;
    }

    /** IPv4 static filters by number (a later definition replaces an earlier one, as on the router). */
    public StaticFilters filters() {
        return filters;
    }

    /** IPv4 dynamic filters by number. */
    public Map<Integer, DynamicFilter> dynamicFilters() {
        return dynamicFilters;
    }

    /** IPv4 {@code secure filter} lists, one per interface and direction (the last line wins). */
    public List<SecureFilterList> secureFilters() {
        return secureFilters;
    }

    /** The IPv4 filter list of interface {@code iface} (model key) in one direction, if it has one. */
    public Optional<SecureFilterList> secureFilter(String iface, boolean in) {
        return secureFilters.stream().filter(l -> l.iface().equals(iface) && l.in() == in).findFirst();
    }

    public Map<Integer, DhcpScope> dhcpScopes() {
        return dhcpScopes;
    }

    /** Where secrets are (never their values). */
    public List<Secret> secrets() {
        return secrets;
    }

    public List<Definition> definitions() {
        return definitions;
    }

    public List<Reference> references() {
        return references;
    }

    /** Lines the grammar could not read, and values no router accepts, in document order. */
    public List<SyntaxProblem> syntaxProblems() {
        return syntaxProblems;
    }

    /** What the command catalog found wrong with each line. */
    public List<CatalogFinding> catalogFindings() {
        return catalogFindings;
    }

    /** Filter numbers that lines without an explicit rule mention after {@code filter} (count as uses). */
    public Set<String> looseFilterUses() {
        return looseFilterUses;
    }

    /** Tunnel numbers selected, with where (for limit checks). */
    public List<Setting> tunnelSelects() {
        return tunnelSelects;
    }

    /** PP numbers selected, with where (for limit checks). */
    public List<Setting> ppSelects() {
        return ppSelects;
    }

    /** The first template placeholder of each line that has one (its value is not checked). */
    public List<SourceRange> placeholders() {
        return placeholders;
    }

    /** Lines of prose pasted with the config (a heading, a note): not commands and not comments either. */
    public List<SourceRange> pastedNotes() {
        return pastedNotes;
    }

    /** Commands written as comments, when most of the file is such lines. */
    public Optional<CommentedCommands> commentedCommands() {
        return Optional.ofNullable(commentedCommands);
    }

    /** Every router-owned IPv4 address with its interface. */
    public List<InterfaceAddress> ownAddresses() {
        List<InterfaceAddress> out = new ArrayList<>();
        for (NetInterface i : interfaces.values()) out.addAll(i.addresses());
        return out;
    }

    public boolean isDefined(RefKind kind, String key) {
        Set<String> keys = definedKeys.get(kind);
        return keys != null && keys.contains(key);
    }
}
