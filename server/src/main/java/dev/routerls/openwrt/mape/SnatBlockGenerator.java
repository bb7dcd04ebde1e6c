package dev.routerls.openwrt.mape;

import dev.routerls.mape.GeneratedBlock;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortRange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the SNAT rules that spread a MAP-E router's IPv4 connections over all the port blocks of its
 * PSID, with every number computed (no shell loop to get wrong). Both forms were loaded into a real kernel
 * by MapeSnatKernelIT and every flow stayed inside the PSID's port set:
 * <ul>
 * <li>for fw3, a firewall.user block that keeps its rules in a chain of its own ({@link #iptablesChain}):
 *     it creates the chain when missing, flushes it, and jumps to it once from the top of POSTROUTING for
 *     the tunnel device, so running the file again gives the same rules and fw3's chains are never
 *     flushed. In the chain, nth-statistic MARK rules give every N-th new connection the same mark and
 *     one SNAT rule per mark and protocol maps it to one block. Each nth rule counts on its own, so two
 *     connections handled at once on two CPUs can leave one of them without a mark; a last SNAT rule per
 *     protocol ({@link #fallbackBlock}) catches those, so no connection reaches fw3's masquerading;</li>
 * <li>for fw4, a file for /etc/nftables.d/ (fw4 includes it inside its inet fw4 table): a postrouting nat
 *     chain just before fw4's srcnat chain whose numgen counter picks one map element per connection,
 *     each element the concatenation {@code IPV4 . LO-HI} (a bare {@code LO-HI} as map data keeps only LO).
 *     One numgen expression hands out one value per connection from one counter, and every value has an
 *     element, so concurrent connections need nothing more here.</li>
 * </ul>
 * Lines end in "\n"; the text is delimited by {@link #BEGIN} / {@link #END} comment lines so that a later
 * run can find and replace it.
 */
public final class SnatBlockGenerator {
    public static final String BEGIN = "# >>> routerls MAP-E SNAT";
    public static final String END = "# <<< routerls MAP-E SNAT";
    /** Marks 17, 18, … as the field-tested seed 000 script uses (16 + block number). */
    public static final int MARK_BASE = 16;
    /** The protocols the iptables block SNATs with a port range, in the order of its rules. */
    public static final List<String> PROTOCOLS = List.of("icmp", "tcp", "udp");

    private SnatBlockGenerator() {
    }

    /** The first line of a generated block for {@code device}; how an existing one is found. */
    public static String beginLine(String device) {
        return BEGIN + " " + device;
    }

    public static String endLine(String device) {
        return END + " " + device;
    }

    /** The chain of its own the firewall.user block keeps its rules in (at most 20 characters; iptables allows 28). */
    public static String iptablesChain(String device) {
        return "mape_" + device;
    }

    /** The firewall.user (iptables) block as text. */
    public static String iptables(MapeResult r, String device) {
        return iptablesBlock(r, device).text();
    }

    /** The firewall.user (iptables) block with the numbers it carries. */
    public static GeneratedBlock iptablesBlock(MapeResult r, String device) {
        List<PortRange> blocks = r.ports();
        int n = blocks.size();
        String chain = iptablesChain(device);
        List<String> l = new ArrayList<>();
        l.add(beginLine(device));
        header(l, r, device);
        l.add("# The rules live in chain " + chain + ": created when missing, flushed on every run, and jumped to once");
        l.add("# from the top of POSTROUTING for traffic leaving through " + device + ", ahead of fw3's zone masquerading.");
        l.add("# Running this file again (fw3 reload, rc.local) gives the same rules; no chain of fw3's is flushed.");
        l.add("# Every " + n + "-th new connection gets the same mark (nth statistic); each mark is SNATed to one port block.");
        l.add("# Remove any other SNAT loop for " + device + " from this file: two sets of rules would compete.");
        l.add("iptables -t nat -N " + chain + " 2>/dev/null");
        l.add("iptables -t nat -F " + chain);
        l.add("iptables -t nat -D POSTROUTING -o " + device + " -j " + chain + " 2>/dev/null");
        l.add("iptables -t nat -I POSTROUTING -o " + device + " -j " + chain);
        List<Map<String, Object>> marks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add("iptables -t nat -A " + chain + " -m statistic --mode nth --every " + n + " --packet " + i
                    + " -j MARK --set-mark " + (MARK_BASE + i + 1));
        }
        for (int i = 0; i < n; i++) {
            int mark = MARK_BASE + i + 1;
            PortRange p = blocks.get(i);
            for (String proto : PROTOCOLS) {
                l.add("iptables -t nat -A " + chain + " -p " + proto + " -o " + device + " -m mark --mark " + mark
                        + " -j SNAT --to " + r.ipv4() + ":" + p);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mark", mark);
            m.put("packet", i);
            m.put("ports", p.toString());
            marks.add(m);
        }
        PortRange fallback = fallbackBlock(blocks);
        l.addAll(fallbackComment(fallback));
        for (String proto : PROTOCOLS) {
            l.add("iptables -t nat -A " + chain + " -p " + proto + " -o " + device + " -j SNAT --to " + r.ipv4() + ":" + fallback);
        }
        l.add(endLine(device));
        Map<String, Object> data = GeneratedBlock.commonData(r);
        data.put("device", device);
        data.put("chain", chain);
        data.put("every", n);
        data.put("marks", marks);
        data.put("unmarked", fallback.toString());
        return new GeneratedBlock("iptables", "/etc/firewall.user", r, l, data);
    }

    /**
     * The block that connections without a mark are SNATed to: the first of the PSID's set. Any block is one the
     * border relay accepts; the first is the lowest-numbered, the same on every run and easy to find in the
     * port list. Only connections that lost the race between two CPUs get there, a small share of all.
     */
    public static PortRange fallbackBlock(List<PortRange> blocks) {
        return blocks.get(0);
    }

    /**
     * The comment above the rules for connections without a mark, SNATed to {@code block}: in the iptables block
     * and in the fix that adds those rules to a user's loop ({@code openwrt/mape-nth-spread}).
     */
    public static List<String> fallbackComment(PortRange block) {
        return List.of(
                "# Each nth rule keeps its own counter: two new connections handled at once on two CPUs can pass the mark",
                "# rules in different orders, so that one gets two marks and the other none. The rules below SNAT a connection",
                "# without a mark to the first block, " + block + " (any block of the PSID would do; the first keeps reruns",
                "# identical). Without them it would fall through to masquerading, whose ports the border relay drops.");
    }

    /** The name fw4 would load the nftables snippet from. */
    public static String nftablesPath(String device) {
        return "/etc/nftables.d/90-routerls-mape-" + device + ".nft";
    }

    /** The nft chain of the /etc/nftables.d/ snippet. */
    public static String nftablesChain(String device) {
        return "routerls_mape_" + device.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The /etc/nftables.d/ snippet as text (fw4 includes it inside {@code table inet fw4 { … }}). */
    public static String nftables(MapeResult r, String device) {
        return nftablesBlock(r, device).text();
    }

    /** The /etc/nftables.d/ snippet with the numbers it carries. */
    public static GeneratedBlock nftablesBlock(MapeResult r, String device) {
        List<PortRange> blocks = r.ports();
        int n = blocks.size();
        String map = concatenatedMap(r.ipv4().toString(), blocks);
        String chain = nftablesChain(device);
        List<String> l = new ArrayList<>();
        l.add(beginLine(device));
        header(l, r, device);
        l.add("# fw4 includes this file in its inet fw4 table. The chain runs just before fw4's srcnat chain, so these");
        l.add("# mappings win over the zone's masquerading; numgen hands out the " + n + " blocks in turn.");
        l.add("# Each map element is 'address . first-last': the kernel gets the whole block and picks a free port in it.");
        l.add("# (A bare range as map data, '0 : " + blocks.get(0) + "', loads without error but the kernel keeps only its");
        l.add("# first port; one element per port would leave the kernel no other port when that one is taken.)");
        l.add("chain " + chain + " {");
        l.add("	type nat hook postrouting priority srcnat - 1; policy accept;");
        l.add("	oifname \"" + device + "\" meta nfproto ipv4 meta l4proto { tcp, udp } snat ip to numgen inc mod " + n
                + " map { " + map + " }");
        l.add("	oifname \"" + device + "\" meta nfproto ipv4 meta l4proto icmp snat ip to numgen inc mod " + n
                + " map { " + map + " }");
        l.add("}");
        l.add(endLine(device));
        List<Map<String, Object>> elements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("key", i);
            e.put("ipv4", r.ipv4().toString());
            e.put("ports", blocks.get(i).toString());
            elements.add(e);
        }
        Map<String, Object> data = GeneratedBlock.commonData(r);
        data.put("device", device);
        data.put("chain", chain);
        data.put("elements", elements);
        return new GeneratedBlock("nft", nftablesPath(device), r, l, data);
    }

    /** {@code 0 : IP . LO-HI, 1 : IP . LO-HI, …}: the numgen map elements in the form the kernel applies whole. */
    public static String concatenatedMap(String ipv4, List<PortRange> blocks) {
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) map.append(", ");
            map.append(i).append(" : ").append(ipv4).append(" . ").append(blocks.get(i).lo()).append('-').append(blocks.get(i).hi());
        }
        return map.toString();
    }

    private static void header(List<String> l, MapeResult r, String device) {
        MapRule rule = r.rule();
        l.add("# Generated by routerls for tunnel device " + device + " from the delegated prefix " + r.delegated());
        l.add("# rule " + (rule.isp() == null ? "" : rule.isp() + " ") + rule.ip6prefix() + " -> " + rule.ip4prefix()
                + " (ealen " + rule.ealen() + ", psidlen " + rule.psidlen() + ", offset " + rule.offset() + ")");
        l.add("# IPv4 " + r.ipv4() + ", PSID " + r.psid() + ": " + r.ports().size() + " blocks of "
                + (r.ports().isEmpty() ? 0 : r.ports().get(0).size()) + " ports");
    }

    /** Every generated block for {@code device} in {@code text}, as [first line, last line] (0-based, inclusive). */
    public static List<int[]> find(List<String> lines, String device) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals(beginLine(device))) continue;
            for (int j = i + 1; j < lines.size(); j++) {
                if (lines.get(j).strip().equals(endLine(device))) {
                    out.add(new int[]{i, j});
                    i = j;
                    break;
                }
            }
        }
        return out;
    }
}
