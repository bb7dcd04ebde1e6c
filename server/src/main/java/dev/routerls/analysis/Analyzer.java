package dev.routerls.analysis;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.openwrt.OpenWrtAnalyzer;
import dev.routerls.yamaha.YamahaAnalyzer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one engine behind the CLI and the language server: YAMAHA files are analysed one by one,
 * OpenWrt files router by router (their rules cross files). Returns findings per document URI.
 */
public final class Analyzer {
    private final YamahaAnalyzer yamaha = new YamahaAnalyzer();
    private final OpenWrtAnalyzer openwrt;

    public Analyzer() {
        this(new OpenWrtAnalyzer());
    }

    public Analyzer(OpenWrtAnalyzer openwrt) {
        this.openwrt = openwrt;
    }

    public Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings) {
        Map<String, List<Diagnostic>> result = new LinkedHashMap<>();
        Map<String, List<SourceFile>> routers = new LinkedHashMap<>();
        for (SourceFile f : files) {
            result.computeIfAbsent(f.uri(), k -> new ArrayList<>());
            switch (f.language()) {
                case YAMAHA_RTX -> result.get(f.uri()).addAll(yamaha.analyze(f.uri(), f.text(), settings).diagnostics());
                case OPENWRT_UCI, OPENWRT_FIREWALL_USER, OPENWRT_NFTABLES ->
                        routers.computeIfAbsent(routerKey(f), k -> new ArrayList<>()).add(f);
                case UNKNOWN -> { }
            }
        }
        for (List<SourceFile> router : routers.values()) {
            openwrt.analyze(router, settings).forEach((uri, diags) ->
                    result.computeIfAbsent(uri, k -> new ArrayList<>()).addAll(diags));
        }
        return result;
    }

    public YamahaAnalyzer yamaha() {
        return yamaha;
    }

    public OpenWrtAnalyzer openwrt() {
        return openwrt;
    }

    /** What an OpenWrt file is analysed with: its router root, or the file alone when it has none. */
    public static String routerKey(SourceFile f) {
        return f.routerRoot() == null ? f.uri() : f.routerRoot();
    }

    static boolean isOpenWrt(LanguageId l) {
        return l == LanguageId.OPENWRT_UCI || l == LanguageId.OPENWRT_FIREWALL_USER || l == LanguageId.OPENWRT_NFTABLES;
    }
}
