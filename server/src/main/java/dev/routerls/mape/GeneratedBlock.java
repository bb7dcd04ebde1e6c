package dev.routerls.mape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration text routerls wrote for one MAP-E CE, together with the numbers it carries, so that the
 * same block can be printed as text or handed out as data ({@code routerls mape --snat T --format json}).
 *
 * @param target  what the block is for: {@code nft}, {@code iptables}, {@code yamaha}, {@code uci}
 * @param path    where it goes on the router (a file, or null when it is pasted into a config)
 * @param lines   the text, one entry per line, without line terminators
 * @param data    the numbers the lines carry (IPv4, PSID, port blocks, chain, descriptors, …), in a stable order
 */
public record GeneratedBlock(String target, String path, MapeResult result, List<String> lines, Map<String, Object> data) {

    public GeneratedBlock {
        lines = List.copyOf(lines);
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** The lines joined with "\n", ending in one. */
    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /** The numbers every target shares: address, PSID and the port blocks (as "lo-hi"). */
    public static Map<String, Object> commonData(MapeResult r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("ipv4", r.ipv4().toString());
        d.put("psid", r.psid());
        d.put("ports", r.ports().stream().map(PortRange::toString).toList());
        return d;
    }
}
