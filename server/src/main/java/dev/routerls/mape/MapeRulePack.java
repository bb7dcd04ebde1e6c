package dev.routerls.mape;

import dev.routerls.core.pack.PackedReader;
import dev.routerls.core.pack.PackedWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled MAP-E rule table in packed form ({@link PackedWriter}), made from {@code mape-rules.json} at
 * build time (Maven's process-classes phase runs {@link #main}): the 690 rules are read at start-up as
 * numbers, with no JSON tree and no address text to parse.
 */
public final class MapeRulePack {
    static final String RESOURCE = "mape-rules.bin";
    private static final String FORMAT = "routerls MAP-E rules 1";

    private MapeRulePack() {
    }

    /** Build step: {@code MapeRulePack <mape-rules.json> <mape-rules.bin>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: MapeRulePack <mape-rules.json> <mape-rules.bin>");
            System.exit(2);
        }
        MapeRuleTable table;
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            table = MapeRuleTable.fromJson(r);
        }
        Files.write(Path.of(args[1]), pack(table.rules()));
    }

    static byte[] pack(List<MapRule> rules) {
        PackedWriter w = new PackedWriter(FORMAT);
        w.count(rules.size());
        for (MapRule r : rules) {
            w.string(r.isp()).int64(r.ip6prefix().address().high()).int64(r.ip6prefix().address().low())
                    .count(r.ip6prefix().length()).int64(r.ip4prefix().address().value()).count(r.ip4prefix().length())
                    .count(r.ealen()).count(r.psidlen()).count(r.offset()).bool(r.br() != null);
            if (r.br() != null) w.int64(r.br().high()).int64(r.br().low());
            w.bool(r.legacymap());
        }
        return w.toByteArray();
    }

    static List<MapRule> unpack(InputStream in) throws IOException {
        PackedReader r = PackedReader.of(in, FORMAT);
        MapRule[] rules = new MapRule[r.count()];
        for (int i = 0; i < rules.length; i++) {
            String isp = r.string();
            Ipv6Prefix ip6 = new Ipv6Prefix(new Ipv6Address(r.int64(), r.int64()), r.count());
            Ipv4Prefix ip4 = new Ipv4Prefix(new Ipv4Address((int) r.int64()), r.count());
            int ealen = r.count(), psidlen = r.count(), offset = r.count();
            Ipv6Address br = r.bool() ? new Ipv6Address(r.int64(), r.int64()) : null;
            rules[i] = new MapRule(isp, ip6, ip4, ealen, psidlen, offset, br, r.bool());
        }
        if (!r.atEnd()) throw new IOException("packed MAP-E rules have data past the last rule");
        return List.of(rules);
    }
}
