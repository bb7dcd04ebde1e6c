package dev.routerls.openwrt.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Different ways users write the MAP-E SNAT loop must all yield the seed's 15 port blocks for
 * PSID 110 with v6plus-style 4096-port strides (blocks taken from the seed's iptables listing).
 */
class ScriptStylesTest {

    static Stream<Arguments> styles() {
        return Stream.of(
                Arguments.of("arithmetic expansion with shifts", """
                        PSID=110
                        i=1
                        while [ $i -le 15 ]; do
                          lo=$(( (i << 12) | (PSID << 4) ))
                          hi=$((lo + 15))
                          iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to-source 192.0.2.1:$lo-$hi
                          i=$((i + 1))
                        done
                        """),
                Arguments.of("for over seq in a command substitution", """
                        for i in $(seq 1 15); do
                          iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to-source 192.0.2.1:$((i * 4096 + 110 * 16))-$((i * 4096 + 110 * 16 + 15))
                        done
                        """),
                Arguments.of("function with positional parameters", """
                        snat_block() {
                          local first=$(( $1 * 4096 + $2 * 16 ))
                          iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to-source "$3:$first-$((first + 15))"
                          return 0
                        }
                        n=0
                        while true; do
                          n=$((n+1))
                          [ "$n" -gt 15 ] && break
                          snat_block $n 110 192.0.2.1
                        done
                        """),
                Arguments.of("function keyword, until loop and shift", """
                        function emit {
                          ip=$1; shift
                          for block in "$@"; do
                            iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to-source ${ip}:${block}
                          done
                        }
                        k=1; blocks=""
                        until [ $k -gt 15 ]; do
                          start=`expr $k \\* 4096 + 1760`
                          blocks="$blocks $start-`expr $start + 15`"
                          k=`expr $k + 1`
                        done
                        emit 192.0.2.1 $blocks
                        """),
                Arguments.of("case chooses the profile", """
                        PROFILE=${PROFILE:-v6plus}
                        case "$PROFILE" in
                          ocn) units=63; stride=1024 ;;
                          v6plus|biglobe) units=15; stride=4096 ;;
                          *) exit 1 ;;
                        esac
                        i=1
                        while [ $i -le $units ]; do
                          p=$((i * stride + 110 * 16))
                          iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to-source 192.0.2.1:$p-$((p + 15))
                          i=$((i+1))
                        done
                        """),
                Arguments.of("here-document piped through read", """
                        i=0
                        while read first last; do
                          iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to-source 192.0.2.1:$first-$last
                        done <<EOF
                        $(for i in `seq 1 15`; do echo "$((i*4096+1760)) $((i*4096+1775))"; done)
                        EOF
                        """),
                Arguments.of("printf and a pipeline into while read", """
                        seq 1 15 | while read i; do
                          printf -v unused 2>/dev/null
                          range=$(printf '%d-%d' $((i*4096+1760)) $((i*4096+1775)))
                          iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to-source 192.0.2.1:$range
                        done
                        """),
                Arguments.of("tab-stripped here-document with quoted delimiter feeds cat", """
                        blocks=$(cat <<-'END'
                        	5856-5871 9952-9967 14048-14063 18144-18159 22240-22255
                        	26336-26351 30432-30447 34528-34543 38624-38639 42720-42735
                        	46816-46831 50912-50927 55008-55023 59104-59119 63200-63215
                        	END
                        )
                        for b in $blocks; do iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to-source 192.0.2.1:$b; done
                        """)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("styles")
    void styleYieldsTheSeedBlocks(String name, String script) {
        ShellScript parsed = ShellScript.parse("file:///etc/firewall.user", script);
        assertTrue(parsed.problems().isEmpty(), parsed.problems()::toString);
        EvaluationResult r = ShellEvaluator.evaluate(parsed, Map.of());
        List<String> targets = r.commands().stream()
                .map(IptablesCommand::parse)
                .map(c -> c.natTarget().orElseThrow())
                .map(t -> t.address() + ":" + t.portLow() + "-" + t.portHigh())
                .toList();
        List<String> expected = SeedScriptEvaluationTest.SEED_PORT_BLOCKS.stream().map(b -> "192.0.2.1:" + b).toList();
        assertEquals(expected, targets, () -> r.problems().toString());
        assertTrue(r.commands().stream().noneMatch(EvaluatedCommand::conditional));
    }
}
