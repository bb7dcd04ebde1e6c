package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

class MapePortRangeRuleTest {
    private static String blocks(int psid, int a, int count) {
        int stride = 1 << (16 - a);
        return IntStream.rangeClosed(1, count).mapToObj(i -> (i * stride + psid * 16) + "-" + (i * stride + psid * 16 + 15))
                .collect(Collectors.joining(" "));
    }

    @Test
    void v6plusPsidSetIsClean() {
        YamahaFixture.assertRule(MapePortRangeRule.ID, """
                nat descriptor type 3000 masquerade
                nat descriptor masquerade port range 3000 %s
                """.formatted(blocks(110, 4, 15)));
    }

    @Test
    void ocnPsidSetIsClean() {
        YamahaFixture.assertRule(MapePortRangeRule.ID, """
                nat descriptor masquerade port range 3000 %s
                """.formatted(blocks(5, 6, 16)));
    }

    @Test
    void wrongSizeAZeroAndMixedPsidFire() {
        YamahaFixture.assertRule(MapePortRangeRule.ID, """
                nat descriptor masquerade port range 3000 5856-5871 9952-9967 «yamaha/mape-port-range~A=0|1760-1775» \
                «yamaha/mape-port-range~holds 32 ports|14048-14079» «yamaha/mape-port-range~PSID 111|18160-18175» 22240-22255
                """);
    }

    @Test
    void borderRelayDecidesTheProfile() {
        // stride 4096 blocks fit OCN's shape too; the OCN BR makes 4096-spaced blocks of one PSID fine,
        // while a v6plus BR flags 1024-spaced blocks
        YamahaFixture.assertRule(MapePortRangeRule.ID, """
                tunnel select 1
                 tunnel encapsulation ipip
                 tunnel endpoint address 2001:db8::1 2404:9200:225:100::64
                 ip tunnel nat descriptor 3000
                no tunnel select
                nat descriptor masquerade port range 3000 «yamaha/mape-port-range~A=0|1104-1119» 5200-5215
                """);
    }

    @Test
    void tooManyRangesForFirmwareFires() {
        String seventeen = blocks(110, 4, 15) + " 5872-5887 9968-9983";
        String marked = seventeen.replace("9968-9983",
                "«yamaha/mape-port-range~at most 16|«yamaha/mape-port-range~PSID 111|9968-9983»»");
        YamahaFixture.assertRule("yamaha/mape-port-range", """
                # RTX1210 Rev.14.01.26 (Fri Mar 27 15:30:12 2020)
                nat descriptor masquerade port range 3000 %s
                """.formatted(marked.replace("5872-5887", "«yamaha/mape-port-range~PSID 111|5872-5887»")));
    }

    // v6plus rule 240b:10::/31 -> 106.72.0.0/15 (legacy interface id): prefix 240b:10:a5cd:6e00::/56 gives
    // IPv4 106.72.165.205 and PSID 110, CE 240b:10:a5cd:6e00:6a:48a5:cd00:6e00 (routerls mape)
    private static final String CE_PSID_110 = "240b:10:a5cd:6e00:6a:48a5:cd00:6e00";

    private static String tunnel(String endpoint) {
        return """
                tunnel select 1
                 tunnel encapsulation ipip
                 tunnel endpoint address %s
                 ip tunnel nat descriptor 3000
                no tunnel select
                """.formatted(endpoint);
    }

    @Test
    void ceAddressWithItsOwnPsidAndSharedAddressIsClean() {
        YamahaFixture.assertRule(MapePortRangeRule.ID, tunnel(CE_PSID_110 + " 2404:9200:225:100::64") + """
                nat descriptor type 3000 masquerade
                nat descriptor address outer 3000 106.72.165.205
                nat descriptor masquerade port range 3000 %s
                """.formatted(blocks(110, 4, 15)));
    }

    @Test
    void blocksOfAnotherPsidThanTheCeAndWrongOuterAddressFire() {
        // all blocks agree with each other (PSID 111), so only the CE's PSID shows they are wrong
        String ranges = blocks(111, 4, 2);
        String[] two = ranges.split(" ");
        YamahaFixture.assertRule(MapePortRangeRule.ID, tunnel(CE_PSID_110 + " 2404:9200:225:100::64") + """
                nat descriptor address outer 3000 «yamaha/mape-port-range~shared IPv4 address 106.72.165.205|106.72.165.204»
                nat descriptor masquerade port range 3000 «yamaha/mape-port-range~not to PSID 110 of this CE; its block here is 5856-5871|%s»                 «yamaha/mape-port-range~PSID 111, not to PSID 110|%s»
                """.formatted(two[0], two[1]));
    }

    @Test
    void interfaceIdThatDisagreesWithThePrefixFires() {
        // prefix says PSID 110, the interface id was copied from a PSID 104 CE
        YamahaFixture.assertRule(MapePortRangeRule.ID, tunnel(
                "«yamaha/mape-port-range~carries IPv4 106.72.165.205 and PSID 104|240b:10:a5cd:6e00:6a:48a5:cd00:6800» 2404:9200:225:100::64") + """
                nat descriptor masquerade port range 3000 %s
                """.formatted(blocks(110, 4, 15)));
    }

    @Test
    void ceOnTheInterfaceIsUsedWhenTheTunnelNamesOnlyTheBorderRelay() {
        YamahaFixture.assertRule(MapePortRangeRule.ID, """
                ipv6 lan2 address 240b:10:a5cd:6e00:6a:48a5:cd00:6e00/64
                """ + tunnel("2404:9200:225:100::64") + """
                nat descriptor masquerade port range 3000 5856-5871 «yamaha/mape-port-range~not to PSID 110|5872-5887»
                """);
    }

    @Test
    void withoutCeNoPsidIsAssumedForConsistentBlocks() {
        // blocks of one PSID (111) with only the BR known: the shape is checked, the PSID is not guessed
        YamahaFixture.assertRule(MapePortRangeRule.ID, tunnel("2404:9200:225:100::64") + """
                nat descriptor address outer 3000 106.72.165.204
                nat descriptor masquerade port range 3000 %s
                """.formatted(blocks(111, 4, 15)));
    }
}
