package dev.routerls.rules.yamaha;

import org.junit.jupiter.api.Test;

/**
 * Embedded files (issue 7, item 1): the lines between {@code embedded file NAME <<EOF} and {@code EOF} are
 * the file's content, not commands; every {@code yamaha/*} finding of each fixture is marked.
 */
class EmbeddedFileTest {
    @Test
    void contentIsNotReadAsCommandsAndTheLinesAfterItAre() {
        YamahaFixture.assertRule("yamaha/", """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                schedule at 1 startup * lua emfs:/notify.lua
                embedded file notify.lua <<EOF
                URL = "http://192.0.2.1/update"
                function logger(msg)
                  rt.syslog("info", msg) -- # not a comment of the config
                end
                  ip lan1 adress 192.0.2.1/24
                EOF
                embedded file -b data.bin <<END
                AAECAwQFBgcICQ==
                END
                lua emfs:data.bin
                ip lan1 «yamaha/syntax~Did you mean|adress» 192.0.2.1/24
                """);
    }

    @Test
    void anUnterminatedFileIsOneErrorAtItsOpener() {
        YamahaFixture.assertRule("yamaha/", """
                # RTX830 Rev.15.02.20 (Mon Jan  1 00:00:00 2024)
                schedule at 1 startup * lua emfs:/notify.lua
                embedded file notify.lua «yamaha/syntax~no line `EOF`|<<EOF»
                function logger(msg)
                  rt.syslog("info", msg)
                end
                ip lan1 adress 192.0.2.1/24
                """);
    }

    @Test
    void aScriptNamingNoEmbeddedFileIsAnUndefinedReference() {
        YamahaFixture.assertRule("yamaha/", """
                # RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)
                schedule at 1 startup * lua emfs:/«yamaha/undefined-reference~embedded file notfy.lua|notfy.lua»
                schedule at 2 startup * lua emfs:«yamaha/undefined-reference|other.lua»
                schedule at 3 startup * lua /routemon_bootstrap.lua
                embedded file notify.lua <<EOF
                print("x")
                EOF
                lua emfs:notify.lua
                """);
    }
}
