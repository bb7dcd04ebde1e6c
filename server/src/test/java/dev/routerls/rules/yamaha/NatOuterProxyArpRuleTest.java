package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

class NatOuterProxyArpRuleTest {
    private static final String DESCRIPTORS = """
            nat descriptor type 30 nat
            nat descriptor address outer 30 192.168.253.254
            nat descriptor address inner 30 192.168.11.254
            nat descriptor static 30 1 192.168.253.2=192.168.11.2 253
            nat descriptor type 31 nat
            nat descriptor address outer 31 192.168.11.254
            nat descriptor address inner 31 192.168.253.254
            nat descriptor static 31 1 192.168.11.2=192.168.253.2 253
            """;

    @Test
    void forwardDescriptorWithOuterInOwnSubnetFires() {
        YamahaFixture.assertRule(NatOuterProxyArpRule.ID, """
                ip lan1 address 192.168.11.250/24
                ip lan1 nat descriptor «yamaha/nat-outer-proxy-arp~answers ARP|31» reverse 30
                """ + DESCRIPTORS);
    }

    @Test
    void staticOuterAloneInSecondarySubnetFires() {
        YamahaFixture.assertRule(NatOuterProxyArpRule.ID, """
                ip lan1 address 10.0.0.1/24
                ip lan1 secondary address 192.168.11.250/24
                ip lan1 nat descriptor «yamaha/nat-outer-proxy-arp~192.168.11.2-192.168.11.254 (static entry 1)|5»
                nat descriptor type 5 nat
                nat descriptor address outer 5 172.16.0.1
                nat descriptor address inner 5 192.168.253.254
                nat descriptor static 5 1 192.168.11.2=192.168.253.2 253
                """);
    }

    @Test
    void reverseUseAndOuterInOtherSubnetDoNotFire() {
        YamahaFixture.assertRule(NatOuterProxyArpRule.ID, """
                ip lan1 address 192.168.11.250/24
                ip lan1 nat descriptor reverse 31
                ip lan2 address 192.168.1.51/24
                ip lan2 nat descriptor 31
                ip pp nat descriptor 31
                """ + DESCRIPTORS);
    }

    /** The router's own address as the outer address cannot clash (issue 7, item 5); the next address can. */
    @Test
    void ownAddressAndInterfaceKeywordsAreNoClash() {
        YamahaFixture.assertRule(NatOuterProxyArpRule.ID, """
                ip lan2 address 172.16.0.60/24
                ip lan2 nat descriptor 1 2 «yamaha/nat-outer-proxy-arp~172.16.0.61|3»
                nat descriptor type 1 masquerade
                nat descriptor address outer 1 172.16.0.60
                nat descriptor type 2 masquerade
                nat descriptor address outer 2 primary
                nat descriptor type 3 masquerade
                nat descriptor address outer 3 172.16.0.60-172.16.0.61
                """);
    }

    /**
     * Outer addresses of a provider's address block on the interface the default route leaves by: answering
     * ARP there is what makes the block reach the router. The same block on an inside LAN still fires.
     */
    @Test
    void providerBlockOnTheUpstreamInterfaceIsQuiet() {
        YamahaFixture.assertRule(NatOuterProxyArpRule.ID, """
                ip route default gateway 203.0.113.209
                ip lan2 address 203.0.113.210/28
                ip lan2 nat descriptor 211
                ip lan3 address 198.51.100.1/28
                ip lan3 nat descriptor «yamaha/nat-outer-proxy-arp|212»
                nat descriptor type 211 masquerade
                nat descriptor address outer 211 203.0.113.211
                nat descriptor type 212 masquerade
                nat descriptor address outer 212 198.51.100.2
                """);
    }
}
