package dev.routerls.openwrt.router;

/**
 * Seed 000's router filled in consistently (BIGLOBE 2404:7a80::/31, delegated 2404:7a80:1234:5600::/56
 * → 133.200.18.52, PSID 86). Tests copy these and change one thing, adding markers where a finding is due.
 */
public final class RouterTexts {
    private RouterTexts() {
    }

    public static final String MAP_INTERFACE = """
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
            """;

    public static final String NETWORK = """
            config interface 'lan'
            	option device 'br-lan'
            	option proto 'static'
            	option ipaddr '192.168.1.1'
            	option netmask '255.255.255.0'

            config interface 'wan6'
            	option device 'eth0'
            	option proto 'dhcpv6'

            """ + MAP_INTERFACE + """

            config interface 'WAN6PD'
            	option proto 'static'
            	list ip6addr '2404:7a80:1234:5600::1001'
            	option ip6gw '2404:7a80:1234:5600::1'
            	option ip6prefix '2404:7a80:1234:5600::/56'
            	option device '@wan6'
            """;

    public static final String FIREWALL = """
            config zone
            	option name 'lan'
            	list network 'lan'

            config zone
            	option name 'wan'
            	list network 'wan6'
            	list network 'wan_map'
            	list network 'WAN6PD'
            	option masq '1'

            config include
            	option path '/etc/firewall.user'
            """;

    /** Seed 000's script with the values of this router. */
    public static final String SCRIPT = """
            units1=15
            units2=4096
            IP4='133.200.18.52'
            PSID='86'
            TUNDEV='map-wan_map'

            iptables -t nat -F POSTROUTING

            rule=1
            while [ $rule -le $units1  ] ; do
              mark=`expr $rule + 16`
              pn=`expr $rule - 1`
              portl=`expr $rule \\* $units2 + $PSID \\* 16`
              portr=`expr $portl + 15`
              iptables -t nat -A PREROUTING -m statistic --mode nth --every $units1 --packet $pn -j MARK --set-mark $mark
              iptables -t nat -A POSTROUTING -p tcp -o $TUNDEV -m mark --mark $mark -j SNAT --to $IP4:$portl-$portr
              rule=`expr $rule + 1`
            done
            """;

    /** What seed 000's loop lacks: after it, the SNAT rule for a connection that got no mark (openwrt/mape-nth-spread). */
    public static final String FALLBACK = """
            portl=`expr $units2 + $PSID \\* 16`
            portr=`expr $portl + 15`
            iptables -t nat -A POSTROUTING -p tcp -o $TUNDEV -j SNAT --to $IP4:$portl-$portr
            """;

    public static RouterFixture router(String network, String firewall, String script) {
        return RouterFixture.of("config/network", network, "config/firewall", firewall, "firewall.user", script);
    }
}
