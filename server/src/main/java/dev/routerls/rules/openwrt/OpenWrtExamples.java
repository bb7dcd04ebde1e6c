package dev.routerls.rules.openwrt;

import dev.routerls.rules.Example;

/**
 * The router the OpenWrt rules' documentation examples start from: a BIGLOBE MAP-E line (rule
 * 2404:7a80::/31, delegated prefix 2404:7a80:1234:5600::/56, so IPv4 133.200.18.52 and PSID 86) with a
 * firewall.user loop that SNATs to the PSID's 15 port blocks (and the first block for connections the marks
 * miss). Each rule's bad example changes one thing.
 */
final class OpenWrtExamples {
    private OpenWrtExamples() {
    }

    static final String NETWORK_PATH = "etc/config/network";
    static final String FIREWALL_PATH = "etc/config/firewall";
    static final String SCRIPT_PATH = "etc/firewall.user";

    static final String NETWORK = """
            config interface 'wan6'
            	option device 'eth0'
            	option proto 'dhcpv6'

            config interface 'wan_map'
            	option proto 'map'
            	option maptype 'map-e'
            	option peeraddr '2001:260:700:1::1:275'
            	option ipaddr '133.200.0.0'
            	option ip4prefixlen '15'
            	option ip6prefix '2404:7a80::'
            	option ip6prefixlen '31'
            	option ealen '25'
            	option psidlen '8'
            	option offset '4'
            	option legacymap '1'

            config interface 'WAN6PD'
            	option proto 'static'
            	option ip6prefix '2404:7a80:1234:5600::/56'
            	option device '@wan6'
            """;

    static final String FIREWALL = """
            config zone
            	option name 'wan'
            	list network 'wan6'
            	list network 'wan_map'
            	list network 'WAN6PD'
            	option masq '1'

            config include
            	option path '/etc/firewall.user'
            """;

    /** Seed 000's loop with this router's values: right numbers, but nothing for a connection the marks miss. */
    static final String LOOP = """
            units1=15
            units2=4096
            IP4='133.200.18.52'
            PSID='86'

            rule=1
            while [ $rule -le $units1 ] ; do
              mark=`expr $rule + 16`
              pn=`expr $rule - 1`
              portl=`expr $rule \\* $units2 + $PSID \\* 16`
              portr=`expr $portl + 15`
              iptables -t nat -A PREROUTING -m statistic --mode nth --every $units1 --packet $pn -j MARK --set-mark $mark
              iptables -t nat -A POSTROUTING -p tcp -o map-wan_map -m mark --mark $mark -j SNAT --to $IP4:$portl-$portr
              rule=`expr $rule + 1`
            done
            """;

    /** The loop and, after it, the SNAT rule for connections that got no mark (openwrt/mape-nth-spread). */
    static final String SCRIPT = LOOP + """
            # a connection that got no mark (the nth counters race on two CPUs) goes to the first block
            portl=`expr $units2 + $PSID \\* 16`
            portr=`expr $portl + 15`
            iptables -t nat -A POSTROUTING -p tcp -o map-wan_map -j SNAT --to $IP4:$portl-$portr
            """;

    /** The network file alone. */
    static Example network(String network) {
        return Example.openwrt(NETWORK_PATH, network);
    }

    /** The whole router with this network, firewall and firewall.user. */
    static Example router(String network, String firewall, String script) {
        return Example.openwrt(NETWORK_PATH, network, FIREWALL_PATH, firewall, SCRIPT_PATH, script);
    }

    /** The whole router with this firewall.user. */
    static Example script(String script) {
        return router(NETWORK, FIREWALL, script);
    }
}
