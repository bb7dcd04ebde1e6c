package dev.routerls.mape;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The known Basic Mapping Rules of the Japanese MAP-E services, with longest-prefix lookup of the
 * rule that covers a delegated prefix and lookup of the rule that hands out a given IPv4 address.
 * {@link #bundled()} reads the project resource {@code mape-rules.json} once (packed at build time).
 */
public final class MapeRuleTable {
    static final String RESOURCE = "mape-rules.json";

    private final List<MapRule> rules;
    /** Rules by IPv6 prefix length, longest first, each keyed by its prefix address. */
    private final TreeMap<Integer, Map<Ipv6Address, MapRule>> byLength = new TreeMap<>(Comparator.reverseOrder());

    public MapeRuleTable(List<MapRule> rules) {
        this.rules = List.copyOf(rules);
        for (MapRule r : this.rules) {
            MapRule clash = byLength.computeIfAbsent(r.ip6prefix().length(), k -> new HashMap<>())
                    .putIfAbsent(r.ip6prefix().address(), r);
            if (clash != null) {
                throw new IllegalArgumentException("two rules for " + r.ip6prefix());
            }
        }
    }

    private static final class Holder {
        static final MapeRuleTable BUNDLED = load();

        /** The packed table the build makes ({@link MapeRulePack}), or the JSON where no build step ran (an IDE). */
        private static MapeRuleTable load() {
            try (InputStream packed = MapeRuleTable.class.getResourceAsStream(MapeRulePack.RESOURCE)) {
                if (packed != null) return new MapeRuleTable(MapeRulePack.unpack(packed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return fromJsonResource();
        }
    }

    /** The table from the JSON resource itself (what the packed form is made from). */
    static MapeRuleTable fromJsonResource() {
        try (InputStream in = MapeRuleTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            return fromJson(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule table shipped with routerls. */
    public static MapeRuleTable bundled() {
        return Holder.BUNDLED;
    }

    /** Reads {@code {"rules":[{isp, ip6prefix, ip4prefix, ealen, psidlen, offset, br, legacymap}, …]}}. */
    public static MapeRuleTable fromJson(Reader json) {
        JsonObject root = JsonParser.parseReader(json).getAsJsonObject();
        JsonArray array = root.getAsJsonArray("rules");
        List<MapRule> rules = new ArrayList<>(array.size());
        for (JsonElement e : array) {
            JsonObject o = e.getAsJsonObject();
            rules.add(new MapRule(
                    o.get("isp").getAsString(),
                    Ipv6Prefix.parse(o.get("ip6prefix").getAsString()),
                    Ipv4Prefix.parse(o.get("ip4prefix").getAsString()),
                    o.get("ealen").getAsInt(),
                    o.get("psidlen").getAsInt(),
                    o.get("offset").getAsInt(),
                    o.has("br") && !o.get("br").isJsonNull() ? Ipv6Address.parse(o.get("br").getAsString()) : null,
                    o.has("legacymap") && o.get("legacymap").getAsBoolean()));
        }
        return new MapeRuleTable(rules);
    }

    public List<MapRule> rules() {
        return rules;
    }

    /** The rule with the longest IPv6 prefix that contains {@code delegated}. */
    public Optional<MapRule> lookup(Ipv6Prefix delegated) {
        for (Map.Entry<Integer, Map<Ipv6Address, MapRule>> e : byLength.entrySet()) {
            int len = e.getKey();
            if (len <= delegated.length()) {
                MapRule r = e.getValue().get(delegated.address().masked(len));
                if (r != null) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** The rule with the longest IPv6 prefix that contains {@code address} (e.g. a CE or WAN address). */
    public Optional<MapRule> lookup(Ipv6Address address) {
        return lookup(new Ipv6Prefix(address, 128));
    }

    /** The rule whose IPv4 prefix contains {@code ipv4} (the longest such prefix if several do). */
    public Optional<MapRule> lookupByIpv4(Ipv4Address ipv4) {
        MapRule best = null;
        for (MapRule r : rules) {
            if (r.ip4prefix().contains(ipv4) && (best == null || r.ip4prefix().length() > best.ip4prefix().length())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }
}
