package dev.routerls.fixes;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Before/after fixtures for the fixes of the YAMAHA rules. */
class YamahaFixesTest {
    private static final String URI = "file:///router.conf";

    record Case(String name, String rule, String title, String before, String after) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Manual MAP-E (v6plus, PSID 110 from the CE address) with block 8 taken from PSID 111. */
    private static final String MANUAL_MAPE = """
            # RTX1210 Rev.14.01.33 (Wed Jun 12 10:00:00 2019)
            ipv6 prefix 1 ra-prefix@lan2::/64
            ipv6 lan1 address ra-prefix@lan2::1/64
            ip lan1 address 192.168.100.1/24
            tunnel select 1
             tunnel encapsulation ipip
             tunnel endpoint address 240b:10:a5cd:6e00:6a:48a5:cd00:6e00 2404:9200:225:100::64
             ip tunnel nat descriptor 3000
             tunnel enable 1
            no tunnel select
            ip route default gateway tunnel 1
            nat descriptor type 3000 masquerade
            nat descriptor address outer 3000 106.72.165.205
            nat descriptor masquerade port range 3000 5856-5871 9952-9967 14048-14063 18144-18159 22240-22255 26336-26351 30432-30447 34544-34559 38624-38639 42720-42735 46816-46831 50912-50927 55008-55023 59104-59119 63200-63215
            """;

    /** Descriptor 40 maps lan1's own hosts 192.168.11.x to addresses that are also in lan1's subnet. */
    private static final String LAN_HOSTS = """
            ip lan1 address 192.168.11.250/24
            USE
            nat descriptor type 30 nat
            nat descriptor address outer 30 192.168.253.254
            nat descriptor address inner 30 192.168.11.254
            nat descriptor type 40 nat
            nat descriptor address outer 40 192.168.11.100
            nat descriptor address inner 40 192.168.11.20
            nat descriptor static 40 1 192.168.11.100=192.168.11.20 1
            nat descriptor type 50 masquerade
            nat descriptor address outer 50 192.0.2.1
            """;

    static Stream<Case> cases() {
        return Stream.of(
                new Case("backward-compatibility added before the first NAT descriptor line",
                        "yamaha/nat-backward-compatibility", "restart", """
                        # NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)
                        ip lan1 address 192.168.11.1/24
                        pp select anonymous
                         pp bind tunnel1
                         ip pp remote address pool 192.168.11.200-192.168.11.210
                         ip pp nat descriptor 20
                         pp enable anonymous
                        tunnel select 1
                         tunnel encapsulation l2tp
                         tunnel enable 1
                        no tunnel select
                        nat descriptor type 20 masquerade
                        nat descriptor address outer 20 primary
                        """, """
                        # NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)
                        ip lan1 address 192.168.11.1/24
                        pp select anonymous
                         pp bind tunnel1
                         ip pp remote address pool 192.168.11.200-192.168.11.210
                         ip pp nat descriptor 20
                         pp enable anonymous
                        tunnel select 1
                         tunnel encapsulation l2tp
                         tunnel enable 1
                        no tunnel select
                        nat descriptor backward-compatibility 1
                        nat descriptor type 20 masquerade
                        nat descriptor address outer 20 primary
                        """),
                new Case("backward-compatibility 2 set to 1", "yamaha/nat-backward-compatibility", "Set", """
                        # NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)
                        ip lan1 address 192.168.11.1/24
                        pp select anonymous
                         pp bind tunnel1
                         ip pp nat descriptor 20
                         pp enable anonymous
                        tunnel select 1
                         tunnel encapsulation l2tp
                         tunnel enable 1
                        no tunnel select
                        nat descriptor type 20 masquerade
                        nat descriptor address outer 20 primary
                        nat descriptor backward-compatibility 2
                        """, """
                        # NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)
                        ip lan1 address 192.168.11.1/24
                        pp select anonymous
                         pp bind tunnel1
                         ip pp nat descriptor 20
                         pp enable anonymous
                        tunnel select 1
                         tunnel encapsulation l2tp
                         tunnel enable 1
                        no tunnel select
                        nat descriptor type 20 masquerade
                        nat descriptor address outer 20 primary
                        nat descriptor backward-compatibility 1
                        """),
                new Case("static NAT gets both address lists", "yamaha/nat-static-needs-outer", "address outer 20", """
                        ip lan1 address 192.168.11.1/24
                        ip lan2 address 198.51.100.1/24
                        ip lan2 nat descriptor 20
                        nat descriptor type 20 nat
                        nat descriptor static 20 1 203.0.113.10=192.168.11.240 1
                        nat descriptor static 20 2 203.0.113.11=192.168.11.241 2
                        """, """
                        ip lan1 address 192.168.11.1/24
                        ip lan2 address 198.51.100.1/24
                        ip lan2 nat descriptor 20
                        nat descriptor type 20 nat
                        nat descriptor address outer 20 203.0.113.10 203.0.113.11-203.0.113.12
                        nat descriptor address inner 20 192.168.11.240 192.168.11.241-192.168.11.242
                        nat descriptor static 20 1 203.0.113.10=192.168.11.240 1
                        nat descriptor static 20 2 203.0.113.11=192.168.11.241 2
                        """),
                new Case("static NAT gets only the missing inner list", "yamaha/nat-static-needs-outer", "inner 20", """
                        ip lan1 address 192.168.11.1/24
                        nat descriptor type 20 nat
                        nat descriptor address outer 20 203.0.113.10
                        nat descriptor static 20 1 203.0.113.10=192.168.11.240 1
                        ip lan2 nat descriptor 20
                        """, """
                        ip lan1 address 192.168.11.1/24
                        nat descriptor type 20 nat
                        nat descriptor address inner 20 192.168.11.240
                        nat descriptor address outer 20 203.0.113.10
                        nat descriptor static 20 1 203.0.113.10=192.168.11.240 1
                        ip lan2 nat descriptor 20
                        """),
                new Case("template ids renumbered to the tunnel number", "yamaha/template-mismatch", "Renumber IPsec SA policy 102 to 2", """
                        # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
                        ip lan1 address 192.168.11.250/24
                        ip lan1 proxyarp on
                        pp select anonymous
                         pp bind tunnel2-tunnel4
                         ip pp remote address pool dhcp
                         pp enable anonymous
                        tunnel select 2
                         tunnel encapsulation l2tp
                         tunnel template 3-4
                         ipsec tunnel 102
                          ipsec sa policy 102 2 esp aes-cbc sha-hmac
                          ipsec ike remote address 2 any
                         tunnel enable 2
                        no tunnel select
                        ipsec transport 2 102 udp 1701
                        ipsec transport template 2 3-4
                        """, """
                        # NVR510 Rev.15.01.21 (Fri Mar 27 15:30:12 2020)
                        ip lan1 address 192.168.11.250/24
                        ip lan1 proxyarp on
                        pp select anonymous
                         pp bind tunnel2-tunnel4
                         ip pp remote address pool dhcp
                         pp enable anonymous
                        tunnel select 2
                         tunnel encapsulation l2tp
                         tunnel template 3-4
                         ipsec tunnel 2
                          ipsec sa policy 2 2 esp aes-cbc sha-hmac
                          ipsec ike remote address 2 any
                         tunnel enable 2
                        no tunnel select
                        ipsec transport 2 2 udp 1701
                        ipsec transport template 2 3-4
                        """),
                new Case("template gateway id renumbered", "yamaha/template-mismatch", "IKE gateway 7 of tunnel 2", """
                        tunnel select 2
                         tunnel encapsulation l2tp
                         tunnel template 3
                         ipsec tunnel 2
                          ipsec sa policy 2 7 esp aes-cbc sha-hmac
                          ipsec ike remote address 7 any
                         tunnel enable 2
                        no tunnel select
                        """, """
                        tunnel select 2
                         tunnel encapsulation l2tp
                         tunnel template 3
                         ipsec tunnel 2
                          ipsec sa policy 2 2 esp aes-cbc sha-hmac
                          ipsec ike remote address 2 any
                         tunnel enable 2
                        no tunnel select
                        """),
                new Case("MAP-E port ranges replaced with the PSID's set", "yamaha/mape-port-range", "PSID 110",
                        MANUAL_MAPE, MANUAL_MAPE.replace("34544-34559", "34528-34543")),
                // the inner hosts are lan1's own: only the reverse direction translates them
                new Case("forward NAT of lan1's own hosts applied in reverse", "yamaha/nat-outer-proxy-arp", "reverse",
                        LAN_HOSTS.replace("USE", "ip lan1 nat descriptor 40"),
                        LAN_HOSTS.replace("USE", "ip lan1 nat descriptor reverse 40")),
                new Case("moved after the existing reverse list", "yamaha/nat-outer-proxy-arp", "reverse",
                        LAN_HOSTS.replace("USE", "ip lan1 nat descriptor 40 reverse 30"),
                        LAN_HOSTS.replace("USE", "ip lan1 nat descriptor reverse 30 40")),
                new Case("moved out of the middle of the forward list", "yamaha/nat-outer-proxy-arp", "reverse",
                        LAN_HOSTS.replace("USE", "ip lan1 nat descriptor 40 50"),
                        LAN_HOSTS.replace("USE", "ip lan1 nat descriptor 50 reverse 40")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fixTurnsBeforeIntoAfter(Case c) {
        List<SourceFile> files = List.of(new SourceFile(URI, c.before(), LanguageId.YAMAHA_RTX, null));
        FixFixtures.check(files, AnalysisSettings.DEFAULT, c.rule(), c.title(), Map.of(URI, c.after()));
    }

    @Test
    void noPortRangeFixWithoutAPsidFromTheCe() {
        String text = """
                # RTX1210 Rev.14.01.33 (Wed Jun 12 10:00:00 2019)
                nat descriptor type 3000 masquerade
                nat descriptor masquerade port range 3000 5856-5871 9952-9967 14048-14063 18144-18159 22240-22255 26336-26351 30432-30447 34544-34559 38624-38639 42720-42735 46816-46831 50912-50927 55008-55023 59104-59119 63200-63215
                """;
        List<Diagnostic> ds = FixFixtures.analyze(List.of(new SourceFile(URI, text, LanguageId.YAMAHA_RTX, null)),
                AnalysisSettings.DEFAULT).get(URI);
        List<Diagnostic> port = ds.stream().filter(d -> d.ruleId().equals("yamaha/mape-port-range")).toList();
        assertTrue(!port.isEmpty(), ds.toString());
        assertTrue(port.stream().allMatch(d -> d.fixes().isEmpty()), "a PSID guessed from the ranges is no basis for a fix");
    }

    @Test
    void noReverseFixWhenTheInnerHostsAreBeyondTheLan() {
        // seed 002: descriptor 31 translates 192.168.253.x, hosts behind the router, forward on purpose
        String text = """
                ip lan1 address 192.168.11.250/24
                ip lan1 nat descriptor 31 reverse 30
                nat descriptor type 30 nat
                nat descriptor address outer 30 192.168.253.254
                nat descriptor address inner 30 192.168.11.254
                nat descriptor static 30 1 192.168.253.2=192.168.11.2 253
                nat descriptor type 31 nat
                nat descriptor address outer 31 192.168.11.254
                nat descriptor address inner 31 192.168.253.254
                nat descriptor static 31 1 192.168.11.2=192.168.253.2 253
                """;
        List<Diagnostic> ds = FixFixtures.analyze(List.of(new SourceFile(URI, text, LanguageId.YAMAHA_RTX, null)),
                AnalysisSettings.DEFAULT).get(URI);
        List<Diagnostic> arp = ds.stream().filter(d -> d.ruleId().equals("yamaha/nat-outer-proxy-arp")).toList();
        assertTrue(!arp.isEmpty(), ds.toString());
        assertTrue(arp.stream().allMatch(d -> d.fixes().isEmpty()), "which outer addresses would be right is not known");
    }

    @Test
    void noRenumberWhenTheTargetPolicyIsTaken() {
        String text = """
                tunnel select 2
                 tunnel template 3
                 ipsec tunnel 102
                  ipsec sa policy 102 2 esp aes-cbc sha-hmac
                 tunnel enable 2
                no tunnel select
                ipsec sa policy 2 9 esp aes-cbc sha-hmac
                """;
        List<Diagnostic> ds = FixFixtures.analyze(List.of(new SourceFile(URI, text, LanguageId.YAMAHA_RTX, null)),
                AnalysisSettings.DEFAULT).get(URI);
        List<Diagnostic> t = ds.stream().filter(d -> d.ruleId().equals("yamaha/template-mismatch")
                && d.message().contains("policy id")).toList();
        assertTrue(!t.isEmpty(), ds.toString());
        assertTrue(t.stream().allMatch(d -> d.fixes().isEmpty()), t.toString());
    }
}
