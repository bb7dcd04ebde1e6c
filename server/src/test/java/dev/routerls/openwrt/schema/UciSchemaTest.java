package dev.routerls.openwrt.schema;

import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.openwrt.uci.UciSection;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UciSchemaTest {
    private final UciSchema schema = UciSchema.standard();

    private static UciSection section(String text) {
        UciFile f = UciReader.read("file:///etc/config/network", text);
        return f.sections().get(0);
    }

    @Test
    void knowsOpenWrtsOwnPackagesOnly() {
        assertTrue(schema.knowsPackage("network"));
        assertTrue(schema.knowsPackage("firewall"));
        assertTrue(schema.knowsPackage("dhcp"));
        assertFalse(schema.knowsPackage("mwan3"));
        for (String t : new String[]{"interface", "device", "globals", "route", "route6", "rule", "switch",
                "switch_vlan", "bridge-vlan"}) assertTrue(schema.section("network", t).isPresent(), t);
        for (String t : new String[]{"defaults", "zone", "forwarding", "rule", "redirect", "include", "ipset", "nat"}) {
            assertTrue(schema.section("firewall", t).isPresent(), t);
        }
        for (String t : new String[]{"dnsmasq", "dhcp", "host", "domain", "boot", "odhcpd"}) {
            assertTrue(schema.section("dhcp", t).isPresent(), t);
        }
    }

    /** Option datatypes are parsed on first use ({@link Datatypes#deferred}): every spec in the resource must parse. */
    @Test
    void everyOptionsDatatypeParses() {
        int options = 0;
        for (String pkg : new String[]{"network", "firewall", "dhcp"}) {
            for (String type : schema.sectionTypes(pkg)) {
                SectionSchema s = schema.section(pkg, type).orElseThrow();
                java.util.List<OptionSpec> specs = new java.util.ArrayList<>(s.optionsFor(section("config " + type + " 'x'\n")).values());
                for (SectionSchema.Variant v : s.variants().values()) specs.addAll(v.options().values());
                for (OptionSpec o : specs) {
                    assertFalse(o.type().describe().isEmpty(), pkg + "." + type + "." + o.name());
                    options++;
                }
            }
        }
        assertTrue(options > 100, "options checked: " + options);
    }

    @Test
    void packedResourceReadsBackAsTheJson() throws java.io.IOException {
        UciSchema packed;
        try (var in = UciSchemaTest.class.getResourceAsStream(UciSchemaPack.RESOURCE)) {
            assertTrue(in != null, "the build packs the schema (process-classes)");
            packed = UciSchemaPack.unpack(in);
        }
        String json = render(UciSchema.fromJsonResource());
        assertTrue(json.contains("network interface closed=true by=proto"), json.substring(0, Math.min(400, json.length())));
        assertEquals(json, render(packed));
        assertEquals(json, render(schema), "the standard schema is read from the packed form");
    }

    /** Every package, section type, variant and option with its datatype, as text to compare. */
    private static String render(UciSchema s) {
        StringBuilder b = new StringBuilder();
        for (String pkg : new String[]{"network", "firewall", "dhcp", "system", "wireless"}) {
            if (!s.knowsPackage(pkg)) continue;
            for (String type : s.sectionTypes(pkg)) {
                SectionSchema t = s.section(pkg, type).orElseThrow();
                b.append(pkg).append(' ').append(type).append(" closed=").append(t.closed()).append(" by=").append(t.selector()).append('\n');
                t.common().values().forEach(o -> b.append("  ").append(o.name()).append(o.multi() ? " list " : " ").append(o.type().describe()).append('\n'));
                t.variants().forEach((k, v) -> {
                    b.append(" variant ").append(k).append(" open=").append(v.open()).append('\n');
                    v.options().values().forEach(o -> b.append("   ").append(o.name()).append(o.multi() ? " list " : " ").append(o.type().describe()).append('\n'));
                });
            }
        }
        return b.toString();
    }

    @Test
    void protoSelectsTheOptions() {
        SectionSchema iface = schema.section("network", "interface").orElseThrow();
        UciSection map = section("config interface 'wan_map'\n option proto 'map'\n");
        for (String o : new String[]{"maptype", "peeraddr", "ipaddr", "ip4prefixlen", "ip6prefix", "ip6prefixlen",
                "ealen", "psidlen", "offset", "psid", "legacymap", "mtu", "ttl", "tunlink", "zone", "encaplimit", "rule"}) {
            assertTrue(iface.option(map, o).isPresent(), o);
        }
        assertTrue(iface.knowsAllOptionsOf(map));
        UciSection statik = section("config interface 'lan'\n option proto 'static'\n");
        assertFalse(iface.option(statik, "peeraddr").isPresent());
        assertEquals("IPv4 address", iface.option(statik, "gateway").orElseThrow().type().describe().substring(3));
        UciSection qmi = section("config interface 'lte'\n option proto 'qmi'\n");
        assertFalse(iface.knowsAllOptionsOf(qmi), "unknown proto: options cannot be judged");
    }
}
