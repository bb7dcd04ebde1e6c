package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;

/** Common base: a YAMAHA rule is a {@link Rule} over {@link YamahaConfig} with a fixed {@link RuleInfo}. */
abstract class YamahaRule implements Rule<YamahaConfig> {
    private final RuleInfo info;

    YamahaRule(String id, Severity severity, String summary) {
        this.info = new RuleInfo(id, severity, summary);
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    /** "NVR510" or "this model" for messages. */
    static String modelName(YamahaConfig m) {
        return m.model().orElse("this model") + m.revision().map(r -> " Rev." + r).orElse("");
    }
}
