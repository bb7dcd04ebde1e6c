package dev.routerls.rules.yamaha;

import dev.routerls.rules.BaseRule;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;

/** A rule over a {@link YamahaConfig}, with the message helpers YAMAHA rules share. */
abstract class YamahaRule extends BaseRule<YamahaConfig> {

    YamahaRule(RuleInfo info) {
        super(info);
    }

    /** "NVR510" or "this model" for messages. */
    static String modelName(YamahaConfig m) {
        return m.model().orElse("this model") + m.revision().map(r -> " Rev." + r).orElse("");
    }
}
