package dev.routerls.services.uci;

import dev.routerls.core.LanguageId;
import dev.routerls.services.feature.LanguageSupport;
import dev.routerls.services.mape.SnatActions;

import java.util.List;

/** The editor features of a router's firewall.user (and rc.local) script, read from the evaluated script. */
public final class FirewallUserLanguage {
    private FirewallUserLanguage() {
    }

    public static LanguageSupport support(SnatActions snat) {
        return new LanguageSupport(List.of(LanguageId.OPENWRT_FIREWALL_USER), List.of(
                new ScriptHover(),
                new ScriptNavigation(),
                new ScriptCompletion(),
                new ScriptOutline(),
                new SnatLoopHints(),
                new ScriptSemanticTokens(),
                snat));
    }
}
