package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

/**
 * Reports the syntax errors the UCI reader found, in libuci's own words: those for which libuci refuses the whole
 * file ({@link UciIgnoredTextRule} reports what it reads silently differently).
 */
public final class UciSyntaxRule extends UciProblemRule {

    public UciSyntaxRule() {
        super(RuleInfo.rule("openwrt/uci-syntax", Severity.ERROR)
                .summary("UCI syntax that libuci rejects (it then ignores the whole file)")
                .rationale("""
                        Every OpenWrt program reads its configuration through libuci, and libuci refuses a whole \
                        file when it meets a syntax error: a hyphen in a section or option name, a quote that is \
                        never closed, an option before the first `config` line. Everything in that file is then \
                        missing; the interfaces or zones it held do not exist after the next reload. routerls \
                        reports the problem in libuci's own words and reads on, so the rest of the file is still \
                        checked.""")
                .bad(Example.openwrt("etc/config/network", """
                        config interface 'wan-6'
                        	option device 'eth0'
                        	option proto 'dhcpv6'
                        """))
                .good(Example.openwrt("etc/config/network", """
                        config interface 'wan6'
                        	option device 'eth0'
                        	option proto 'dhcpv6'
                        """))
                .tags("syntax")
                .build(), true);
    }
}
