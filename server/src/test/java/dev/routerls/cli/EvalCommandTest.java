package dev.routerls.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.routerls.robustness.LintRun;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {
    @TempDir
    Path tmp;

    /**
     * Seed 000's script on the sample router: 3 flushes, then 15 loop passes of 5 commands, then the 3 SNAT rules for
     * connections without a mark; map-wan_map is interface wan_map.
     */
    @Test
    void listsTheCommandsOfTheSampleRouterInOrder() throws IOException {
        Path etc = SampleRouters.copy("fw3-chain-flush", tmp.resolve("good")).resolve("etc");
        LintRun r = LintRun.of("eval", etc.resolve("firewall.user").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertTrue(lines.get(0).endsWith("firewall.user: 81 firewall command(s), 0 place(s) not worked out"), lines.get(0));
        assertEquals("   12  iptables -t nat -F PREROUTING", lines.get(1));
        assertEquals("   23  iptables -t nat -A PREROUTING -m statistic --mode nth --every 15 --packet 0 -j MARK "
                + "--set-mark 17    # loop at line 17, pass 1", lines.get(4));
        assertEquals("   26  iptables -t nat -A POSTROUTING -p icmp -o map-wan_map -m mark --mark 17 -j SNAT --to "
                + "133.200.18.52:5472-5487    # loop at line 17, pass 1; map-wan_map = interface 'wan_map' (proto map)",
                lines.get(6));
        assertEquals("   28  iptables -t nat -A POSTROUTING -p udp -o map-wan_map -m mark --mark 31 -j SNAT --to "
                + "133.200.18.52:62816-62831    # loop at line 17, pass 15; map-wan_map = interface 'wan_map' (proto map)",
                lines.get(78));
        assertEquals("   38  iptables -t nat -A POSTROUTING -p udp -o map-wan_map -j SNAT --to 133.200.18.52:5472-5487"
                + "    # map-wan_map = interface 'wan_map' (proto map)", lines.get(81));
    }

    @Test
    void jsonNamesWhatStayedUnknown() throws IOException {
        Path script = tmp.resolve("firewall.user");
        Files.writeString(script, """
                DEV=map-wan
                iptables -t nat -A POSTROUTING -o $DEV -j SNAT --to $(cat /tmp/addr)
                [ -f /etc/extra ] && iptables -A FORWARD -j ACCEPT
                """);
        LintRun r = LintRun.of("eval", "--format", "json", script.toString());
        assertEquals(0, r.exit(), r.err());
        JsonObject o = r.json();
        JsonArray commands = o.getAsJsonArray("commands");
        assertEquals(2, commands.size());
        JsonObject first = commands.get(0).getAsJsonObject();
        assertEquals(2, first.get("line").getAsInt());
        assertTrue(first.get("command").getAsString().startsWith("iptables -t nat -A POSTROUTING -o map-wan -j SNAT --to "));
        assertTrue(!first.get("known").getAsBoolean());
        // outside an OpenWrt etc/ tree there is no router: the device belongs to no interface
        assertTrue(first.getAsJsonArray("devices").get(0).getAsJsonObject().get("interface").isJsonNull());
        assertTrue(commands.get(1).getAsJsonObject().get("conditional").getAsBoolean());
        JsonArray unknown = o.getAsJsonArray("unknown");
        assertEquals(2, unknown.size(), unknown.toString());
        assertTrue(unknown.get(0).getAsJsonObject().get("reason").getAsString().contains("cat /tmp/addr"), unknown.toString());
        assertEquals(2, unknown.get(0).getAsJsonObject().get("line").getAsInt());
        assertEquals(3, unknown.get(1).getAsJsonObject().get("line").getAsInt());
    }
}
