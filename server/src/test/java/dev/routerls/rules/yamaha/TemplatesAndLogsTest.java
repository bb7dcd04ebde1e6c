package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

/**
 * Files that are no `show config` dump (issue 7, items 11 and 12): templates and snippets get every
 * model-independent check, placeholders are one info each and never a syntax error, pasted prose is a
 * note, and a console log written as comments is said once to be unchecked.
 */
class TemplatesAndLogsTest {
    @Test
    void aFileWithoutHeaderGetsTheModelIndependentChecks() {
        YamahaFixture.assertRule(SyntaxRule.ID, """
                # RTX830 Basic Configuration Template
                ip lan1 address 192.168.100.1/24
                ip pp «yamaha/syntax~Unknown command|enable»
                pp enable 1
                analog use 1 off
                """);
    }

    @Test
    void placeholdersAreOneInfoPerLineAndTheRestIsStillChecked() {
        YamahaFixture.assertRule("yamaha/", """
                ipv6 lan1 address «yamaha/template-placeholder~not checked|<IPv6 of CE>/<Prefix length>»
                tunnel select 1
                 tunnel endpoint address «yamaha/template-placeholder|<IPv6 of CE>» <IPv6 of BR>
                 ip tunnel nat descriptor 3000
                 tunnel enable 1
                nat descriptor type 3000 masquerade
                nat descriptor address outer 3000 «yamaha/template-placeholder|{{ shared_ipv4 }}»
                nat descriptor masquerade port range 3000 «yamaha/template-placeholder|<Port_range 1>» <Port_range 2>
                ip lan2 address «yamaha/template-placeholder|${WAN_ADDRESS}»
                pp auth myname «yamaha/template-placeholder|<?= $user ?>» <?= $password ?>
                ip lan2 «yamaha/syntax~Did you mean|adress» «yamaha/template-placeholder|{{ lan2 }}»
                """);
    }

    @Test
    void proseLinesArePastedNotesNotBrokenCommands() {
        YamahaFixture.assertRule("yamaha/", """
                # RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)
                «yamaha/pasted-note~Start it with `#`|【NGNとの接続設定】»
                ngn type lan2 ntt
                «yamaha/pasted-note|・タグVLAN設定 の 例»
                «yamaha/syntax~command name|192.0.2.1» gateway
                """);
    }

    @Test
    void aConsoleLogWrittenAsCommentsIsSaidOnce() {
        YamahaFixture.assertRule("yamaha/", """
                «yamaha/commented-commands~3 lines of this file|# ip route default gateway tunnel 1»
                # ip lan1 address 192.168.100.1/24
                # tunnel select 1
                # the end
                """);
        YamahaFixture.assertRule("yamaha/", """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                # ip route default gateway tunnel 1
                ip route default gateway tunnel 1
                ip lan1 address 192.168.100.1/24
                tunnel select 1
                 tunnel enable 1
                """);
    }
}
