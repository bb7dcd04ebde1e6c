package dev.routerls.core;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the user told us: the YAMAHA model (overrides the config header), the OpenWrt release
 * (overrides openwrt_release), and per-rule severities where "off" disables a rule.
 * The same settings serve the CLI flags, LSP initializationOptions and .routerls.json.
 */
public record AnalysisSettings(String yamahaModel, String openwrtRelease, Map<String, String> ruleSeverity) {

    public static final AnalysisSettings DEFAULT = new AnalysisSettings(null, null, Map.of());

    public AnalysisSettings {
        ruleSeverity = ruleSeverity == null ? Map.of() : Map.copyOf(ruleSeverity);
    }

    public Optional<String> model() {
        return Optional.ofNullable(yamahaModel).filter(s -> !s.isBlank());
    }

    public Optional<String> release() {
        return Optional.ofNullable(openwrtRelease).filter(s -> !s.isBlank());
    }

    public boolean enabled(String ruleId) {
        String s = ruleSeverity.get(ruleId);
        return s == null || !s.trim().toLowerCase(Locale.ROOT).equals("off");
    }

    /** The diagnostic with the user's severity for its rule, if one is set. */
    public Diagnostic apply(Diagnostic d) {
        String s = ruleSeverity.get(d.ruleId());
        if (s == null) return d;
        try {
            return d.withSeverity(Severity.parse(s));
        } catch (IllegalArgumentException e) {
            return d;
        }
    }

    public AnalysisSettings withModel(String model) {
        return new AnalysisSettings(model, openwrtRelease, ruleSeverity);
    }
}
