package dev.routerls.openwrt.mape;

import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the SNAT rules that spread a MAP-E router's IPv4 connections over all the port blocks of its
 * PSID, with every number computed (no shell loop to get wrong):
 * <ul>
 * <li>for fw3, a firewall.user block: per block i, an nth-statistic MARK rule in PREROUTING and OUTPUT
 *     (every N-th new connection gets mark 16+i) and, per protocol, a SNAT of that mark to the block
 *     through the tunnel device. The rules are inserted at the top of the nat chains, ahead of fw3's own
 *     masquerading of the wan zone, and nothing of fw3's is flushed;</li>
 * <li>for fw4, a file for /etc/nftables.d/ (fw4 includes it inside its inet fw4 table): a postrouting nat
 *     chain just before fw4's srcnat chain that maps a round-robin counter to the N blocks.</li>
 * </ul>
 * Lines end in "\n"; the text is delimited by {@link #BEGIN} / {@link #END} comment lines so that a later
 * run can find and replace it.
 */
public final class SnatBlockGenerator {
    public static final String BEGIN = "# >>> routerls MAP-E SNAT";
    public static final String END = "# <<< routerls MAP-E SNAT";
    /** Marks 17, 18, … as the field-tested seed 000 script uses (16 + block number). */
    public static final int MARK_BASE = 16;

    private SnatBlockGenerator() {
    }

    /** The first line of a generated block for {@code device}; how an existing one is found. */
    public static String beginLine(String device) {
        return BEGIN + " " + device;
    }

    public static String endLine(String device) {
        return END + " " + device;
    }

    /** The firewall.user (iptables) block. */
    public static String iptables(MapeResult r, String device) {
        List<PortRange> blocks = r.ports();
        int n = blocks.size();
        StringBuilder sb = new StringBuilder();
        sb.append(beginLine(device)).append('\n');
        header(sb, r, device);
        sb.append("# Every ").append(n).append("-th new connection gets the same mark (nth statistic); each mark is SNATed\n");
        sb.append("# to one port block. fw3 runs this file after building its chains on every reload, so the\n");
        sb.append("# rules are inserted once per reload; do not run it a second time (e.g. from rc.local).\n");
        sb.append("# Remove any other SNAT loop for ").append(device).append(" from this file: two sets of rules would compete.\n");
        for (int i = 0; i < n; i++) {
            int mark = MARK_BASE + i + 1;
            PortRange p = blocks.get(i);
            for (String chain : List.of("PREROUTING", "OUTPUT")) {
                sb.append("iptables -t nat -I ").append(chain).append(" -m statistic --mode nth --every ").append(n)
                        .append(" --packet ").append(i).append(" -j MARK --set-mark ").append(mark).append('\n');
            }
            for (String proto : List.of("icmp", "tcp", "udp")) {
                sb.append("iptables -t nat -I POSTROUTING -p ").append(proto).append(" -o ").append(device)
                        .append(" -m mark --mark ").append(mark).append(" -j SNAT --to ").append(r.ipv4()).append(':')
                        .append(p.lo()).append('-').append(p.hi()).append('\n');
            }
        }
        sb.append(endLine(device)).append('\n');
        return sb.toString();
    }

    /** The name fw4 would load the nftables snippet from. */
    public static String nftablesPath(String device) {
        return "/etc/nftables.d/90-routerls-mape-" + device + ".nft";
    }

    /** The /etc/nftables.d/ snippet (fw4 includes it inside {@code table inet fw4 { … }}). */
    public static String nftables(MapeResult r, String device) {
        List<PortRange> blocks = r.ports();
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) map.append(", ");
            map.append(i).append(" : ").append(blocks.get(i).lo()).append('-').append(blocks.get(i).hi());
        }
        StringBuilder sb = new StringBuilder();
        sb.append(beginLine(device)).append('\n');
        header(sb, r, device);
        sb.append("# fw4 includes this file in its inet fw4 table. The chain runs just before fw4's srcnat chain, so\n");
        sb.append("# these mappings win over the zone's masquerading; numgen hands out the ").append(blocks.size())
                .append(" blocks in turn.\n");
        String chain = "routerls_mape_" + device.replaceAll("[^A-Za-z0-9_]", "_");
        sb.append("chain ").append(chain).append(" {\n");
        sb.append("\ttype nat hook postrouting priority srcnat - 1; policy accept;\n");
        for (String proto : List.of("icmp", "tcp", "udp")) {
            sb.append("\toifname \"").append(device).append("\" ip protocol ").append(proto).append(" snat ip to ")
                    .append(r.ipv4()).append(" : numgen inc mod ").append(blocks.size()).append(" map { ").append(map)
                    .append(" }\n");
        }
        sb.append("}\n");
        sb.append(endLine(device)).append('\n');
        return sb.toString();
    }

    private static void header(StringBuilder sb, MapeResult r, String device) {
        MapRule rule = r.rule();
        sb.append("# Generated by routerls for tunnel device ").append(device).append(" from the delegated prefix ")
                .append(r.delegated()).append('\n');
        sb.append("# rule ").append(rule.isp() == null ? "" : rule.isp() + " ").append(rule.ip6prefix()).append(" -> ")
                .append(rule.ip4prefix()).append(" (ealen ").append(rule.ealen()).append(", psidlen ")
                .append(rule.psidlen()).append(", offset ").append(rule.offset()).append(")\n");
        sb.append("# IPv4 ").append(r.ipv4()).append(", PSID ").append(r.psid()).append(": ").append(r.ports().size())
                .append(" blocks of ").append(r.ports().isEmpty() ? 0 : r.ports().get(0).size()).append(" ports\n");
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
