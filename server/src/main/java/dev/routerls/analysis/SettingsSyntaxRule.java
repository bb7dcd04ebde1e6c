package dev.routerls.analysis;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

/**
 * {@code routerls/settings-syntax}: a {@code .routerls.json} that is not a JSON object, so none of it
 * applies. Reported by {@link SettingsFile} on the file itself (editor and analysis alike).
 */
public final class SettingsSyntaxRule {
    public static final RuleInfo INFO = RuleInfo.rule("routerls/settings-syntax", Severity.ERROR)
            .summary("a .routerls.json that is not one JSON object, so routerls ignores all of it")
            .rationale("""
                    A settings file is read whole or not at all: when it is not valid JSON, or not one object, \
                    routerls falls back to the default settings for every file under its folder. Rules the file \
                    turns off report again, severities it changes go back to their defaults, and the model or \
                    OpenWrt release it names is no longer assumed, which quietly changes the findings of every \
                    config there. A trailing comma or a comment, which JSON does not allow, is the usual cause.""")
            .bad(Example.settings("""
                    {
                      "rules": { "yamaha/unused-definition": "off", }
                    }
                    """))
            .good(Example.settings("""
                    {
                      "rules": { "yamaha/unused-definition": "off" }
                    }
                    """))
            .tags("routerls", "settings")
            .build();

    private SettingsSyntaxRule() {
    }
}
