package dev.routerls.services;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceFile;
import dev.routerls.openwrt.router.Router;
import dev.routerls.yamaha.DocumentLines;
import dev.routerls.services.feature.FeatureContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link FeatureContext} over one version of a document (open in the editor, or a router file read from
 * disk): the models come from the engine, keyed by this very text, so a request never answers from an
 * older version nor waits for a newer one.
 */
final class DocumentContext implements FeatureContext {
    private final Workspace workspace;
    private final AnalysisEngine engine;
    private final DiagnosticsScheduler scheduler;
    private final String uri;
    private final int version;
    private final String text;
    private final LanguageId language;
    private final LineIndex lines;
    private final String group;
    private final AnalysisSettings settings;
    private final Cancellation cancel;

    private DocumentContext(Workspace workspace, AnalysisEngine engine, DiagnosticsScheduler scheduler, String uri,
                            int version, String text, LanguageId language, LineIndex lines, String group, Cancellation cancel) {
        this.workspace = workspace;
        this.engine = engine;
        this.scheduler = scheduler;
        this.uri = uri;
        this.version = version;
        this.text = text;
        this.language = language;
        this.lines = lines;
        this.group = group;
        this.settings = workspace.settingsFor(group);
        this.cancel = cancel;
    }

    static DocumentContext of(Document d, Workspace ws, AnalysisEngine engine, DiagnosticsScheduler scheduler, Cancellation cancel) {
        return new DocumentContext(ws, engine, scheduler, d.uri(), d.version(), d.text(), d.language(), d.lines(),
                ws.groupOf(d), cancel);
    }

    /** A file of a router the editor has not opened (workspace symbols and diagnostics). */
    static DocumentContext ofFile(SourceFile f, String group, Workspace ws, AnalysisEngine engine,
                                  DiagnosticsScheduler scheduler, Cancellation cancel) {
        return new DocumentContext(ws, engine, scheduler, f.uri(), 0, f.text(), f.language(), new LineIndex(f.text()),
                group, cancel);
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public int version() {
        return version;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public LineIndex lines() {
        return lines;
    }

    @Override
    public LanguageId language() {
        return language;
    }

    @Override
    public AnalysisSettings settings() {
        return settings;
    }

    String group() {
        return group;
    }

    @Override
    public YamahaAnalyzer.Result yamaha() {
        if (language != LanguageId.YAMAHA_RTX) throw new IllegalStateException(uri + " is not a YAMAHA config");
        return engine.yamaha(uri, text, settings, cancel);
    }

    @Override
    public DocumentLines yamahaLines() {
        if (language != LanguageId.YAMAHA_RTX) throw new IllegalStateException(uri + " is not a YAMAHA config");
        return engine.yamahaLines(uri, lines, cancel);
    }

    @Override
    public Router router() {
        if (!language.isOpenWrt()) throw new IllegalStateException(uri + " is not an OpenWrt file");
        return engine.openwrt(group, files(), settings, cancel);
    }

    /** The group's files with this document at this context's text (the editor may already be further). */
    List<SourceFile> files() {
        List<SourceFile> out = new ArrayList<>();
        boolean mine = false;
        for (SourceFile f : workspace.snapshot(group).files()) {
            if (f.uri().equals(uri)) {
                out.add(f.text() == text ? f : new SourceFile(uri, text, f.language(), f.routerRoot()));
                mine = true;
            } else {
                out.add(f);
            }
        }
        if (!mine) {
            String root = group.equals(uri) ? null : group;
            out.add(new SourceFile(uri, text, language, root));
        }
        return out;
    }

    @Override
    public List<Diagnostic> diagnostics() {
        if (version > 0) {
            var published = scheduler.latest(uri, version);
            if (published.isPresent()) return published.get();
        }
        cancel.check();
        if (language == LanguageId.YAMAHA_RTX) return yamaha().diagnostics();
        return engine.analyze(files(), settings, cancel).getOrDefault(uri, List.of());
    }

    @Override
    public java.util.Optional<String> textOf(String other) {
        if (other.equals(uri)) return java.util.Optional.of(text);
        return workspace.snapshot(group).files().stream().filter(f -> f.uri().equals(other)).map(SourceFile::text).findFirst();
    }

    @Override
    public java.util.Map<String, Integer> versions() {
        java.util.Map<String, Integer> out = new java.util.HashMap<>(workspace.snapshot(group).openVersions());
        if (version > 0) out.put(uri, version);
        return out;
    }

    @Override
    public Cancellation cancellation() {
        return cancel;
    }
}
