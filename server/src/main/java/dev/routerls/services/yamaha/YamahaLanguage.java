package dev.routerls.services.yamaha;

import dev.routerls.core.LanguageId;
import dev.routerls.services.feature.LanguageSupport;
import dev.routerls.yamaha.catalog.CommandCatalog;

import java.util.List;

/** The editor features of YAMAHA RTX/NVR configs, each read from the document's analysis and the command catalog. */
public final class YamahaLanguage {
    private YamahaLanguage() {
    }

    public static LanguageSupport support(CommandCatalog catalog) {
        YamahaOutline outline = new YamahaOutline(catalog);
        return new LanguageSupport(List.of(LanguageId.YAMAHA_RTX), List.of(
                new YamahaCompletion(catalog),
                new YamahaHover(catalog),
                new YamahaNavigation(),
                outline,
                new YamahaInlayHints(),
                new YamahaSemanticTokens(catalog),
                new YamahaLinks(),
                new YamahaSelectionRanges(outline)));
    }
}
