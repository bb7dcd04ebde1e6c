package dev.routerls.analysis;

import dev.routerls.core.LanguageId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Detection by content (a path that names no language): the `show config` header weighs 10 lines of YAMAHA,
 * and it is read by the grammar only where it can change the answer, so these cases turn on the header.
 */
class LanguageDetectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            header alone outweighs shell lines    | # RTX830 Rev.15.02.20 (Mon Mar 13 10:00:00 2023)\\nA=1\\nB=2\\necho x | YAMAHA_RTX
            'rev.' in a comment is not a header   | # see rev.2 of the script\\nA=1\\nB=2                         | OPENWRT_FIREWALL_USER
            lower-case model is not a header      | # rtx830 Rev.15.02.20\\nA=1                                  | OPENWRT_FIREWALL_USER
            header on line 4 does not count       | A=1\\nB=2\\n\\n# RTX830 Rev.15.02.20                          | OPENWRT_FIREWALL_USER
            header beside UCI lines               | # RTX830 Rev.15.02.20\\nconfig x\\noption a b                | YAMAHA_RTX
            more shell than header weight         | # RTX830 Rev.15.02.20\\nA=1\\nA=1\\nA=1\\nA=1\\nA=1\\nA=1\\nA=1\\nA=1\\nA=1\\nA=1\\nA=1 | OPENWRT_FIREWALL_USER
            config lines decide without a header  | # RTX830 Rev.15.02.20\\nip route default gateway pp 1\\npp select 1 | YAMAHA_RTX
            UCI without a header                  | config interface 'lan'\\n\\toption proto 'static'           | OPENWRT_UCI
            comments of YAMAHA commands           | # ip route default gateway pp 1\\n# pp select 1              | YAMAHA_RTX
            nothing known                         | hello world                                                  | UNKNOWN
            """)
    void byContent(String name, String text, LanguageId expected) {
        assertEquals(expected, LanguageDetector.detect("/tmp/notes/file.conf", text.replace("\\n", "\n").replace("\\t", "\t")));
    }
}
