package dev.routerls.openwrt.shell;

import dev.routerls.testing.ScriptFindings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Findings of parsing and evaluation, as fixtures with «rule~words|text» markers; each case also
 * lists the firewall commands that must still be collected (display form, "?" prefix = conditional).
 */
class ShellFindingsTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("endless loop hits the step limit", """
                        iptables -t nat -F POSTROUTING
                        i=0
                        «openwrt/shell-loop-limit~100000 steps|while [ 1 -eq 1 ]; do
                          i=$((i+1))
                        done»
                        iptables -t nat -A never
                        """, List.of("iptables -t nat -F POSTROUTING")),
                Arguments.of("uci lookup stays unknown", """
                        IP4=$(«openwrt/shell-unevaluated~uci get network.wan.ipaddr|uci get network.wan.ipaddr»)
                        iptables -t nat -A POSTROUTING -j SNAT --to $IP4:5856-5871
                        """, List.of("iptables -t nat -A POSTROUTING -j SNAT --to ‹output of `uci get network.wan.ipaddr`›:5856-5871")),
                Arguments.of("syntax error in the middle costs one statement", """
                        iptables -A first
                        echo «openwrt/shell-syntax~unexpected ')'|)» oops
                        iptables -A second
                        for i in 1 2; do
                          iptables -A third$i
                        done
                        """, List.of("iptables -A first", "iptables -A second", "iptables -A third1", "iptables -A third2")),
                Arguments.of("broken loop body is skipped as a whole", """
                        while true; do
                          echo «openwrt/shell-syntax|;;»
                        done
                        iptables -A after
                        """, List.of("iptables -A after")),
                Arguments.of("unclosed if at end of script", """
                        iptables -A before
                        «openwrt/shell-syntax~missing 'fi'|if»  [ -n "$x" ]; then
                          iptables -A inside
                        """, List.of("iptables -A before")),
                Arguments.of("file test makes the branch conditional", """
                        if «openwrt/shell-unevaluated~file system|[ -f /etc/map.conf ]»; then
                          iptables -A yes
                        else
                          iptables -A no
                        fi
                        iptables -A always
                        """, List.of("?iptables -A yes", "?iptables -A no", "iptables -A always")),
                Arguments.of("check-then-add idiom", """
                        «openwrt/shell-unevaluated~runs on the router|iptables -C FORWARD -j x» || iptables -A FORWARD -j x
                        """, List.of("iptables -C FORWARD -j x", "?iptables -A FORWARD -j x")),
                Arguments.of("unterminated quote", """
                        iptables -A ok
                        echo «openwrt/shell-syntax~never closed|"»unfinished
                        iptables -A swallowed
                        """, List.of("iptables -A ok")),
                Arguments.of("unterminated here-document", """
                        iptables -A ok
                        cat «openwrt/shell-syntax~never closed|<<EOF»
                        iptables -A inside-body
                        """, List.of("iptables -A ok")),
                Arguments.of("division by zero", """
                        x=«openwrt/shell-unevaluated~division by zero|$((1 / 0))»
                        iptables -A z$x
                        """, List.of("iptables -A z‹$((1 / 0))›")),
                Arguments.of("unsupported expansion form", """
                        v=abc
                        iptables -A «openwrt/shell-unevaluated~not follow|${v/b/x}»
                        """, List.of("iptables -A ‹${v...}›")),
                Arguments.of("unknown list of a for loop", """
                        for «openwrt/shell-unevaluated~not fully known|dev» in $(«openwrt/shell-unevaluated|ls /sys/class/net»); do
                          iptables -A FORWARD -i $dev
                        done
                        """, List.of("?iptables -A FORWARD -i ‹$dev from a list that is not known›")),
                Arguments.of("ip6tables and nft are collected", """
                        ip6tables -t nat -A POSTROUTING -j MASQUERADE
                        nft add rule inet fw4 srcnat oifname "map-wan" snat ip to 192.0.2.1:5856-5871
                        /usr/sbin/iptables -L
                        logger done
                        """, List.of("ip6tables -t nat -A POSTROUTING -j MASQUERADE",
                        "nft add rule inet fw4 srcnat oifname map-wan snat ip to 192.0.2.1:5856-5871", "/usr/sbin/iptables -L"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findingsAndCollectedCommands(String name, String marked, List<String> expectedCommands) {
        Fixture f = Fixture.parse(marked);
        ShellScript script = ShellScript.parse("file:///etc/firewall.user", f.text());
        EvaluationResult r = ShellEvaluator.evaluate(script, Map.of());
        List<Diagnostic> all = ScriptFindings.of(script, r);
        f.assertFindings(all, "openwrt/");
        assertEquals(expectedCommands, r.commands().stream()
                .map(c -> (c.conditional() ? "?" : "") + c.display()).toList());
    }

    @Test
    void severitiesFollowTheRuleIds() {
        ShellScript script = ShellScript.parse("u", "echo )\nx=$(uci get a.b.c)\nwhile :; do :; done\n");
        EvaluationResult r = ShellEvaluator.evaluate(script, Map.of(), 1000);
        assertEquals(Severity.ERROR, ScriptFindings.syntax(script).get(0).severity());
        assertEquals(List.of(Severity.INFO, Severity.WARNING), ScriptFindings.evaluation(script, r).stream().map(Diagnostic::severity).toList());
        assertFalse(r.complete());
        assertEquals(1000, r.steps());
    }

    @Test
    void exponentialStringGrowthStaysBounded() {
        ShellScript script = ShellScript.parse("u", "x=ab\nfor i in $(seq 1 64); do x=\"$x$x\"; done\niptables -A $x\n");
        EvaluationResult r = ShellEvaluator.evaluate(script, Map.of());
        assertEquals(1, r.commands().size());
        assertFalse(r.commands().get(0).known());
        assertTrue(r.commands().get(0).display().length() < 200);
    }

    @Test
    void runawayRecursionIsCutOff() {
        ShellScript script = ShellScript.parse("u", "f() { f; }\nf\niptables -A after\n");
        EvaluationResult r = ShellEvaluator.evaluate(script, Map.of());
        assertEquals(List.of("iptables -A after"), r.commands().stream().map(EvaluatedCommand::display).toList());
        assertTrue(ScriptFindings.evaluation(script, r).stream().anyMatch(d -> d.message().contains("levels deep")));
    }
}
