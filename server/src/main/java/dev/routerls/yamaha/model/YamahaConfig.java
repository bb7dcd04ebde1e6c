package dev.routerls.yamaha.model;

import dev.routerls.core.SourceRange;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.filter.DynamicFilter;
import dev.routerls.yamaha.filter.IpFilter;
import dev.routerls.yamaha.filter.SecureFilterList;
import dev.routerls.yamaha.parse.Command.SecretKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The semantic model of one YAMAHA config, built once by {@link ConfigBuilder} and then only read (by
 * rules, completion, hover). Every element keeps the SourceRange it came from. Secret values are never
 * stored: {@link Secret} keeps only where the value is.
 */
public final class YamahaConfig {

    // ---- what the elements are ----

    /** {@code ip IF address A/LEN} (or secondary). {@code address} is the router's own address. */
    public record InterfaceAddress(String iface, long address, Ipv4.Subnet subnet, boolean secondary,
                                   SourceRange range) { }

    /** {@code ipv6 IF address X/LEN} with a literal address (a MAP-E CE may be given this way). */
    public record Ipv6InterfaceAddress(String iface, String text, SourceRange range) { }

    /** A LAN-side interface (lan1, lan1/1, bridge1, vlan1 …) with its addresses and proxy ARP setting. */
    public static final class NetInterface {
        public final String name;
        public final List<InterfaceAddress> addresses = new ArrayList<>();
        public Boolean proxyArp;
        public SourceRange proxyArpRange;
        /** {@code ip IF address dhcp}: the address comes from a DHCP server (not in the config). */
        public SourceRange dhcpAddress;

        public NetInterface(String name) {
            this.name = name;
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

    public static final class NatDescriptor {
        public final int id;
        public String type;
        public SourceRange typeRange;
        public SourceRange firstRange;
        public final List<NatAddressItem> outer = new ArrayList<>();
        public SourceRange outerLine;
        public final List<NatAddressItem> inner = new ArrayList<>();
        public SourceRange innerLine;
        public final List<NatStatic> statics = new ArrayList<>();
        public final List<NatMasqueradeStatic> masqueradeStatics = new ArrayList<>();
        public final List<PortBlock> portBlocks = new ArrayList<>();
        public SourceRange portRangeLine;
        /** {@code masquerade incoming}: through, reject (the default), discard or forward (to {@link #incomingAddress}). */
        public Setting incoming;
        public Long incomingAddress;

        public NatDescriptor(int id) {
            this.id = id;
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

    public static final class PpBlock {
        public final String id;
        public final SourceRange selectRange;
        public final List<TunnelRef> binds = new ArrayList<>();
        public final List<PoolItem> pool = new ArrayList<>();

        public PpBlock(String id, SourceRange selectRange) {
            this.id = id;
            this.selectRange = selectRange;
        }
    }

    /** An IPsec id used inside a tunnel block (policy id, gateway id, transport id …) and where. */
    public record IpsecId(String what, int value, SourceRange range) { }

    public static final class TunnelBlock {
        public final int id;
        public final SourceRange selectRange;
        /** The template target word that produced this tunnel, or null for a tunnel written out. */
        public final SourceRange fromTemplate;
        public Setting encapsulation;
        public Setting endpointLocal;
        public Setting endpointRemote;
        public Integer ipsecPolicy;
        public SourceRange ipsecPolicyRange;
        public final List<TunnelRef> templateTargets = new ArrayList<>();
        public final List<IpsecId> ipsecIds = new ArrayList<>();

        public TunnelBlock(int id, SourceRange selectRange, SourceRange fromTemplate) {
            this.id = id;
            this.selectRange = selectRange;
            this.fromTemplate = fromTemplate;
        }
    }

    public record IpsecTransport(int id, int policy, SourceRange range, SourceRange policyRange) { }

    public record TransportTemplate(int source, SourceRange sourceRange, List<TunnelRef> targets, SourceRange range) { }

    /**
     * One gateway of a route. {@code kind} is address, pp, tunnel, dhcp (target: the interface whose lease
     * gives the gateway) or other (null, loopback …); {@code address} is set for address; {@code filters}
     * make it a filter route (used for the packets the filters pass).
     */
    public record RouteGateway(String kind, String target, long address, SourceRange range, List<Integer> filters) { }

    /** {@code ip route DEST gateway …}; {@code network} is null when the destination is not a valid address. */
    public record Route(String destination, Ipv4.Subnet network, SourceRange range, List<RouteGateway> gateways) { }

    public record DhcpScope(int id, Ipv4.Range addresses, Ipv4.Subnet subnet, SourceRange range) { }

    public record Secret(SecretKind kind, boolean plaintext, SourceRange valueRange, SourceRange lineRange) { }

    /** Kinds of things configs define and refer to by number or name. */
    public enum RefKind {
        NAT_DESCRIPTOR("NAT descriptor"), TUNNEL("tunnel"), PP("PP"), IPSEC_POLICY("IPsec SA policy"),
        IPSEC_TRANSPORT("IPsec transport"), IP_FILTER("IP filter"), IP_DYNAMIC_FILTER("dynamic IP filter"),
        IPV6_FILTER("IPv6 filter"), IPV6_DYNAMIC_FILTER("dynamic IPv6 filter"), DHCP_SCOPE("DHCP scope");

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

    // ---- the model ----

    public String model;
    public String revision;
    public SourceRange headerRange;
    public final Map<String, NetInterface> interfaces = new LinkedHashMap<>();
    public final List<Ipv6InterfaceAddress> ipv6Addresses = new ArrayList<>();
    public final Map<Integer, NatDescriptor> natDescriptors = new LinkedHashMap<>();
    public final List<NatUse> natUses = new ArrayList<>();
    public Setting backwardCompatibility;
    public final Map<String, PpBlock> pps = new LinkedHashMap<>();
    public final Map<Integer, TunnelBlock> tunnels = new LinkedHashMap<>();
    public final List<IpsecTransport> transports = new ArrayList<>();
    public final List<TransportTemplate> transportTemplates = new ArrayList<>();
    public final List<Route> routes = new ArrayList<>();
    /** IPv4 static filters by number (a later definition replaces an earlier one, as on the router). */
    public final Map<Integer, IpFilter> filters = new LinkedHashMap<>();
    public final Map<Integer, DynamicFilter> dynamicFilters = new LinkedHashMap<>();
    /** IPv4 {@code secure filter} lists, one per interface and direction (the last line wins). */
    public final List<SecureFilterList> secureFilters = new ArrayList<>();
    public final Map<Integer, DhcpScope> dhcpScopes = new LinkedHashMap<>();
    public final List<Secret> secrets = new ArrayList<>();
    public final List<Definition> definitions = new ArrayList<>();
    public final List<Reference> references = new ArrayList<>();
    public final List<SyntaxProblem> syntaxProblems = new ArrayList<>();
    public final List<CatalogFinding> catalogFindings = new ArrayList<>();
    /** Filter numbers that lines without an explicit rule mention after {@code filter} (count as uses). */
    public final java.util.Set<String> looseFilterUses = new java.util.HashSet<>();
    /** Tunnel and PP numbers selected, with where (for limit checks). */
    public final List<Setting> tunnelSelects = new ArrayList<>();
    public final List<Setting> ppSelects = new ArrayList<>();

    public Optional<String> model() {
        return Optional.ofNullable(model);
    }

    public Optional<String> revision() {
        return Optional.ofNullable(revision);
    }

    /** Every router-owned IPv4 address with its interface. */
    public List<InterfaceAddress> ownAddresses() {
        List<InterfaceAddress> out = new ArrayList<>();
        for (NetInterface i : interfaces.values()) out.addAll(i.addresses);
        return out;
    }

    /** The IPv4 filter list of interface {@code iface} (model key) in one direction, if it has one. */
    public Optional<SecureFilterList> secureFilter(String iface, boolean in) {
        return secureFilters.stream().filter(l -> l.iface().equals(iface) && l.in() == in).findFirst();
    }

    public boolean isDefined(RefKind kind, String key) {
        DefinedIndex index = definedIndex;
        if (index == null || index.size() != definitions.size()) {
            // built on first use after the definitions are complete; rebuilt if any were added since
            Map<RefKind, Set<String>> keys = new EnumMap<>(RefKind.class);
            for (Definition d : definitions) keys.computeIfAbsent(d.kind(), k -> new HashSet<>()).add(d.key());
            index = new DefinedIndex(definitions.size(), keys);
            definedIndex = index;
        }
        Set<String> keys = index.keys().get(kind);
        return keys != null && keys.contains(key);
    }

    /** Definition keys per kind, so that checking every reference stays linear in the config's size. */
    private record DefinedIndex(int size, Map<RefKind, Set<String>> keys) { }

    private volatile DefinedIndex definedIndex;
}
