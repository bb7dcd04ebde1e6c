package dev.routerls.openwrt.router;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.shell.IptablesCommand;
import dev.routerls.openwrt.uci.UciValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iptables {@code nat} table once the router has booted: under fw3, the firewall's own jump to each
 * masquerading zone's devices in POSTROUTING; then firewall.user's iptables commands applied in order
 * (flush, append, insert, delete, new chain) when something runs the script ({@link FirewallUserStart}).
 * A flush of POSTROUTING also removes fw3's masquerade jumps (domain notes §4, seed 000's listing).
 */
public final class NatChains {

    /** One rule of a chain: a command of firewall.user, or fw3's masquerade of a zone. */
    public sealed interface Entry permits UserRule, ZoneMasquerade { }

    public record UserRule(IptablesRule rule) implements Entry { }

    /** fw3's {@code -o DEVICE -j zone_NAME_postrouting} → MASQUERADE for a zone with {@code masq '1'}. */
    public record ZoneMasquerade(FirewallZone zone, String device, String uri, SourceRange range) implements Entry { }

    /** A flush of a chain (null: every chain of the table) by a command of firewall.user. */
    public record Flush(String chain, IptablesRule by) { }

    private final Map<String, List<Entry>> chains = new LinkedHashMap<>();
    private final List<Flush> flushes = new ArrayList<>();
    private final List<FirewallUserStart> starts;

    private NatChains(List<FirewallUserStart> starts) {
        this.starts = List.copyOf(starts);
        for (String c : List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING")) chains.put(c, new ArrayList<>());
    }

    public static NatChains of(Router router) {
        NatChains t = new NatChains(FirewallUserStart.of(router));
        if (router.release().generation() != FirewallGeneration.FW4) t.fw3Masquerade(router);
        if (!t.starts.isEmpty()) {
            for (IptablesRule r : router.iptables()) {
                if (r.command().family() == IptablesCommand.Family.IPV4 && "nat".equals(r.command().table())) t.apply(r);
            }
        }
        return t;
    }

    private void fw3Masquerade(Router router) {
        for (FirewallZone z : router.zones()) {
            Optional<UciValue> masq = z.masquerade();
            if (masq.isEmpty()) continue;
            for (String d : router.devicesOf(z)) chains.get("POSTROUTING").add(new ZoneMasquerade(z, d, z.uri(), masq.get().range()));
        }
    }

    private void apply(IptablesRule r) {
        IptablesCommand c = r.command();
        String chain = c.chain();
        switch (c.operation()) {
            case FLUSH -> {
                if (chain == null) chains.values().forEach(List::clear);
                else if (chains.containsKey(chain)) chains.get(chain).clear();
                flushes.add(new Flush(chain, r));
            }
            case APPEND -> {
                if (chain != null) chains.computeIfAbsent(chain, k -> new ArrayList<>()).add(new UserRule(r));
            }
            case INSERT -> {
                if (chain == null) return;
                List<Entry> list = chains.computeIfAbsent(chain, k -> new ArrayList<>());
                Integer n = c.ruleNumber();
                list.add(Math.max(0, Math.min(list.size(), n == null ? 0 : n - 1)), new UserRule(r));
            }
            case DELETE -> {
                if (chain == null || !chains.containsKey(chain)) return;
                List<Entry> list = chains.get(chain);
                Integer n = c.ruleNumber();
                if (n != null) {
                    if (n >= 1 && n <= list.size()) list.remove(n - 1);
                } else {
                    list.removeIf(e -> e instanceof UserRule u && sameRule(u.rule().command(), c));
                }
            }
            case NEW_CHAIN -> {
                if (chain != null) chains.putIfAbsent(chain, new ArrayList<>());
            }
            case DELETE_CHAIN -> {
                if (chain != null) chains.remove(chain);
            }
            default -> { }
        }
    }

    /** Whether a {@code -D} spec names the same rule as an added one: the same options after the chain. */
    private static boolean sameRule(IptablesCommand added, IptablesCommand delete) {
        return spec(added).equals(spec(delete));
    }

    private static List<String> spec(IptablesCommand c) {
        List<String> out = new ArrayList<>();
        for (IptablesCommand.Option o : c.options()) {
            if (o.name().equals(c.operation().flag) || o.name().equals("-t")) continue;
            out.add((o.negated() ? "!" : "") + o.name() + o.values().stream().map(v -> " " + v.display()).reduce("", String::concat));
        }
        return out;
    }

    /** The rules of a chain in order (empty for a chain that does not exist). */
    public List<Entry> chain(String name) {
        return List.copyOf(chains.getOrDefault(name, List.of()));
    }

    /** The chains of the table (the built-in ones first). */
    public java.util.Set<String> chainNames() {
        return java.util.Collections.unmodifiableSet(chains.keySet());
    }

    public boolean hasChain(String name) {
        return chains.containsKey(name);
    }

    /** The last command of firewall.user that flushed {@code chain} (or the whole table), if any. */
    public Optional<Flush> flushOf(String chain) {
        Flush last = null;
        for (Flush f : flushes) if (f.chain() == null || f.chain().equals(chain)) last = f;
        return Optional.ofNullable(last);
    }

    /** How firewall.user is run (empty: its rules are not in the table). */
    public List<FirewallUserStart> starts() {
        return starts;
    }
}
