package dev.routerls.yamaha.mape;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.GeneratedBlock;
import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeResult;
import dev.routerls.mape.PortRange;
import dev.routerls.yamaha.catalog.CatalogFinding;
import dev.routerls.yamaha.catalog.CatalogToken;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.model.ModelFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the YAMAHA RTX lines of a MAP-E connection for one delegated prefix:
 * <ul>
 * <li>native, where the model and firmware have it ({@code tunnel encapsulation map-e}, {@code tunnel map-e type
 *     v6plus|ocn|ipv6option}, {@code nat descriptor address outer N map-e}): the router computes the address and
 *     ports itself. Whether they exist is asked of the command catalog (its model lists and revision notes,
 *     e.g. {@code ipv6option} only from RTX830 Rev.15.02.29), so the choice follows the reference;</li>
 * <li>manual otherwise: an IPIP tunnel from the CE address to the border relay, the shared IPv4 address as
 *     {@code nat descriptor address outer}, and the PSID's blocks in {@code nat descriptor masquerade port range},
 *     split over consecutive descriptors when the firmware takes fewer ranges per line
 *     ({@link ModelFacts#maxPortRanges}; 4 where it is not known, the reference's base syntax).</li>
 * </ul>
 * Lines are in the layout {@code show config} prints (one space inside {@code tunnel select}).
 */
public final class YamahaMapeGenerator {
    public static final int TUNNEL = 1;
    public static final int FIRST_DESCRIPTOR = 1000;
    /** Ranges one {@code masquerade port range} line takes when the firmware's limit is not known. */
    public static final int BASE_PORT_RANGES = 4;

    private YamahaMapeGenerator() {
    }

    /**
     * The block for {@code r} on {@code model} at firmware {@code revision} (either may be null: unknown model
     * gets the native block, which every current model has).
     */
    public static GeneratedBlock generate(MapeResult r, String model, String revision) {
        Optional<String> type = mapeType(r.rule());
        boolean nativeMape = type.isPresent() && nativeAvailable(type.get(), model, revision);
        if (nativeMape) return nativeBlock(r, type.get(), model, revision);
        String why = type.isEmpty() ? "this rule is not one of a service YAMAHA's native MAP-E knows"
                : (model + (revision == null ? "" : " Rev." + revision) + " has no native MAP-E for 'tunnel map-e type "
                + type.get() + "'");
        return manualBlock(r, model, revision, why);
    }

    /** The {@code tunnel map-e type} of a rule of the table: v6plus, ocn, ipv6option (BIGLOBE). */
    static Optional<String> mapeType(MapRule rule) {
        if (rule.isp() == null) return Optional.empty();
        return switch (rule.isp().toLowerCase(Locale.ROOT)) {
            case "v6plus" -> Optional.of("v6plus");
            case "ocn" -> Optional.of("ocn");
            case "biglobe" -> Optional.of("ipv6option");
            default -> Optional.empty();
        };
    }

    /** Native MAP-E with this type exists on the model/firmware: the catalog accepts every native line there. */
    static boolean nativeAvailable(String type, String model, String revision) {
        if (model == null) return true;
        if (ModelFacts.nativeMapE(model, revision).filter(b -> !b).isPresent()) return false;
        CommandCatalog catalog = CommandCatalog.standard();
        if (!catalog.coversModel(model)) return ModelFacts.nativeMapE(model, revision).orElse(false);
        for (String line : List.of("tunnel encapsulation map-e", "tunnel map-e type " + type,
                "nat descriptor address outer " + FIRST_DESCRIPTOR + " map-e")) {
            List<CatalogToken> tokens = new ArrayList<>();
            int at = 0;
            for (String w : line.split(" ")) {
                tokens.add(new CatalogToken(w, SourceRange.of(0, at, at + w.length())));
                at += w.length() + 1;
            }
            if (catalog.check(tokens, model, revision).stream().anyMatch(f -> f.kind() != CatalogFinding.Kind.OUT_OF_RANGE)) {
                return false;
            }
        }
        return true;
    }

    private static GeneratedBlock nativeBlock(MapeResult r, String type, String model, String revision) {
        int d = FIRST_DESCRIPTOR;
        List<String> l = new ArrayList<>();
        header(l, r, model, revision);
        l.add("# Native MAP-E: the router derives this address and the " + r.ports().size() + " port blocks of PSID "
                + r.psid() + " from the prefix itself.");
        l.add("tunnel select " + TUNNEL);
        l.add(" tunnel encapsulation map-e");
        l.add(" tunnel map-e type " + type);
        l.add(" ip tunnel mtu 1460");
        l.add(" ip tunnel tcp mss limit auto");
        l.add(" ip tunnel nat descriptor " + d);
        l.add(" tunnel enable " + TUNNEL);
        l.add("tunnel select none");
        l.add("ip route default gateway tunnel " + TUNNEL);
        l.add("nat descriptor type " + d + " masquerade");
        l.add("nat descriptor address outer " + d + " map-e");
        Map<String, Object> data = GeneratedBlock.commonData(r);
        data.put("mode", "native");
        data.put("mapeType", type);
        data.put("tunnel", TUNNEL);
        data.put("descriptors", List.of(descriptor(d, List.of())));
        return new GeneratedBlock("yamaha", null, r, l, data);
    }

    private static GeneratedBlock manualBlock(MapeResult r, String model, String revision, String why) {
        if (r.rule().br() == null) {
            throw new IllegalArgumentException("the manual YAMAHA MAP-E block needs the border relay address: give --br");
        }
        int perLine = ModelFacts.maxPortRanges(model, revision).orElse(BASE_PORT_RANGES);
        List<List<PortRange>> chunks = new ArrayList<>();
        for (int i = 0; i < r.ports().size(); i += perLine) {
            chunks.add(r.ports().subList(i, Math.min(r.ports().size(), i + perLine)));
        }
        if (chunks.size() > ModelFacts.MAX_NAT_DESCRIPTORS_PER_INTERFACE) {
            throw new IllegalArgumentException(r.ports().size() + " blocks need " + chunks.size() + " NAT descriptors of "
                    + perLine + " ranges, more than the " + ModelFacts.MAX_NAT_DESCRIPTORS_PER_INTERFACE
                    + " one interface takes");
        }
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) ids.add(FIRST_DESCRIPTOR + i);
        List<String> l = new ArrayList<>();
        header(l, r, model, revision);
        l.add("# Manual MAP-E (" + why + "):");
        l.add("# an IPIP tunnel from the CE address, which must be one of the router's IPv6 addresses, to the border relay.");
        if (chunks.size() > 1) {
            l.add("# This firmware takes " + perLine + " port ranges per descriptor, so the " + r.ports().size()
                    + " blocks are split over descriptors " + ids.get(0) + "-" + ids.get(ids.size() - 1) + ".");
        }
        l.add("tunnel select " + TUNNEL);
        l.add(" tunnel encapsulation ipip");
        l.add(" tunnel endpoint address " + r.ce() + " " + r.rule().br());
        l.add(" ip tunnel mtu 1460");
        l.add(" ip tunnel tcp mss limit auto");
        l.add(" ip tunnel nat descriptor " + ids.stream().map(String::valueOf).collect(Collectors.joining(" ")));
        l.add(" tunnel enable " + TUNNEL);
        l.add("tunnel select none");
        l.add("ip route default gateway tunnel " + TUNNEL);
        List<Map<String, Object>> descriptors = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            int d = ids.get(i);
            l.add("nat descriptor type " + d + " masquerade");
            l.add("nat descriptor address outer " + d + " " + r.ipv4());
            l.add("nat descriptor masquerade port range " + d + " "
                    + chunks.get(i).stream().map(PortRange::toString).collect(Collectors.joining(" ")));
            descriptors.add(descriptor(d, chunks.get(i)));
        }
        Map<String, Object> data = GeneratedBlock.commonData(r);
        data.put("mode", "manual");
        data.put("tunnel", TUNNEL);
        data.put("ce", r.ce().toString());
        data.put("br", r.rule().br().toString());
        data.put("rangesPerDescriptor", perLine);
        data.put("descriptors", descriptors);
        return new GeneratedBlock("yamaha", null, r, l, data);
    }

    private static Map<String, Object> descriptor(int id, List<PortRange> ranges) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("ranges", ranges.stream().map(PortRange::toString).toList());
        return m;
    }

    private static void header(List<String> l, MapeResult r, String model, String revision) {
        MapRule rule = r.rule();
        l.add("# MAP-E generated by routerls for " + r.delegated() + " (" + (rule.isp() == null ? "" : rule.isp() + " ")
                + "rule " + rule.ip6prefix() + " -> " + rule.ip4prefix() + ")"
                + (model == null ? "" : " on " + model + (revision == null ? "" : " Rev." + revision)));
        l.add("# IPv4 " + r.ipv4() + ", PSID " + r.psid() + ": " + r.ports().size() + " blocks of "
                + (r.ports().isEmpty() ? 0 : r.ports().get(0).size()) + " ports; CE " + r.ce());
    }
}
