package dev.routerls.openwrt.schema;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatatypesTest {

    private static void accepts(String type, String... values) {
        Datatype t = Datatypes.parse(type);
        for (String v : values) assertTrue(t.accepts(v), type + " should accept " + v);
    }

    private static void rejects(String type, String... values) {
        Datatype t = Datatypes.parse(type);
        for (String v : values) assertFalse(t.accepts(v), type + " should reject " + v);
    }

    @Test
    void booleansAsUciReadsThem() {
        accepts("bool", "0", "1", "yes", "no", "on", "off", "true", "false", "enabled", "disabled");
        rejects("bool", "2", "YES", "y", "");
    }

    @Test
    void ipv4() {
        accepts("ip4addr", "0.0.0.0", "192.168.1.1", "255.255.255.255");
        rejects("ip4addr", "192.168.1.300", "192.168.1", "192.168.01.1", "1.2.3.4.5", "a.b.c.d", "xxx.xxx.xxx.xxx");
        accepts("ip4net", "10.0.0.1/8", "10.0.0.1/255.0.0.0", "10.0.0.1");
        rejects("ip4net", "10.0.0.1/33", "10.0.0.1/255.0.255.0");
    }

    @Test
    void ipv6() {
        accepts("ip6addr", "::", "::1", "2404:9200:225:100::64", "fe80::1", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1",
                "64:ff9b::192.0.2.33");
        rejects("ip6addr", "1:2:3:4:5:6:7:8:9", "2404::1::2", "12345::", "g::1", "wwww:xxxx::", "1.2.3.4");
        accepts("ip6net", "240b:10::/31", "fdaf:6014:6f21::/48");
        rejects("ip6net", "240b:10::/129");
    }

    @Test
    void netmasksMustBeContiguous() {
        accepts("netmask", "255.255.255.0", "255.255.255.252", "0.0.0.0", "24");
        rejects("netmask", "255.0.255.0", "255.255.255.1", "33");
    }

    @Test
    void portsRangesAndFirewallForms() {
        accepts("port", "0", "65535");
        rejects("port", "65536", "-1", "http");
        accepts("portrange", "1000-2000", "22");
        rejects("portrange", "2000-1000");
        accepts("fwport", "!22", "1000:2000", "1000-2000");
        accepts("fwaddr", "192.168.1.0/24", "!10.0.0.1", "fe80::/10", "10.0.0.1-10.0.0.9", "example.org");
        rejects("fwaddr", "192.168.1.300", "10.0.0.0/40");
    }

    @Test
    void composedSpecs() {
        accepts("or(enum(auto,no),range(0,64))", "auto", "no", "0", "64");
        rejects("or(enum(auto,no),range(0,64))", "65", "yes");
        accepts("enumi(ACCEPT,REJECT)", "accept", "REJECT");
        rejects("enum(a,b)", "A");
        accepts("leasetime", "12h", "3600", "infinite", "2m");
        rejects("leasetime", "12x", "h");
        accepts("limit", "10/second", "1000/sec", "5/m", "7");
        rejects("limit", "10/fortnight", "x/s");
        accepts("macaddr", "1a:e4:a4:73:0d:0c");
        rejects("macaddr", "1a:e4:a4:73:0d", "1a-e4-a4-73-0d-0c");
    }

    @Test
    void namedValuesForCompletion() {
        assertEquals(List.of("map-e", "map-t", "lw4o6"), Datatypes.parse("enum(map-e,map-t,lw4o6)").suggestions());
        assertEquals(List.of("ACCEPT", "REJECT", "DROP"), Datatypes.parse("policy").suggestions());
        assertEquals(List.of("1", "0"), Datatypes.parse("bool").suggestions());
        assertEquals(List.of("1", "0", "auto"), Datatypes.parse("or(bool,enum(auto))").suggestions());
        assertEquals(List.of("auto", "no"), Datatypes.parse("or(enum(auto,no),range(0,64))").suggestions(),
                "the numbers of the range are accepted but not listed");
        assertEquals(List.of(), Datatypes.parse("or(uinteger,ip4addr)").suggestions());
        assertEquals(List.of(), Datatypes.parse("ip4addr").suggestions());
        for (String spec : List.of("enum(a,b)", "enumi(X,Y)", "bool", "or(bool,enum(auto))", "fwtarget")) {
            Datatype t = Datatypes.parse(spec);
            for (String v : t.suggestions()) assertTrue(t.accepts(v), spec + " offers " + v + " but rejects it");
        }
    }
}
