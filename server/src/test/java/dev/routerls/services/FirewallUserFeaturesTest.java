package dev.routerls.services;

import dev.routerls.services.types.TextChange;
import dev.routerls.services.types.Location;
import dev.routerls.core.SourceRange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** firewall.user read with its router: the SNAT device leads to the MAP interface, hover computes PSID blocks. */
class FirewallUserFeaturesTest {
    /**
     * Seed 000's shape: a v6plus rule (offset 4, PSID length 8), the delegated /56 on wan6 (the domain notes'
     * example: IPv4 106.72.165.205, PSID 104) and the SNAT loop over the 15 blocks.
     */
    static final String NETWORK = """
            config interface 'wan_map'
            \toption proto 'map'
            \toption maptype 'map-e'
            \toption peeraddr '2404:9200:225:100::64'
            \toption ipaddr '106.72.0.0'
            \toption ip4prefixlen '15'
            \toption ip6prefix '240b:10::'
            \toption ip6prefixlen '31'
            \toption ealen '25'
            \toption psidlen '8'
            \toption offset '4'
            \toption legacymap '1'

            config interface 'wan6'
            \toption proto 'dhcpv6'
            \toption ip6prefix '240b:10:a5cd:6800::/56'
            """;
    static final String SCRIPT = """
            IP4='106.72.165.205'
            PSID=104
            TUNDEV='map-wan_map'
            rule=1
            while [ $rule -le 15 ] ; do
              mark=`expr $rule + 16`
              portl=`expr $rule \\* 4096 + $PSID \\* 16`
              portr=`expr $portl + 15`
              iptables -t nat -A POSTROUTING -p tcp -o $TUNDEV -m mark --mark $mark -j SNAT --to $IP4:$portl-$portr
              rule=`expr $rule + 1`
            done
            """;

    @TempDir
    Path tmp;
    Workspace ws;
    DiagnosticsScheduler scheduler;
    LanguageFeatures features;
    String script;
    String network;

    @BeforeEach
    void setUp() throws Exception {
        Path etc = tmp.resolve("etc");
        Files.createDirectories(etc.resolve("config"));
        Files.writeString(etc.resolve("config/network"), NETWORK);
        ws = new Workspace();
        scheduler = new DiagnosticsScheduler(ws, (f, s) -> Map.of(), (u, v, d) -> { }, 10);
        features = new LanguageFeatures(ws, scheduler, new AnalysisEngine(new dev.routerls.analysis.Analyzer()));
        script = Uris.fromPath(etc.resolve("firewall.user"));
        network = Uris.fromPath(etc.resolve("config/network"));
        ws.documents().open(script, 1, SCRIPT, "sh");
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void theSnatDeviceLeadsToItsMapInterface() {
        int col = SCRIPT.split("\n")[8].indexOf("$TUNDEV") + 2;
        List<Location> defs = features.definition(script, 8, col);
        assertEquals(List.of(new Location(network, SourceRange.of(0, 18, 25))), defs);
        assertTrue(features.definition(script, 8, 3).isEmpty(), "the program name leads nowhere");
    }

    @Test
    void referencesOfTheMapInterfaceIncludeTheScriptsDeviceUse() {
        ws.documents().open(network, 1, NETWORK, "openwrt-uci");
        List<Location> refs = features.references(network, 0, 20, true);
        int col = SCRIPT.split("\n")[8].indexOf("$TUNDEV");
        assertEquals(List.of(new Location(network, SourceRange.of(0, 18, 25)),
                new Location(script, SourceRange.of(8, col, col + 7))), refs);
    }

    @Test
    void hoverOnTheSnatTargetGivesEachBlockAndPsid() {
        int col = SCRIPT.split("\n")[8].indexOf("$IP4:") + 1;
        String md = features.hover(script, 8, col).orElseThrow().markdown();
        assertTrue(md.contains("ports 5760-5775") && md.contains("block 1 of PSID 104 — this router's PSID"), md);
        assertTrue(md.contains("ports 63104-63119") && md.contains("block 15 of PSID 104"), md);
        assertEquals(15, md.split("\\*\\*ports ").length - 1, md);
    }

    @Test
    void hoverOnTheDeviceAndOnTheInterfaceShowsThePortSet() {
        int col = SCRIPT.split("\n")[8].indexOf("$TUNDEV") + 1;
        String md = features.hover(script, 8, col).orElseThrow().markdown();
        assertTrue(md.contains("MAP-E interface") && md.contains("IPv4 `106.72.165.205`") && md.contains("PSID 104"), md);
        assertTrue(md.contains("240 ports: 5760-5775, 9856-9871, 13952-13967, … , 63104-63119 (15 blocks)"), md);
        assertTrue(md.contains("240b:10:a5cd:6800:6a:48a5:cd00:6800"), "the legacy CE address: " + md);
        ws.documents().open(network, 1, NETWORK, "openwrt-uci");
        String onName = features.hover(network, 0, 20).orElseThrow().markdown();
        assertTrue(onName.contains("240 ports") && onName.contains("used in 0 places"), onName);
    }

    /** netifd names a device after its interface only for protocols that create one: map-, pppoe- … */
    @Test
    void aDeviceBelongsToTheInterfaceWhoseProtocolCreatesIt() throws Exception {
        String net = NETWORK + "\nconfig interface 'wan'\n\toption proto 'pppoe'\n\nconfig interface 'lan'\n\toption proto 'static'\n";
        ws.documents().open(network, 1, net, "openwrt-uci");
        String text = "iptables -A FORWARD -o pppoe-wan -j ACCEPT\niptables -A FORWARD -o pppoe-lan -j ACCEPT\n";
        ws.documents().change(script, 2, List.of(new TextChange(null, text)));
        int col = text.indexOf("pppoe-wan") + 1;
        List<Location> defs = features.definition(script, 0, col);
        int wanLine = List.of(net.split("\n")).indexOf("config interface 'wan'");
        assertEquals(List.of(new Location(network, SourceRange.of(wanLine, 18, 21))), defs);
        assertEquals("device of interface `wan` (proto `pppoe`)", features.hover(script, 0, col).orElseThrow().markdown());
        // lan is static: netifd makes no pppoe-lan for it
        assertTrue(features.definition(script, 1, col).isEmpty());
        assertTrue(features.hover(script, 1, col).orElseThrow().markdown().contains("no interface of this router has this device"));
    }
}
