package dev.routerls.analysis;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

/**
 * {@code routerls/settings}: one entry of a {@code .routerls.json} that routerls ignores (a rule id it does
 * not know, a severity that is not one). Reported by {@link SettingsFile} on the entry.
 */
public final class IgnoredSettingRule {
    public static final RuleInfo INFO = RuleInfo.rule("routerls/settings", Severity.WARNING)
            .summary("a rule setting in .routerls.json that changes nothing: unknown rule id or severity")
            .rationale("""
                    A rule setting only takes effect when it names a rule routerls has and a severity it knows \
                    (error, warning, info, hint, or off). A misspelt id turns nothing off, so the findings the \
                    setting was meant to silence keep coming; a misspelt severity leaves the rule at its default. \
                    The rest of the file still applies. The message suggests the nearest known id; `routerls \
                    rules` lists them all.""")
            .bad(Example.settings("""
                    { "rules": { "yamaha/unused-definitions": "off", "yamaha/subnet-overlap": "loud" } }
                    """))
            .good(Example.settings("""
                    { "rules": { "yamaha/unused-definition": "off", "yamaha/subnet-overlap": "error" } }
                    """))
            .tags("routerls", "settings")
            .build();

    private IgnoredSettingRule() {
    }
}
