package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.mape.MapeRuleTable;
import dev.routerls.mape.PortRange;
import dev.routerls.mape.PortSetCheck;
import dev.routerls.mape.PortSetFinding;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.mape.MapeMapping;
import dev.routerls.yamaha.mape.MapeMappingResolver;
import dev.routerls.yamaha.model.Ipv4;
import dev.routerls.yamaha.model.ModelFacts;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.NatAddressItem;
import dev.routerls.yamaha.model.YamahaConfig.NatDescriptor;
import dev.routerls.yamaha.model.YamahaConfig.PortBlock;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code yamaha/mape-port-range}: {@code nat descriptor masquerade port range} blocks that are not the
 * MAP-E port set of one PSID, more ranges than the firmware accepts ({@link ModelFacts}), an
 * {@code address outer} that is not the CE's shared IPv4 address, and a CE address whose interface id
 * disagrees with its prefix. The port arithmetic is the shared {@link PortSetCheck}; what it is checked
 * against comes from {@link MapeMappingResolver} (the tunnel's CE/BR, else the blocks' own shape).
 */
public final class MapePortRangeRule extends YamahaRule {
    public static final String ID = "yamaha/mape-port-range";

    /** The bundled table is read only when a config has port blocks to check. */
    private final Supplier<MapeMappingResolver> resolver;

    public MapePortRangeRule() {
        this(MapeMappingResolver::bundled);
    }

    public MapePortRangeRule(MapeRuleTable table) {
        this(constant(new MapeMappingResolver(table)));
    }

    private static Supplier<MapeMappingResolver> constant(MapeMappingResolver resolver) {
        return () -> resolver;
    }

    private MapePortRangeRule(Supplier<MapeMappingResolver> resolver) {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("masquerade port ranges that are not one PSID's MAP-E port set, or too many ranges")
                .rationale("""
                        With MAP-E (v6plus, OCN, BIGLOBE) the ISP gives each customer a shared IPv4 address and the \
                        ports of one PSID: for v6plus and BIGLOBE 15 blocks of 16 ports, 4096 apart; for OCN 63 \
                        blocks, 1024 apart. On firmware without native MAP-E these blocks are written by hand in \
                        `nat descriptor masquerade port range`. A block of another PSID, a block of the wrong size, \
                        ports below the first block, or an `address outer` other than the shared address make the \
                        border relay drop the connections that use them, so some connections fail seemingly at \
                        random. routerls takes the PSID from the tunnel's CE address (`tunnel endpoint address`) \
                        when there is one, otherwise from the listed blocks themselves, and knows how many ranges \
                        each firmware accepts.""")
                .bad(Example.yamaha("""
                        tunnel select 1
                         tunnel encapsulation ipip
                         tunnel endpoint address 240b:10:a5cd:6800:6a:48a5:cd00:6800 2404:9200:225:100::64
                         ip tunnel nat descriptor 3000
                        no tunnel select
                        nat descriptor type 3000 masquerade
                        nat descriptor address outer 3000 106.72.165.205
                        nat descriptor masquerade port range 3000 5776-5791 9856-9871 13952-13967 18048-18063 22144-22159 26240-26255 30336-30351 34432-34447 38528-38543 42624-42639 46720-46735 50816-50831 54912-54927 59008-59023 63104-63119
                        """))
                .good(Example.yamaha("""
                        tunnel select 1
                         tunnel encapsulation ipip
                         tunnel endpoint address 240b:10:a5cd:6800:6a:48a5:cd00:6800 2404:9200:225:100::64
                         ip tunnel nat descriptor 3000
                        no tunnel select
                        nat descriptor type 3000 masquerade
                        nat descriptor address outer 3000 106.72.165.205
                        nat descriptor masquerade port range 3000 5760-5775 9856-9871 13952-13967 18048-18063 22144-22159 26240-26255 30336-30351 34432-34447 38528-38543 42624-42639 46720-46735 50816-50831 54912-54927 59008-59023 63104-63119
                        """))
                .fixable()
                .tags("mape", "nat")
                .build());
        this.resolver = resolver;
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (NatDescriptor d : m.natDescriptors().values()) {
            if (d.portBlocks().isEmpty()) continue;
            checkCount(m, d, out);
            List<PortRange> ranges = d.portBlocks().stream().map(b -> new PortRange(b.first(), b.last())).toList();
            MapeMapping map = resolver.get().resolve(m, d.id(), ranges);
            for (MapeMapping.Problem p : map.problems()) out.report(p.range(), p.message());
            checkOuter(d, map, out);
            PortSetCheck.Result result = PortSetCheck.check(ranges, map.offset(), map.psidlen(), map.psid());
            String fix = map.psid().isPresent()
                    ? "List the blocks of PSID " + map.psid().getAsInt() + ": " + result.expected().stream()
                    .map(PortRange::toString).collect(Collectors.joining(" ")) + "."
                    : "List exactly the blocks A*" + map.stride() + " + PSID*" + map.blockSize() + " (A = 1 to "
                    + map.blockCount() + ") of your PSID.";
            // the exact set is certain only when the CE gives the PSID and fits its prefix, and the model takes that many ranges
            java.util.Optional<Integer> max = ModelFacts.maxPortRanges(m.model().orElse(null), m.revision().orElse(null));
            List<dev.routerls.core.Fix> fixes = map.psid().isPresent() && map.problems().isEmpty()
                    && (max.isEmpty() || result.expected().size() <= max.get())
                    ? YamahaFixes.portRanges(d, out.defaultUri(), map.psid().getAsInt(), result.expected()).stream().toList()
                    : List.of();
            for (PortSetFinding f : result.findings()) {
                String what = describe(f, map, result);
                if (what == null) continue;
                SourceRange where = f.rangeIndex() >= 0 ? d.portBlocks().get(f.rangeIndex()).range() : d.portRangeLine();
                String subject = f.rangeIndex() >= 0 ? "port range " + d.portBlocks().get(f.rangeIndex()).first() + "-"
                        + d.portBlocks().get(f.rangeIndex()).last() + " of NAT descriptor " + d.id()
                        : "the port ranges of NAT descriptor " + d.id();
                out.report(out.defaultUri(), where, subject + " " + what + ", judged by " + map.basis() + ". Ports outside the PSID's "
                        + "set are dropped by the MAP-E border relay, so connections using them fail. " + fix, fixes);
            }
        }
    }

    private void checkCount(YamahaConfig m, NatDescriptor d, Findings out) {
        java.util.Optional<Integer> max = ModelFacts.maxPortRanges(m.model().orElse(null), m.revision().orElse(null));
        if (max.isEmpty() || d.portBlocks().size() <= max.get()) return;
        PortBlock first = d.portBlocks().get(max.get());
        PortBlock last = d.portBlocks().get(d.portBlocks().size() - 1);
        out.report(first.range().to(last.range()),
                "NAT descriptor " + d.id() + " lists " + d.portBlocks().size() + " port ranges, but "
                        + modelName(m) + " accepts at most " + max.get()
                        + "; the router rejects the line and the descriptor has no port set. "
                        + "Keep at most " + max.get() + " ranges or update the firmware.");
    }

    /** The outer address must be the shared IPv4 address the CE's prefix carries. */
    private static void checkOuter(NatDescriptor d, MapeMapping map, Findings out) {
        if (map.ipv4() == null || d.outer().isEmpty()) return;
        long shared = map.ipv4().unsigned();
        List<NatAddressItem> literal = d.outer().stream().filter(i -> !i.isKeyword()).toList();
        if (literal.isEmpty() || literal.stream().anyMatch(i -> i.addresses().contains(shared))) return;
        String written = literal.stream().map(NatAddressItem::text).collect(Collectors.joining(" "));
        out.report(literal.get(0).range(), "NAT descriptor " + d.id() + " translates to " + written + ", but the CE address "
                + map.ce() + " carries the shared IPv4 address " + Ipv4.format(shared) + " (" + map.family() + " rule "
                + map.rule().ip6prefix() + " -> " + map.rule().ip4prefix() + "): the border relay drops packets "
                + "from any other IPv4 source. Set `nat descriptor address outer " + d.id() + " " + Ipv4.format(shared) + "`.");
    }

    /** What is wrong, as the tail of a sentence about the range; null for findings not reported here. */
    private static String describe(PortSetFinding f, MapeMapping map, PortSetCheck.Result result) {
        if (f instanceof PortSetFinding.InvalidRange) {
            return "is not a port range (ports run 0-65535, low before high)";
        } else if (f instanceof PortSetFinding.SystemPorts s) {
            return "lies in ports 0-" + (s.firstSharedPort() - 1) + " (A=0), which MAP-E never assigns to a customer";
        } else if (f instanceof PortSetFinding.Duplicate dup) {
            return "overlaps range " + (dup.firstIndex() + 1) + " of the same list";
        } else if (f instanceof PortSetFinding.WrongBlockSize w) {
            return "holds " + w.actual().size() + " ports, but a " + map.family() + " MAP-E block is " + w.expectedSize()
                    + " ports (" + map.blockCount() + " blocks " + map.stride() + " apart)"
                    + (result.psid().isPresent() ? "; the PSID's block here is " + w.expected() : "");
        } else if (f instanceof PortSetFinding.OtherPsid o) {
            return result.psidInferred()
                    ? "belongs to PSID " + o.actualPsid() + " while the other blocks belong to PSID " + o.expectedPsid()
                    + " (the " + map.stride() + "-port stride is broken)"
                    : "belongs to PSID " + o.actualPsid() + ", not to PSID " + o.expectedPsid() + " of this CE; its block here is "
                    + o.expected();
        } else if (f instanceof PortSetFinding.WrongStride s) {
            return "are " + s.actualStride() + " ports apart, but one PSID's " + map.family() + " blocks are "
                    + s.expectedStride() + " apart";
        }
        // MixedPsids repeats the per-range findings; MissingBlocks is fewer ports, not a broken set
        return null;
    }
}
