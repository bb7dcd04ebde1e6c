package dev.routerls.openwrt.router;

import dev.routerls.core.Unanalysed;
import dev.routerls.mape.Ipv6Address;
import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeException;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.openwrt.nft.NftCommands;
import dev.routerls.openwrt.nft.NftNat;
import dev.routerls.openwrt.nft.NftRule;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.shell.EvaluatedCommand;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OpenWrt router: the files under one {@code etc/} folder read together, so rules can compare
 * the network config with the firewall zones and with what firewall.user really does.
 *
 * <p>Built by {@link RouterReader}. Holds the parsed UCI packages, the firewall.user and rc.local
 * scripts, the nftables.d snippets, the release (fw3/fw4), the interfaces, MAP-E interfaces, zones and
 * includes, the iptables commands firewall.user would run, and the SNAT targets of both.
 */
public final class Router implements UciConfigs {
    private final String rootUri;
    private final List<UciFile> uciFiles;
    private final Map<String, UciFile> packages = new LinkedHashMap<>();
    private final ShellScript firewallUser;
    private final ShellScript rcLocal;
    private final List<NftSnippet> nftables;
    private final List<SnatTarget> snatTargets = new ArrayList<>();
    private final OpenWrtRelease release;
    private final EvaluationResult firewallUserRun;
    private final MapeRuleTable ruleTable;
    private final List<NetworkInterface> interfaces = new ArrayList<>();
    private final List<MapInterface> mapInterfaces = new ArrayList<>();
    private final List<FirewallZone> zones = new ArrayList<>();
    private final List<FirewallInclude> includes = new ArrayList<>();
    private final List<IptablesRule> iptables = new ArrayList<>();
    private final List<NftRule> scriptNftRules = new ArrayList<>();
    private final List<DelegatedPrefix> delegatedPrefixes = new ArrayList<>();
    /** Values derived from this (immutable) router that several rules ask for, computed once. */
    private final Map<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    Router(String rootUri, List<UciFile> uciFiles, ShellScript firewallUser, ShellScript rcLocal,
           List<NftSnippet> nftables, OpenWrtRelease release, EvaluationResult firewallUserRun, MapeRuleTable ruleTable) {
        this.rootUri = rootUri;
        this.uciFiles = List.copyOf(uciFiles);
        // the first file of a package is the one the router reads (a stray copy is still linted)
        for (UciFile u : uciFiles) this.packages.putIfAbsent(u.packageName(), u);
        this.firewallUser = firewallUser;
        this.rcLocal = rcLocal;
        this.nftables = List.copyOf(nftables);
        this.release = release;
        this.firewallUserRun = firewallUserRun;
        this.ruleTable = ruleTable;
        UciFile network = packages.get("network");
        if (network != null) {
            for (UciSection s : network.sectionsOfType("interface")) {
                NetworkInterface i = new NetworkInterface(network.uri(), s);
                interfaces.add(i);
                if (i.isMap()) mapInterfaces.add(new MapInterface(i));
            }
        }
        UciFile firewall = packages.get("firewall");
        if (firewall != null) {
            for (UciSection s : firewall.sectionsOfType("zone")) zones.add(new FirewallZone(firewall.uri(), s));
            for (UciSection s : firewall.sectionsOfType("include")) includes.add(new FirewallInclude(firewall.uri(), s));
        }
        if (firewallUserRun != null) {
            for (EvaluatedCommand c : firewallUserRun.commands()) {
                if (c.isIptables()) iptables.add(new IptablesRule(c, IptablesCommand.parse(c)));
            }
        }
        for (IptablesRule r : iptables) SnatTarget.of(r, firewallUser.uri()).ifPresent(snatTargets::add);
        if (firewallUserRun != null) {
            scriptNftRules.addAll(NftCommands.read(firewallUser.uri(), firewallUser.text(), firewallUserRun.commands()));
        }
        for (NftSnippet n : this.nftables) {
            for (NftNat s : NftNat.in(n)) snatTargets.addAll(SnatTarget.of(s, n.uri()));
        }
        collectDelegatedPrefixes();
    }

    /** Prefixes the config says were delegated: ip6prefix with a length first, then the /64 of ip6addr. */
    private void collectDelegatedPrefixes() {
        for (String option : List.of("ip6prefix", "ip6addr")) {
            for (NetworkInterface i : interfaces) {
                if (i.isMap()) continue;   // a map interface's ip6prefix is the rule prefix
                for (UciValue v : i.section().values(option)) {
                    String t = v.text().trim();
                    try {
                        if (option.equals("ip6prefix")) {
                            if (!t.contains("/")) continue;
                            delegatedPrefixes.add(new DelegatedPrefix(Ipv6Prefix.parse(t), i.name(), option, i.uri(),
                                    v.range(), true));
                        } else {
                            Ipv6Address a = Ipv6Address.parse(t.contains("/") ? t.substring(0, t.indexOf('/')) : t);
                            delegatedPrefixes.add(new DelegatedPrefix(new Ipv6Prefix(a, 64), i.name(), option, i.uri(),
                                    v.range(), false));
                        }
                    } catch (IllegalArgumentException e) {
                        // not an IPv6 prefix; openwrt/invalid-value reports it
                    }
                }
            }
        }
    }

    /**
     * This router with firewall.user replaced by {@code text} (parsed and evaluated as {@link RouterReader}
     * does), to see what an edit of the script would do before offering it.
     */
    public Router withFirewallUser(String text) {
        if (firewallUser == null) throw new IllegalStateException("the router has no firewall.user");
        RouterFileCache.Script script = RouterFileCache.evaluate(firewallUser.uri(), text);
        return new Router(rootUri, uciFiles, script.script(), rcLocal, nftables, release, script.run(), ruleTable);
    }

    /**
     * A value derived from this router, computed on first use and kept with it (e.g. the fix several MAP-E
     * rules offer for one interface, which evaluates an edited script). {@code key} names what is computed.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, java.util.function.Supplier<T> compute) {
        Object v = derived.get(key);
        if (v == null) {
            v = compute.get();
            derived.putIfAbsent(key, v);
        }
        return (T) v;
    }

    /** True when firewall.user was evaluated to its end (not stopped at the step limit); false without one. */
    public boolean firewallUserEvaluated() {
        return firewallUserRun != null && firewallUserRun.complete();
    }

    public String rootUri() {
        return rootUri;
    }

    /** The parsed UCI file of a package (network, firewall, dhcp …). */
    public Optional<UciFile> uci(String packageName) {
        return Optional.ofNullable(packages.get(packageName));
    }

    public Map<String, UciFile> packages() {
        return Collections.unmodifiableMap(packages);
    }

    @Override
    public List<UciFile> uciFiles() {
        return uciFiles;
    }

    public Optional<ShellScript> firewallUser() {
        return Optional.ofNullable(firewallUser);
    }

    public Optional<ShellScript> rcLocal() {
        return Optional.ofNullable(rcLocal);
    }

    public OpenWrtRelease release() {
        return release;
    }

    /**
     * The parts of the router's scripts that were not analysed (the analysis budget ran out, or an nftables.d
     * snippet nests too deep): firewall.user as read and as evaluated, rc.local, then the snippets.
     */
    public List<Unanalysed> unanalysed() {
        List<Unanalysed> out = new ArrayList<>();
        if (firewallUser != null) out.addAll(firewallUser.unanalysed());
        if (firewallUserRun != null) out.addAll(firewallUserRun.unanalysed());
        if (rcLocal != null) out.addAll(rcLocal.unanalysed());
        for (NftSnippet n : nftables) out.addAll(n.unanalysed());
        return out;
    }

    /** What evaluating firewall.user gave (empty when the router has none). */
    public Optional<EvaluationResult> firewallUserRun() {
        return Optional.ofNullable(firewallUserRun);
    }

    public List<NetworkInterface> interfaces() {
        return List.copyOf(interfaces);
    }

    public Optional<NetworkInterface> networkInterface(String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The interface whose netifd device is {@code device} ({@code map-wan_map} is wan_map's when it is proto map). */
    public Optional<NetworkInterface> interfaceOfDevice(String device) {
        if (device == null) return Optional.empty();
        return interfaces.stream().filter(i -> i.ownDevice().map(device::equals).orElse(false)).findFirst();
    }

    public List<MapInterface> mapInterfaces() {
        return List.copyOf(mapInterfaces);
    }

    public List<FirewallZone> zones() {
        return List.copyOf(zones);
    }

    /** The first zone that lists interface {@code name} among its networks. */
    public Optional<FirewallZone> zoneOf(String name) {
        return zones.stream().filter(z -> z.covers(name)).findFirst();
    }

    /** The layer-3 devices of the zone's networks (those the router can name), in the zone's order. */
    public List<String> devicesOf(FirewallZone zone) {
        List<String> out = new ArrayList<>();
        for (String network : zone.networks()) networkInterface(network).flatMap(this::deviceOf).ifPresent(out::add);
        return out;
    }

    /**
     * The layer-3 device of an interface: the one its protocol creates ({@code map-NAME}, {@code pppoe-NAME} …),
     * else its {@code device} option, following {@code @other} aliases to the other interface's device.
     */
    public Optional<String> deviceOf(NetworkInterface iface) {
        for (int depth = 0; iface != null && depth < 8; depth++) {
            Optional<String> own = iface.ownDevice();
            if (own.isPresent()) return own;
            Optional<String> dev = iface.deviceOption().map(v -> v.text().trim()).filter(t -> !t.isEmpty());
            if (dev.isEmpty()) return Optional.empty();
            if (!dev.get().startsWith("@")) return dev;
            iface = networkInterface(dev.get().substring(1)).orElse(null);
        }
        return Optional.empty();
    }

    /** The sections of one type in the firewall package ({@code forwarding}, {@code rule}, {@code defaults} …). */
    public List<UciSection> firewallSections(String type) {
        UciFile firewall = packages.get("firewall");
        return firewall == null ? List.of() : firewall.sectionsOfType(type);
    }

    /** The {@code config route} sections of the network package. */
    public List<UciSection> routes() {
        UciFile network = packages.get("network");
        return network == null ? List.of() : network.sectionsOfType("route");
    }

    public List<FirewallInclude> includes() {
        return List.copyOf(includes);
    }

    /** The iptables/ip6tables commands firewall.user runs, in order (one per loop iteration). */
    public List<IptablesRule> iptables() {
        return List.copyOf(iptables);
    }

    /** The rule statements of the {@code nft} commands firewall.user runs, placed in the script. */
    public List<NftRule> scriptNftRules() {
        return List.copyOf(scriptNftRules);
    }

    /** The nftables snippets of /etc/nftables.d/ that fw4 includes. */
    public List<NftSnippet> nftables() {
        return nftables;
    }

    /** Every source-NAT target of the router: firewall.user's iptables SNAT rules, then nftables.d's snat statements. */
    public List<SnatTarget> snatTargets() {
        return List.copyOf(snatTargets);
    }

    public List<DelegatedPrefix> delegatedPrefixes() {
        return List.copyOf(delegatedPrefixes);
    }

    public MapeRuleTable ruleTable() {
        return ruleTable;
    }

    /**
     * The delegated prefix that belongs to {@code map}: the first one inside its rule prefix (from its
     * options, or from the table rule that covers it). Prefixes with a written length come first.
     */
    public Optional<DelegatedPrefix> delegatedPrefix(MapInterface map) {
        Optional<Ipv6Prefix> own = map.ip6prefix();
        for (DelegatedPrefix d : delegatedPrefixes) {
            if (own.isPresent() && own.get().contains(d.prefix())) return Optional.of(d);
            if (own.isEmpty() && ruleTable.lookup(d.prefix()).isPresent()) return Optional.of(d);
        }
        if (own.isPresent()) {
            // the options may name the rule prefix wrongly; fall back to a prefix the table knows
            for (DelegatedPrefix d : delegatedPrefixes) {
                Optional<MapRule> r = ruleTable.lookup(d.prefix());
                if (r.isPresent() && r.get().ip6prefix().contains(own.get().address())) return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The ISP's rule for {@code map}: the table rule covering its delegated prefix, else its ip6prefix. */
    public Optional<MapRule> knownRule(MapInterface map) {
        Optional<DelegatedPrefix> d = delegatedPrefix(map);
        if (d.isPresent()) {
            Optional<MapRule> r = ruleTable.lookup(d.get().prefix());
            if (r.isPresent()) return r;
        }
        return map.ip6prefix().flatMap(ruleTable::lookup);
    }

    /**
     * The rule whose offset and PSID length the port set follows: the one behind {@link #expectation},
     * else the table rule, else the interface's own options when they are consistent.
     */
    public Optional<MapRule> portRule(MapInterface map) {
        Optional<MapeExpectation> e = expectation(map);
        if (e.isPresent()) return Optional.of(e.get().rule());
        Optional<MapRule> known = knownRule(map);
        if (known.isPresent()) return known;
        return map.rule().filter(r -> r.inconsistency().isEmpty());
    }

    /**
     * The IPv4 SNAT targets (firewall.user and nftables.d) that serve {@code map}: those leaving through
     * its device, and, when the router has just one map interface, all of them (a wrong device is reported apart).
     */
    public List<SnatTarget> snatTargetsFor(MapInterface map) {
        List<SnatTarget> out = new ArrayList<>();
        for (SnatTarget t : snatTargets) {
            if (!t.ipv4Nat()) continue;
            String dev = t.out().filter(o -> !o.negated()).map(SnatTarget.OutDevice::name).orElse(null);
            if (mapInterfaces.size() == 1 || map.iface().mapDevice().equals(dev)) out.add(t);
        }
        return out;
    }

    /**
     * IPv4, PSID and ports for {@code map}, from its delegated prefix and the ISP's rule (or, when the
     * table has none, its own options if they are consistent). Empty when either is missing.
     */
    public Optional<MapeExpectation> expectation(MapInterface map) {
        Optional<DelegatedPrefix> d = delegatedPrefix(map);
        if (d.isEmpty()) return Optional.empty();
        Optional<MapRule> table = ruleTable.lookup(d.get().prefix());
        MapRule rule = table.orElseGet(() -> map.rule().filter(r -> r.inconsistency().isEmpty()).orElse(null));
        if (rule == null) return Optional.empty();
        try {
            return Optional.of(new MapeExpectation(map, rule, table.isPresent(), d.get(),
                    MapeCalculator.calculate(rule, d.get().prefix())));
        } catch (MapeException e) {
            return Optional.empty();
        }
    }
}
