package dev.routerls.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A large but plausible RTX config for benchmarks: LAN setup, hundreds of IP filters, static NAT
 * entries, PPPoE PPs and L2TP/IPsec tunnels, in the shape `show config` prints them.
 */
public final class RtxConfigGenerator {
    private RtxConfigGenerator() {
    }

    public static List<String> lines(int target) {
        return lines(target, 0);
    }

    /**
     * A config of another router of the same fleet when {@code site} is not 0: the same shape with other
     * filter, descriptor and tunnel numbers and addresses, so most of its lines differ from site 0's.
     */
    public static List<String> lines(int target, int site) {
        List<String> out = new ArrayList<>();
        out.add("# RTX1210 Rev.14.01.38 (Fri Jan 12 10:00:00 2024)");
        out.add("# MAC Address : 00:a0:de:00:00:01, 00:a0:de:00:00:02, 00:a0:de:00:00:03");
        out.add("# Memory 256Mbytes, 3LAN, 1BRI");
        out.add("# Reporting Date: Jan 12 10:00:00 2024");
        out.add("login timer 1800");
        out.add("ip route default gateway pp 1");
        out.add("ip lan1 address 192.168.100.1/24");
        out.add("ip lan1 secure filter in 1020 1030 2000");
        out.add("ip lan1 nat descriptor 1");
        int tunnel = 1, filter = 10000 + site * 20000, nat = 1000 + site * 1000, pp = 1;
        while (out.size() < target - 12) {
            int block = out.size() % 4;
            if (block == 0 && tunnel <= 100) {
                out.add("tunnel select " + tunnel);
                out.add(" tunnel encapsulation l2tpv3");
                out.add(" ipsec tunnel " + (100 + tunnel));
                out.add("  ipsec sa policy " + (100 + tunnel) + " " + tunnel + " esp aes-cbc sha-hmac");
                out.add("  ipsec ike keepalive use " + tunnel + " on heartbeat 10 6");
                out.add("  ipsec ike local address " + tunnel + " 192.168.100.1");
                out.add("  ipsec ike remote address " + tunnel + " 203.0.113." + ((tunnel + site) % 250 + 1));
                out.add(" tunnel enable " + tunnel);
                tunnel++;
            } else if (block == 1 && pp <= 30) {
                out.add("pp select " + pp);
                out.add(" pp always-on on");
                out.add(" pppoe use lan2");
                out.add(" pp auth accept pap chap");
                out.add(" ip pp mtu 1454");
                out.add(" ip pp nat descriptor " + (nat + pp));
                out.add("pp enable " + pp);
                pp++;
            } else if (block == 2) {
                out.add("nat descriptor type " + nat + " masquerade");
                out.add("nat descriptor address outer " + nat + " ipcp");
                out.add("nat descriptor address inner " + nat + " auto");
                for (int i = 0; i < 5; i++) {
                    out.add("nat descriptor masquerade static " + nat + " " + (i + 1) + " 192.168.100." + (10 + i) + " tcp " + (8000 + i));
                }
                nat++;
            } else {
                for (int i = 0; i < 10; i++) {
                    out.add("ip filter " + filter + " pass 192.168.100.0/24 * tcp * " + (1000 + filter % 60000));
                    filter++;
                }
            }
        }
        while (out.size() < target) out.add("ip filter " + (filter++) + " reject * * * * *");
        return out;
    }

    public static String text(int target) {
        return text(target, 0);
    }

    public static String text(int target, int site) {
        return String.join("\n", lines(target, site)) + "\n";
    }
}
