package dev.routerls.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.routerls.mape.GeneratedBlock;
import dev.routerls.mape.Ipv4Prefix;
import dev.routerls.mape.Ipv6Address;
import dev.routerls.mape.Ipv6Prefix;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeCalculator;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.openwrt.mape.SnatBlockGenerator;
import dev.routerls.openwrt.mape.UciMapeGenerator;
import dev.routerls.yamaha.mape.YamahaMapeGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code routerls mape}: the MAP-E parameters of delegated prefixes, from the bundled rule table or a
 * rule given on the command line. Exit 0 when every prefix was computed, 2 when any was malformed,
 * matched no rule, or could not be computed (each reason goes to stderr; the others still print).
 */
@Command(name = "mape", mixinStandardHelpOptions = true, description = {
        "Compute MAP-E (RFC 7597) parameters for delegated IPv6 prefixes: IPv4 address, PSID, port set, CE address.",
        "The rule comes from the built-in table (v6plus, OCN, BIGLOBE) or from --rule-ip6/--rule-ip4/--ealen."})
final class MapeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", description = "text or json (one object per line) (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--rule-ip6", paramLabel = "PREFIX", description = "rule IPv6 prefix, e.g. 2001:db8::/40")
    String ruleIp6;

    @Option(names = "--rule-ip4", paramLabel = "PREFIX", description = "rule IPv4 prefix, e.g. 192.0.2.0/24")
    String ruleIp4;

    @Option(names = "--ealen", paramLabel = "BITS", description = "EA-bits length of the rule")
    Integer ealen;

    @Option(names = "--psidlen", paramLabel = "BITS", description = "PSID length (default: ealen - (32 - IPv4 prefix length))")
    Integer psidlen;

    @Option(names = "--offset", paramLabel = "BITS", description = "PSID offset (default: 4 with --legacymap, else 6)")
    Integer offset;

    @Option(names = "--br", paramLabel = "ADDRESS", description = "border relay IPv6 address (shown only)")
    String br;

    @Option(names = "--legacymap", description = "CE interface id in the pre-RFC layout the Japanese services use")
    boolean legacymap;

    @Option(names = "--snat", paramLabel = "TARGET",
            description = {"print the MAP-E configuration for all port blocks instead: iptables (a firewall.user block for fw3),",
                    "nft (an /etc/nftables.d/ file for fw4), yamaha (YAMAHA RTX lines, native MAP-E where --model/--firmware have it),",
                    "uci (/etc/config/network sections with the map interface)"})
    String snat;

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "tunnel device for --snat iptables|nft|uci: map-<interface name>, e.g. map-wan_map")
    String device;

    @Option(names = "--model", paramLabel = "MODEL", description = "YAMAHA model for --snat yamaha, e.g. RTX830")
    String model;

    @Option(names = "--firmware", paramLabel = "REV", description = "YAMAHA firmware revision for --snat yamaha, e.g. 15.02.09")
    String firmware;

    @Parameters(arity = "1..*", paramLabel = "PREFIX", description = "delegated IPv6 prefixes, e.g. 240b:10:a5cd:6800::/56")
    List<String> prefixes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!format.equals("text") && !format.equals("json")) {
                err.println("routerls: --format must be text or json, not '" + format + "'");
                return 2;
            }
            String usage = snatUsage();
            if (usage != null) {
                err.println("routerls mape: " + usage);
                return 2;
            }
            Optional<MapRule> explicit;
            try {
                explicit = explicitRule();
            } catch (IllegalArgumentException e) {
                err.println("routerls mape: " + e.getMessage());
                return 2;
            }
            MapeRuleTable table = MapeRuleTable.bundled();
            Gson gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
            int exit = 0;
            for (String text : prefixes) {
                try {
                    Ipv6Prefix delegated = Ipv6Prefix.parse(text);
                    MapRule rule = explicit.filter(r -> r.ip6prefix().contains(delegated))
                            .or(() -> table.lookup(delegated))
                            .orElseThrow(() -> new IllegalArgumentException(noRule(delegated, explicit)));
                    MapeResult result = MapeCalculator.calculate(rule, delegated);
                    if (snat != null) {
                        GeneratedBlock block = block(result);
                        if (format.equals("json")) {
                            out.println(gson.toJson(toJson(block)));
                        } else {
                            if (block.target().equals("nft")) out.println("# " + block.path());
                            out.print(block.text());
                        }
                    } else if (format.equals("json")) {
                        out.println(gson.toJson(toJson(result)));
                    } else {
                        printText(result, out);
                    }
                } catch (IllegalArgumentException e) {
                    err.println("routerls mape: " + text + ": " + e.getMessage());
                    exit = 2;
                }
            }
            return exit;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** What is wrong with the --snat/--device/--model/--firmware combination, or null. */
    private String snatUsage() {
        if (snat == null) {
            if (device != null || model != null || firmware != null) return "--device, --model and --firmware are only used with --snat";
            return null;
        }
        if (!List.of("iptables", "nft", "yamaha", "uci").contains(snat)) {
            return "--snat must be iptables, nft, yamaha or uci, not '" + snat + "'";
        }
        if (snat.equals("yamaha")) {
            if (device != null) return "--device is not used with --snat yamaha (the tunnel is tunnel " + YamahaMapeGenerator.TUNNEL + ")";
            if (firmware != null && model == null) return "--firmware needs --model";
            return null;
        }
        if (model != null || firmware != null) return "--model and --firmware are only used with --snat yamaha";
        // the name goes into shell, nft and UCI text: only what Linux interface names use
        if (device == null || !device.matches("[A-Za-z0-9_.-]{1,15}")) {
            return "--snat " + snat + " needs --device with the tunnel device (map-<interface name>, at most 15 letters, "
                    + "digits, '_', '.', '-')";
        }
        if (snat.equals("uci") && !device.matches("map-[A-Za-z0-9_]+")) {
            return "--snat uci needs --device map-<interface name>, the interface name being letters, digits and '_'";
        }
        return null;
    }

    private GeneratedBlock block(MapeResult result) {
        return switch (snat) {
            case "nft" -> SnatBlockGenerator.nftablesBlock(result, device);
            case "iptables" -> SnatBlockGenerator.iptablesBlock(result, device);
            case "yamaha" -> YamahaMapeGenerator.generate(result, model, firmware);
            default -> UciMapeGenerator.network(result, device.substring("map-".length()));
        };
    }

    private static JsonObject toJson(GeneratedBlock b) {
        Gson gson = new Gson();
        JsonObject o = new JsonObject();
        o.addProperty("prefix", b.result().delegated().toString());
        o.addProperty("target", b.target());
        o.addProperty("path", b.path());
        b.data().forEach((k, v) -> o.add(k, gson.toJsonTree(v)));
        JsonArray lines = new JsonArray();
        b.lines().forEach(lines::add);
        o.add("lines", lines);
        return o;
    }

    private static String noRule(Ipv6Prefix delegated, Optional<MapRule> explicit) {
        return "no MAP-E rule covers " + delegated
                + (explicit.isPresent() ? " (not inside --rule-ip6 " + explicit.get().ip6prefix() + " nor any known rule)"
                : " (not a v6plus, OCN or BIGLOBE prefix); give the rule with --rule-ip6, --rule-ip4 and --ealen");
    }

    /** The rule from --rule-ip6/--rule-ip4/--ealen, which must come together. */
    private Optional<MapRule> explicitRule() {
        boolean any = ruleIp6 != null || ruleIp4 != null || ealen != null || psidlen != null || offset != null || br != null;
        if (!any) {
            if (legacymap) {
                throw new IllegalArgumentException("--legacymap needs --rule-ip6, --rule-ip4 and --ealen");
            }
            return Optional.empty();
        }
        if (ruleIp6 == null || ruleIp4 == null || ealen == null) {
            throw new IllegalArgumentException("a rule given on the command line needs --rule-ip6, --rule-ip4 and --ealen");
        }
        Ipv6Prefix ip6 = Ipv6Prefix.parse(ruleIp6);
        Ipv4Prefix ip4 = Ipv4Prefix.parse(ruleIp4);
        int off = offset != null ? offset : legacymap ? 4 : 6;
        Ipv6Address border = br == null ? null : Ipv6Address.parse(br);
        MapRule rule = psidlen != null
                ? new MapRule(null, ip6, ip4, ealen, psidlen, off, border, legacymap)
                : MapRule.withDerivedPsidLength(null, ip6, ip4, ealen, off, border, legacymap);
        rule.inconsistency().ifPresent(why -> {
            throw new IllegalArgumentException("the rule does not fit together: " + why);
        });
        return Optional.of(rule);
    }

    private static JsonObject toJson(MapeResult r) {
        MapRule rule = r.rule();
        JsonObject o = new JsonObject();
        o.addProperty("prefix", r.delegated().toString());
        o.addProperty("isp", rule.isp());
        o.addProperty("br", rule.br() == null ? null : rule.br().toString());
        o.addProperty("ip6prefix", rule.ip6prefix().toString());
        o.addProperty("ip4prefix", rule.ip4prefix().toString());
        o.addProperty("ealen", rule.ealen());
        o.addProperty("psidlen", rule.psidlen());
        o.addProperty("offset", rule.offset());
        o.addProperty("ipv4", r.ipv4().toString());
        o.addProperty("psid", r.psid());
        JsonArray ranges = new JsonArray();
        r.ports().forEach(p -> ranges.add(p.toString()));
        o.add("ranges", ranges);
        o.addProperty("ce", r.ce().toString());
        return o;
    }

    private static void printText(MapeResult r, PrintWriter out) {
        MapRule rule = r.rule();
        out.println(r.delegated());
        out.printf("  rule    %s%s -> %s  ealen %d  psidlen %d  offset %d%s%n",
                rule.isp() == null ? "" : rule.isp() + " ", rule.ip6prefix(), rule.ip4prefix(),
                rule.ealen(), rule.psidlen(), rule.offset(), rule.legacymap() ? "  legacymap" : "");
        if (rule.br() != null) {
            out.println("  br      " + rule.br());
        }
        out.println("  ipv4    " + r.ipv4());
        out.printf("  psid    %d (0x%x)%n", r.psid(), r.psid());
        out.printf("  ports   %d in %d range%s: %s%n", r.portCount(), r.ports().size(), r.ports().size() == 1 ? "" : "s",
                r.ports().stream().map(PortRange::toString).collect(Collectors.joining(" ")));
        out.println("  ce      " + r.ce());
    }
}
