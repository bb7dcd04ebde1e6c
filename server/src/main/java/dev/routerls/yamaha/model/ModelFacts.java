package dev.routerls.yamaha.model;

import dev.routerls.mape.PortRange;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What is known per model and firmware revision (domain notes: vendor reference chapters 1, 15, 23 and
 * seed 002). Every answer is Optional: empty means "not known", and rules then report nothing rather
 * than guess. NVR510/NVR500 are not in the reference; only what the seed establishes is recorded.
 */
public final class ModelFacts {
    private ModelFacts() {
    }

    /** Highest tunnel number per model (lowest is 1). */
    private static final Map<String, Integer> MAX_TUNNEL = Map.of(
            "RTX830", 20, "RTX840", 20,
            "RTX1210", 100, "RTX1220", 100, "RTX1300", 100,
            "RTX3500", 1000, "RTX3510", 1000, "RTX5000", 3000);

    /** Highest PP number per model. */
    private static final Map<String, Integer> MAX_PP = Map.of(
            "RTX830", 30, "RTX840", 30,
            "RTX1210", 100, "RTX1220", 100, "RTX1300", 100,
            "RTX3500", 150, "RTX3510", 150, "RTX5000", 150);

    /** Models whose port-saving masquerade is on by default (backward-compatibility defaults to 2). */
    private static final Set<String> PORT_SAVING = Set.of(
            "RTX1210", "RTX830", "NVR510", "RTX1220", "RTX840", "RTX1300", "RTX3510", "VRX");
    /** Models where it is off by default (RTX5000/RTX3500) or absent (NVR500 Rev.11). */
    private static final Set<String> NO_PORT_SAVING_BY_DEFAULT = Set.of("RTX5000", "RTX3500", "NVR500");

    /** Models with native MAP-E on any firmware, and models without it on any firmware. */
    private static final Set<String> NATIVE_MAPE = Set.of("RTX1220", "RTX1300", "RTX840");
    private static final Set<String> NO_NATIVE_MAPE = Set.of("NVR500", "RTX1200", "RTX810");

    /** Descriptors one {@code ip IF nat descriptor} line may list. */
    public static final int MAX_NAT_DESCRIPTORS_PER_INTERFACE = 16;

    static String key(String model) {
        return model == null ? "" : model.trim().toUpperCase(Locale.ROOT);
    }

    public static Optional<Integer> maxTunnel(String model) {
        return Optional.ofNullable(MAX_TUNNEL.get(key(model)));
    }

    public static Optional<Integer> maxPp(String model) {
        return Optional.ofNullable(MAX_PP.get(key(model)));
    }

    /** True when the model runs port-saving masquerade unless {@code backward-compatibility 1} is set. */
    public static Optional<Boolean> portSavingByDefault(String model) {
        String k = key(model);
        if (PORT_SAVING.contains(k)) return Optional.of(true);
        if (NO_PORT_SAVING_BY_DEFAULT.contains(k)) return Optional.of(false);
        return Optional.empty();
    }

    /** Whether {@code tunnel encapsulation map-e} exists on this model/firmware. */
    public static Optional<Boolean> nativeMapE(String model, String revision) {
        String k = key(model);
        if (NATIVE_MAPE.contains(k)) return Optional.of(true);
        if (NO_NATIVE_MAPE.contains(k)) return Optional.of(false);
        Optional<Revision> rev = Revision.parse(revision);
        if (k.equals("RTX1210")) return rev.map(r -> r.atLeast("14.01.34"));
        if (k.equals("RTX830")) return rev.map(r -> r.atLeast("15.02.10"));
        return Optional.empty();
    }

    /** The first revision that has native MAP-E, for messages. */
    public static Optional<String> nativeMapESince(String model) {
        return switch (key(model)) {
            case "RTX1210" -> Optional.of("Rev.14.01.34");
            case "RTX830" -> Optional.of("Rev.15.02.10");
            default -> Optional.empty();
        };
    }

    /** How many ranges {@code nat descriptor masquerade port range} accepts on this model/firmware. */
    public static Optional<Integer> maxPortRanges(String model, String revision) {
        String k = key(model);
        Optional<Revision> rev = Revision.parse(revision);
        if (rev.isEmpty()) return Optional.empty();
        Revision r = rev.get();
        if (r.atLeast("15.04")) return Optional.of(64);
        if (k.equals("RTX1210")) return Optional.of(r.atLeast("14.01.34") ? 64 : r.atLeast("14.01.26") ? 16 : 4);
        if (k.equals("RTX830")) return Optional.of(r.atLeast("15.02.10") ? 64 : r.atLeast("15.02.03") ? 16 : 4);
        // reference 23.11: 64 from Rev.14.00.32, 4 up to Rev.14.00.29 (nothing is said of 14.00.30/31)
        if (k.equals("RTX5000") || k.equals("RTX3500")) {
            return r.atLeast("14.00.32") ? Optional.of(64) : r.atLeast("14.00.30") ? Optional.empty() : Optional.of(4);
        }
        return Optional.empty();
    }

    /**
     * The ports masquerade uses when {@code nat descriptor masquerade port range} is not set: on the Rev.14.01
     * line and later 60000-64095, 49152-59999, 44096-49151 (reference 23.11). Earlier lines set them by the
     * maximum port count, which the config does not say, so they are not known.
     */
    public static Optional<List<PortRange>> defaultMasqueradePorts(String revision) {
        Optional<Revision> rev = Revision.parse(revision);
        if (rev.isEmpty() || !rev.get().atLeast("14.01")) return Optional.empty();
        return Optional.of(List.of(new PortRange(60000, 64095), new PortRange(49152, 59999), new PortRange(44096, 49151)));
    }

    /** A firmware revision such as 15.01.24, compared part by part. */
    public record Revision(int[] parts) {
        public static Optional<Revision> parse(String s) {
            if (s == null || s.isBlank()) return Optional.empty();
            String t = s.trim();
            if (t.regionMatches(true, 0, "rev.", 0, 4)) t = t.substring(4);
            String[] ps = t.split("\\.");
            int[] out = new int[ps.length];
            try {
                for (int i = 0; i < ps.length; i++) out[i] = Integer.parseInt(ps[i]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return Optional.of(new Revision(out));
        }

        public boolean atLeast(String other) {
            int[] o = parse(other).orElseThrow().parts;
            for (int i = 0; i < Math.max(parts.length, o.length); i++) {
                int a = i < parts.length ? parts[i] : 0, b = i < o.length ? o[i] : 0;
                if (a != b) return a > b;
            }
            return true;
        }
    }
}
