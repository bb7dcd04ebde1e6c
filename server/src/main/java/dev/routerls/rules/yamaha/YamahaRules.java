package dev.routerls.rules.yamaha;

import dev.routerls.rules.Rule;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;

import java.util.List;

/** The YAMAHA rules, in the order they run. */
public final class YamahaRules {
    private YamahaRules() {
    }

    private static final List<Rule<YamahaConfig>> RULES = List.of(
            new SyntaxRule(),
            new ModelUnsupportedRule(),
            new ModelNotListedRule(),
            new NatOuterProxyArpRule(),
            new NatBackwardCompatibilityRule(),
            new NatStaticNeedsOuterRule(),
            new NatStaticRangeRule(),
            new NatSettingsUnusedRule(),
            new MapePortRangeRule(),
            new UndefinedReferenceRule(),
            new UnusedDefinitionRule(),
            new SubnetOverlapRule(),
            new RouteGatewaySelfRule(),
            new FilterShadowedRule(),
            new TemplateMismatchRule(),
            new LimitRule(),
            new PlaintextSecretRule(),
            new TemplatePlaceholderRule(),
            new PastedNoteRule(),
            new CommentedCommandsRule());

    /** The rule objects, for the analyzer. */
    public static List<Rule<YamahaConfig>> rules() {
        return RULES;
    }

    public static List<RuleInfo> infos() {
        return RULES.stream().map(Rule::info).toList();
    }
}
