package dev.routerls.services.trace;

import dev.routerls.core.LanguageId;
import dev.routerls.services.feature.LanguageSupport;

import java.util.List;

/** Which languages the packet trace serves, and with which participant. */
public final class TraceLanguages {
    private TraceLanguages() {
    }

    public static List<LanguageSupport> supports() {
        return List.of(
                new LanguageSupport(List.of(LanguageId.YAMAHA_RTX), List.of(new YamahaTracing())),
                new LanguageSupport(List.of(LanguageId.OPENWRT_FIREWALL_USER, LanguageId.OPENWRT_NFTABLES),
                        List.of(OpenWrtTracing.withSnatLenses())),
                new LanguageSupport(List.of(LanguageId.OPENWRT_UCI), List.of(OpenWrtTracing.withoutLenses())));
    }
}
