package dev.routerls.services;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.core.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.openwrt.router.Router;
import dev.routerls.analysis.YamahaAnalyzer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's use of the one analysis engine. OpenWrt routers go through {@link Analyzer#analyze};
 * a YAMAHA file goes to the same {@link Analyzer#yamaha()} instance that {@code analyze} would use, and
 * the full result (model and parsed lines, not only the findings) is kept per document so that
 * completion, hover and navigation read the very analysis the diagnostics came from.
 * The YAMAHA analyser re-parses only lines whose text changed, so a keystroke does not re-parse the file.
 */
public final class AnalysisEngine implements DiagnosticsScheduler.Engine {
    private record Kept(String text, AnalysisSettings settings, YamahaAnalyzer.Result result) {
    }

    private final Analyzer analyzer;
    /** Results kept for the most recently used documents; older ones are recomputed on demand (lines stay cached). */
    static final int KEPT_RESULTS = 12;

    private final Map<String, Kept> yamaha = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > KEPT_RESULTS;
        }
    });

    public AnalysisEngine(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Map<String, List<Diagnostic>> analyze(List<SourceFile> files, AnalysisSettings settings) {
        // the engine's own dispatch, fed with the results and routers kept here, so completion and hover
        // then read the very models these diagnostics came from
        return analyzer.analyze(files, settings, f -> yamaha(f.uri(), f.text(), settings),
                (group, routerFiles) -> openwrt(group, routerFiles, settings));
    }

    /** The analysis of this exact text, reused when the document has not changed since. */
    public YamahaAnalyzer.Result yamaha(String uri, String text, AnalysisSettings settings) {
        Kept k = yamaha.get(uri);
        if (k != null && k.text() == text && k.settings().equals(settings)) return k.result();
        YamahaAnalyzer.Result r = analyzer.yamaha().analyze(uri, text, settings);
        Kept mine = new Kept(text, settings, r);
        // keep the newest text if two threads raced (a feature request and the scheduler)
        yamaha.merge(uri, mine, (old, neu) -> old.text() == text ? old : neu);
        return r;
    }

    /**
     * The last result kept for the document, whatever text it was computed from (may be a keystroke or
     * two old): completion right after an edit reads ids and contexts from it instead of waiting.
     */
    public java.util.Optional<YamahaAnalyzer.Result> lastYamaha(String uri) {
        Kept k = yamaha.get(uri);
        if (k == null) return java.util.Optional.empty();
        return java.util.Optional.of(k.result());
    }

    /** True when the kept result was computed from exactly this text with these settings. */
    public boolean isCurrent(String uri, String text, AnalysisSettings settings) {
        Kept k = yamaha.get(uri);
        return k != null && k.text() == text && k.settings().equals(settings);
    }

    private record KeptRouter(List<String> uris, List<String> texts, AnalysisSettings settings, Router router) {
        boolean sameAs(List<SourceFile> files, AnalysisSettings s) {
            if (files.size() != texts.size() || !settings.equals(s)) return false;
            for (int i = 0; i < files.size(); i++) {
                if (!files.get(i).uri().equals(uris.get(i)) || files.get(i).text() != texts.get(i)) return false;
            }
            return true;
        }
    }

    /** The latest router read per group (router root URI, or a lone document's URI). */
    private final Map<String, KeptRouter> routers = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The model of an OpenWrt router (or of a lone UCI file or script), read by the same reader the
     * OpenWrt analysis uses; diagnostics and editor features share it while none of its files changes.
     * {@code group} must be {@link Analyzer#routerKey} of the files.
     */
    public Router openwrt(String group, List<SourceFile> files, AnalysisSettings settings) {
        KeptRouter k = routers.get(group);
        if (k != null && k.sameAs(files, settings)) return k.router();
        Router r = analyzer.openwrt().read(files, settings);
        routers.put(group, new KeptRouter(files.stream().map(SourceFile::uri).toList(),
                files.stream().map(SourceFile::text).toList(), settings, r));
        return r;
    }

    /**
     * A document was closed: its kept result goes, and so does its group's router when no document of
     * the group is open any more ({@code openGroups}: the groups still open).
     */
    public void forget(String uri, String group, java.util.Collection<String> openGroups) {
        yamaha.remove(uri);
        if (!openGroups.contains(group)) routers.remove(group);
    }

    /** How many routers are kept (one per group with open documents). */
    int keptRouters() {
        return routers.size();
    }
}
