package dev.routerls.yamaha.catalog;

import dev.routerls.core.BoundedCache;

import java.util.List;
import java.util.Locale;

/**
 * The router models the command reference covers, and how to recognise their names in the reference's
 * extracted text (where page numbers are sometimes glued to them, e.g. "RTX830406 | ...").
 */
final class ModelNames {
    /** Longest names first so that prefix matching picks RTX1210 before RTX12. */
    static final List<String> CATALOG_MODELS = List.of(
            "RTX5000", "RTX3510", "RTX3500", "RTX1300", "RTX1220", "RTX1210", "RTX840", "RTX830", "vRX");

    private ModelNames() {
    }

    /** The catalog model a reference model entry names, or null ("vRX シリーズ" and "vRX ... 版" → vRX). */
    static String fromReference(String raw) {
        String s = raw.strip();
        if (s.startsWith("vRX")) {
            // only the whole series is a model name we can compare with a header; variants are not
            return s.startsWith("vRX シリーズ") ? "vRX" : null;
        }
        for (String m : CATALOG_MODELS) {
            if (s.startsWith(m)) return m;
        }
        return null;
    }

    /** Canonical spelling of a model given by a config header or by the user, or the input upper-cased. */
    // asked for every line of a config: each spelling is worked out once
    private static final BoundedCache<String, String> CANONICAL = new BoundedCache<>(1024);

    static String canonical(String model) {
        if (model == null) return null;
        return CANONICAL.get(model, () -> work(model));
    }

    private static String work(String model) {
        String s = model.strip();
        for (String m : CATALOG_MODELS) {
            if (m.equalsIgnoreCase(s)) return m;
        }
        return s.toUpperCase(Locale.ROOT);
    }
}
