package dev.routerls.analysis;

import dev.routerls.rules.RuleInfo;
import dev.routerls.rules.openwrt.OpenWrtRules;
import dev.routerls.rules.yamaha.YamahaRules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule routerls knows, with its metadata: the YAMAHA rules, the OpenWrt rules (each language keeps
 * its own ordered list, {@link YamahaRules} and {@link OpenWrtRules}), the settings file's rules
 * ({@link SettingsSyntaxRule}, {@link IgnoredSettingRule}) and {@code routerls/internal}. Ids are
 * stable because users disable and re-grade rules by id; everything that lists or documents rules reads it here.
 */
public final class RuleRegistry {
    private static final List<RuleInfo> ALL;
    private static final Map<String, RuleInfo> BY_ID;

    static {
        List<RuleInfo> all = new ArrayList<>(YamahaRules.infos());
        all.addAll(OpenWrtRules.infos());
        all.add(SettingsSyntaxRule.INFO);
        all.add(IgnoredSettingRule.INFO);
        all.add(Suppressions.UNUSED);
        all.add(InternalFailure.INFO);
        all.add(AnalysisStopped.INFO);
        Map<String, RuleInfo> byId = new LinkedHashMap<>();
        for (RuleInfo r : all) {
            if (byId.put(r.id(), r) != null) throw new IllegalStateException("rule id registered twice: " + r.id());
        }
        ALL = List.copyOf(all);
        BY_ID = Collections.unmodifiableMap(byId);
    }

    private RuleRegistry() {
    }

    public static List<RuleInfo> all() {
        return ALL;
    }

    public static Optional<RuleInfo> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
