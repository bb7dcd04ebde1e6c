package dev.routerls.services;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.analysis.Analyzer;
import dev.routerls.analysis.SourceFile;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.openwrt.router.Router;
import dev.routerls.yamaha.YamahaAnalyzer;

import java.util.ArrayList;
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
        Map<String, List<Diagnostic>> out = new LinkedHashMap<>();
        List<SourceFile> rest = new ArrayList<>();
        for (SourceFile f : files) {
            if (f.language() == LanguageId.YAMAHA_RTX) {
                out.put(f.uri(), yamaha(f.uri(), f.text(), settings).diagnostics());
            } else {
                rest.add(f);
            }
        }
        if (!rest.isEmpty()) out.putAll(analyzer.analyze(rest, settings));
        return out;
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

    private final Map<String, KeptRouter> routers = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The model of an OpenWrt router (or of a lone UCI file or script), read by the same reader the
     * OpenWrt analysis uses; kept per group while none of its files changes.
     */
    public Router openwrt(String group, List<SourceFile> files, AnalysisSettings settings) {
        KeptRouter k = routers.get(group);
        if (k != null && k.sameAs(files, settings)) return k.router();
        Router r = analyzer.openwrt().read(files, settings);
        routers.put(group, new KeptRouter(files.stream().map(SourceFile::uri).toList(),
                files.stream().map(SourceFile::text).toList(), settings, r));
        return r;
    }

    /** A document was closed: its kept result goes. */
    public void forget(String uri) {
        yamaha.remove(uri);
        routers.remove(uri);
    }
}
