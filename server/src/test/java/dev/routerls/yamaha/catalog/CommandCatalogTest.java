package dev.routerls.yamaha.catalog;

import dev.routerls.yamaha.catalog.CatalogFinding.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Table-driven checks of single command lines. In each line, the word in {@code «»} is where the
 * expected finding must be (exact token range); a line without a marker must produce no finding.
 */
class CommandCatalogTest {

    static Stream<Arguments> lines() {
        return Stream.of(
                // line, model, revision, expected kind (null = no finding), message part
                row("nat descriptor type 1 «masq»", null, null, Kind.BAD_KEYWORD, "nat-masquerade"),
                row("nat descriptor backward-compatibility «4»", null, null, Kind.BAD_KEYWORD, "1, 2, 3"),
                row("nat descriptor type «0» nat", null, null, Kind.OUT_OF_RANGE, "1 to 2147483647"),
                row("ip lan1 nat descriptor «0»", "RTX830", "15.02.20", Kind.OUT_OF_RANGE, "nat_descriptor_list"),
                row("nat descriptor type 1 masquerade «hairpin=of»", null, null, Kind.BAD_KEYWORD, "valid hairpin here"),
                row("nat descriptor timer 1 «10»", null, null, Kind.OUT_OF_RANGE, "30 to 21474836"),
                row("ip routing «maybe»", "RTX1210", "14.01.34", Kind.BAD_KEYWORD, "on, off"),
                // typos get a suggestion, even when the model is unknown
                row("nat «descripter» type 1 nat", null, null, Kind.UNKNOWN_COMMAND, "did you mean \"nat descriptor\""),
                row("«tunnle» select 1", null, null, Kind.UNKNOWN_COMMAND, "did you mean \"tunnel\""),
                row("ip lan1 «adress» 192.168.0.1/24", "RTX1210", null, Kind.UNKNOWN_COMMAND, "did you mean \"ip lan1 address\""),
                row("ipsec ike «pre-shard-key» 1 text secret", "NVR510", "15.01.24", Kind.UNKNOWN_COMMAND, "pre-shared-key"),
                // a word the reference lacks, far from any command: reported only for a model it covers
                row("«frobnicate» everything", "RTX830", "15.02.20", Kind.UNKNOWN_COMMAND, "no such command"),
                row("frobnicate everything", null, null, null, null),
                row("analog use 1 off", "NVR500", "11.00.41", null, null),
                // model and firmware limits
                row("«tunnel map-e type» v6plus", "RTX1210", "14.01.20", Kind.MODEL_UNSUPPORTED, "Rev.14.01.34 or later"),
                row("tunnel map-e type v6plus", "RTX1210", "14.01.34", null, null),
                row("tunnel map-e type v6plus", "RTX1210", null, null, null),
                row("tunnel map-e type «ipv6option»", "RTX1210", "14.01.34", Kind.MODEL_UNSUPPORTED, "later than Rev.14.01.41"),
                row("tunnel map-e type ipv6option", "RTX1210", "14.01.42", null, null),
                // a model the reference's model line merely omits: a warning, not the certain error (issue 7, item 4)
                row("«tunnel map-e type» v6plus", "RTX3500", "14.00.33", Kind.MODEL_NOT_LISTED, "but not for RTX3500"),
                row("nat descriptor type 1 masquerade «hairpin=on»", "RTX1210", "14.01.42", Kind.MODEL_UNSUPPORTED, "hairpin"),
                row("nat descriptor type 1 masquerade hairpin=on", "RTX830", "15.02.24", null, null),
                row("nat descriptor backward-compatibility «3»", "RTX830", "15.02.30", Kind.MODEL_UNSUPPORTED, "15.04 line"),
                row("«system temperature threshold» 50 60", "RTX830", "15.02.20", Kind.MODEL_NOT_LISTED, "not always complete"),
                row("bridge member bridge1 lan1 tunnel1", "RTX830", "15.02.10", null, null),
                row("l2tp remote end-id yamaha", "RTX830", "15.02.17", null, null),
                row("system temperature threshold 50 60", "RTX1210", "14.01.42", null, null),
                // unknown models and models outside the reference: nothing model-specific
                row("tunnel map-e type v6plus", "NVR500", "11.00.41", null, null),
                row("tunnel map-e type v6plus", "NVR510", "15.01.24", null, null),
                row("tunnel map-e type v6plus", null, null, null, null),
                row("tunnel map-e type v6plus", "RTX9999", "14.01.20", null, null),
                // spellings the reference gives as also accepted (issue 7, item 6), and a near miss
                row("ipsec ike duration ike-sa 1 28800", "RTX1210", "14.01.42", null, null),
                row("ipsec ike duration child-sa 1 28800", "RTX1210", "14.01.42", null, null),
                row("ipsec ike duration isakmp-sa 1 28800", "RTX1210", "14.01.42", null, null),
                row("ipsec ike local name 1 roaming@example.jp rfc822-addr", "RTX1210", "14.01.42", null, null),
                row("ipsec ike duration «ike» 1 28800", "RTX1210", "14.01.42", Kind.BAD_KEYWORD, "ike-sa"),
                // forms that must be accepted
                row("NAT DESCRIPTOR TYPE 1 Masquerade", "RTX1210", "14.01.42", null, null),
                row("no ip lan1 proxyarp on", "RTX1210", "14.01.42", null, null),
                row("no nat descriptor type 1", null, null, null, null),
                row("ip lan1/1 address 192.168.0.1/24", null, null, null, null),
                row("ip lan1.1 address 192.168.0.1/24", null, null, null, null),
                row("ip bridge1 address 192.168.0.1/24", null, null, null, null),
                row("ip pp nat descriptor 1000", null, null, null, null),
                row("ip tunnel nat descriptor 3000", null, null, null, null),
                row("ip lan1 nat descriptor 1 2 3 reverse 30", null, null, null, null),
                row("ip lan1 nat descriptor reverse 30", null, null, null, null),
                row("pp select anonymous", null, null, null, null),
                row("pp bind tunnel2-tunnel4", null, null, null, null),
                row("nat descriptor static 30 1 192.168.253.2=192.168.11.2 253", null, null, null, null),
                row("nat descriptor masquerade static 1 1 192.168.0.2 tcp 8080=80", null, null, null, null),
                row("nat descriptor timer 3000 tcpfin 1", null, null, null, null),
                row("tunnel select none", null, null, null, null),
                row("timezone +09:00", null, null, null, null),
                row("console character ascii", null, null, null, null),
                row("queue lan2 type priority", null, null, null, null));
    }

    private static Arguments row(String marked, String model, String revision, Kind kind, String part) {
        return Arguments.of(marked, model, revision, kind, part);
    }

    @ParameterizedTest(name = "{0} [{1} {2}]")
    @MethodSource("lines")
    void checksLine(String marked, String model, String revision, Kind kind, String part) {
        int open = marked.indexOf('«');
        int close = marked.indexOf('»');
        String line = marked.replace("«", "").replace("»", "");
        List<CatalogFinding> findings = CommandCatalog.standard().check(LineWords.split(line, 7), model, revision);
        if (kind == null) {
            assertEquals(List.of(), findings, line);
            return;
        }
        assertEquals(1, findings.size(), () -> "expected one finding for " + line + " but got " + findings);
        CatalogFinding f = findings.get(0);
        assertEquals(kind, f.kind(), f.message());
        assertEquals(7, f.range().startLine());
        assertEquals(open, f.range().startColumn(), "start of " + f.range() + " " + f.message());
        assertEquals(close - 1, f.range().endColumn(), "end of " + f.range() + " " + f.message());
        assertTrue(f.message().toLowerCase().contains(part.toLowerCase()), () -> "message: " + f.message());
    }
}
