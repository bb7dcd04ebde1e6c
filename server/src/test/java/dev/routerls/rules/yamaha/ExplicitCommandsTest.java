package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

/**
 * Commands the grammar reads itself (issue 7, items 2, 8 and 9): a longer reference command is not taken
 * for the explicit one it starts like, words after a complete command are reported (as a pasted note when
 * they look like one), and the explicit rules check their parameters as the reference does.
 */
class ExplicitCommandsTest {
    private static final String HEADER = "# RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)\n";

    /** Item 2: `ipsec tunnel outer df-bit` is not `ipsec tunnel POLICY`; the reference self-test covers the rest. */
    @Test
    void aLongerReferenceCommandWins() {
        YamahaFixture.assertRule(SyntaxRule.ID, HEADER + """
                tunnel select 1
                 ipsec tunnel outer df-bit clear
                 ipsec tunnel fastpath-fragment-function follow df-bit
                 «yamaha/syntax~ipsec tunnel POLICY|ipsec tunnel outr df-bit clear»
                 ipsec tunnel 101
                ip lan1 secure filter name office
                ip route change log on
                dhcp scope lease type 1 bind-priority
                """);
    }

    /** Item 8: the router rejects a line with extra parameters, so annotations fail the whole line. */
    @Test
    void wordsAfterACompleteCommandAreReported() {
        YamahaFixture.assertRule(SyntaxRule.ID, HEADER + """
                ipv6 route default gateway dhcp lan2   «yamaha/syntax~look like a note|←» from the ONU
                login user admin secret «yamaha/syntax~note pasted|<!--» note -->
                ip lan2 secure filter in 1 2 3 «yamaha/syntax~note pasted|...»
                ip lan2 secure filter out 1 2 «yamaha/syntax~note pasted|→»
                ip route default gateway 192.0.2.1 «yamaha/syntax~`ip route` is complete|←» provider
                ip lan1 proxyarp on «yamaha/syntax~not part of the command|extra»
                ip filter 1 pass * * * * * «yamaha/syntax~note|←» all
                ip filter 2 pass * * * * *
                ip filter 3 pass * * * * *
                """);
    }

    @Test
    void completeCommandsWithoutExtraWordsAreQuiet() {
        YamahaFixture.assertRule(SyntaxRule.ID, HEADER + """
                ipv6 route default gateway dhcp lan2
                login user admin secret
                ip lan2 secure filter in 1 2 3
                ip lan2 secure filter out 1 2 dynamic 100
                ip route default gateway 192.0.2.1 metric 2 hide
                ip route 10.0.0.0/8 gateway pp 1 filter 1 2 gateway tunnel 1 keepalive 1
                ip route 172.16.0.0/12 gateway dhcp lan2 weight 3
                ip lan1 proxyarp on
                ip filter 1 pass * * * * *
                ip filter 2 pass * * * * *
                ip filter 3 pass * * * * *
                description lan1 "→ provider"
                """);
    }

    /** Item 9: the parameters of explicit commands are checked as the reference states them. */
    @Test
    void explicitCommandsAreAsStrictAsTheReference() {
        YamahaFixture.assertRule(SyntaxRule.ID, HEADER + """
                «yamaha/syntax~dhcp scope option ID NAME=VALUE|dhcp scope 1 option wins_server=192.0.2.1»
                dhcp scope option 1 wins_server=192.0.2.1
                tunnel select 1
                 «yamaha/syntax~ipsec ike local name|ipsec ike local id 1 dam-client»
                 ipsec ike local id 1 192.168.0.0/24
                 ipsec ike local name 1 dam-client
                 ipsec ike remote id 1 192.168.1.0/24
                telnet service «yamaha/syntax~Did you mean `telnetd service`|off»
                telnetd service off
                telnet 192.0.2.1 8023
                """);
    }

    /** A line that stops too early has no character at the error: the mark goes on its last word, inside the line (found by fuzzing). */
    @Test
    void aLineThatEndsTooEarlyMarksItsLastWord() {
        YamahaFixture.assertRule(SyntaxRule.ID, """
                «yamaha/syntax~ends before the command is complete|vlan2»
                ip lan1 address 192.0.2.1/24
                """);
    }
}
