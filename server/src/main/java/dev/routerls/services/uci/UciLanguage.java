package dev.routerls.services.uci;

import dev.routerls.core.LanguageId;
import dev.routerls.services.feature.LanguageSupport;
import dev.routerls.services.mape.SnatActions;

import java.util.List;

/** The editor features of OpenWrt UCI files, read from the router the file belongs to. */
public final class UciLanguage {
    private UciLanguage() {
    }

    public static LanguageSupport support(SnatActions snat) {
        return new LanguageSupport(List.of(LanguageId.OPENWRT_UCI), List.of(
                new UciCompletion(),
                new UciHover(),
                new UciNavigation(),
                new UciRename(),
                new UciOutline(),
                new MapInterfaceHints(),
                new UciSemanticTokens(),
                new UciLinks(),
                new UciSelectionRanges(),
                snat));
    }
}
