package dev.routerls.analysis;

import dev.routerls.core.AnalysisBudget;
import dev.routerls.core.SourceFile;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.Diagnostic;
import dev.routerls.openwrt.router.Router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The one engine behind the CLI and the language server: YAMAHA files are analysed one by one,
 * OpenWrt files router by router (their rules cross files), a {@code .routerls.json} for its own mistakes.
 * Returns findings per document URI.
 */
public final class Analyzer {
    private final YamahaAnalyzer yamaha;
    private final OpenWrtAnalyzer openwrt;
    private final Duration budget;

    public Analyzer() {
        this(new OpenWrtAnalyzer());
    }

    public Analyzer(OpenWrtAnalyzer openwrt) {
        this(openwrt, AnalysisBudget.DEFAULT);
    }

    /** {@code budget}: how long one {@link #analyze} call may take before unfinished parts are skipped (and reported). */
    public Analyzer(OpenWrtAnalyzer openwrt, Duration budget) {
        this(new YamahaAnalyzer(), openwrt, budget);
    }

    private Analyzer(YamahaAnalyzer yamaha, OpenWrtAnalyzer openwrt, Duration budget) {
        this.yamaha = yamaha;
        this.openwrt = openwrt;
        this.budget = budget;
    }

    /** For files analysed once each, as a batch lint does (no document kept for a re-read). */
    public static Analyzer readingEachOnce() {
        return new Analyzer(YamahaAnalyzer.readingEachOnce(), new OpenWrtAnalyzer(), AnalysisBudget.DEFAULT);
    }

    public Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings) {
        return analyze(files, settings, f -> yamaha.analyze(f.uri(), f.text(), settings),
                (key, router) -> openwrt.read(router, settings), Cancellation.NONE);
    }

    /** As {@link #analyze(List, AnalysisSettings)}, keeping the findings inline suppressions silenced apart. */
    public Map<String, Suppressions.Result> analyzeDetailed(List<SourceFile> files, AnalysisSettings settings,
                                                            Function<SourceFile, YamahaAnalyzer.Result> yamahaResults) {
        return analyzeDetailed(files, settings, yamahaResults, (key, router) -> openwrt.read(router, settings), Cancellation.NONE);
    }

    /**
     * The same dispatch with the models supplied by the caller: the language server passes results and
     * routers it keeps per document version, so diagnostics and editor features share one analysis.
     * {@code routers} gets each router's key ({@link #routerKey}) and files; {@code cancel} is looked at
     * between files and rules (the suppliers take their own).
     */
    public Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings,
                                                 Function<SourceFile, YamahaAnalyzer.Result> yamahaResults,
                                                 BiFunction<String, List<SourceFile>, Router> routers,
                                                 Cancellation cancel) {
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        analyzeDetailed(files, settings, yamahaResults, routers, cancel).forEach((uri, r) -> out.put(uri, r.kept()));
        return out;
    }

    /**
     * The dispatch itself: findings per document, then each document's inline suppressions
     * ({@link Suppressions}) applied to its own findings; {@code cancel} is looked at between files and rules.
     */
    public Map<String, Suppressions.Result> analyzeDetailed(List<SourceFile> files, AnalysisSettings settings,
                                                            Function<SourceFile, YamahaAnalyzer.Result> yamahaResults,
                                                            BiFunction<String, List<SourceFile>, Router> routers,
                                                            Cancellation cancel) {
        return AnalysisBudget.within(budget, () -> dispatch(files, settings, yamahaResults, routers, cancel));
    }

    private Map<String, Suppressions.Result> dispatch(List<SourceFile> files, AnalysisSettings settings,
                                                      Function<SourceFile, YamahaAnalyzer.Result> yamahaResults,
                                                      BiFunction<String, List<SourceFile>, Router> routers,
                                                      Cancellation cancel) {
        Map<String, List<Diagnostic>> result = new LinkedHashMap<>();
        Map<String, List<SourceFile>> groups = new LinkedHashMap<>();
        for (SourceFile f : files) {
            cancel.check();
            result.computeIfAbsent(f.uri(), k -> new ArrayList<>());
            switch (f.language()) {
                case YAMAHA_RTX -> result.get(f.uri()).addAll(yamahaResults.apply(f).diagnostics());
                case OPENWRT_UCI, OPENWRT_FIREWALL_USER, OPENWRT_NFTABLES ->
                        groups.computeIfAbsent(routerKey(f), k -> new ArrayList<>()).add(f);
                case UNKNOWN -> {
                    if (SettingsFile.isSettingsFile(f.uri())) {
                        for (Diagnostic d : SettingsFile.read(f.text()).findings(f.uri())) {
                            if (settings.enabled(d.ruleId())) result.get(f.uri()).add(settings.apply(d));
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, List<SourceFile>> g : groups.entrySet()) {
            Router router = routers.apply(g.getKey(), g.getValue());
            openwrt.analyze(router, g.getValue().get(0).uri(), settings, cancel).forEach((uri, diags) ->
                    result.computeIfAbsent(uri, k -> new ArrayList<>()).addAll(diags));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (SourceFile f : files) texts.put(f.uri(), f.text());
        Map<String, Suppressions.Result> out = new LinkedHashMap<>();
        result.forEach((uri, diags) -> {
            String text = texts.get(uri);
            out.put(uri, text == null ? new Suppressions.Result(diags, List.of())
                    : Suppressions.apply(uri, text, diags, id -> RuleRegistry.find(id).isPresent(), settings));
        });
        return out;
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
}
