package dev.routerls.services;

import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.services.mape.SnatActions;
import dev.routerls.services.uci.FirewallUserFeatures;
import dev.routerls.services.uci.UciFeatures;
import dev.routerls.services.uci.UciRouterView;
import dev.routerls.services.yamaha.YamahaFeatures;
import dev.routerls.yamaha.YamahaAnalyzer;
import dev.routerls.yamaha.catalog.CommandCatalog;

import java.util.List;
import java.util.Optional;

/**
 * The editor features for every language, by document URI and 0-based line/column: picks the document's
 * model (the YAMAHA analysis result, or the router's UCI files) and hands it to the language's feature
 * class. Documents that are not open, and positions outside the text, give empty results, not errors.
 */
public final class LanguageFeatures {
    private final Workspace workspace;
    private final DiagnosticsScheduler diagnostics;
    private final AnalysisEngine engine;
    private final UciFeatures uci = new UciFeatures();
    private final FirewallUserFeatures firewallUser = new FirewallUserFeatures();
    private final YamahaFeatures yamaha = new YamahaFeatures(CommandCatalog.standard());
    private final SnatActions snat = new SnatActions();

    public LanguageFeatures(Workspace workspace, DiagnosticsScheduler diagnostics, AnalysisEngine engine) {
        this.workspace = workspace;
        this.diagnostics = diagnostics;
        this.engine = engine;
    }

    private Optional<Document> doc(String uri, LanguageId language) {
        return workspace.documents().get(uri).filter(d -> d.language() == language);
    }

    private UciRouterView router(Document d) {
        String group = workspace.groupOf(d);
        return new UciRouterView(engine.openwrt(group, workspace.snapshot(group).files(), workspace.settings()));
    }

    /** The YAMAHA analysis of the document's current text (kept from the last run when unchanged). */
    private Optional<YamahaAnalyzer.Result> yamaha(String uri) {
        return doc(uri, LanguageId.YAMAHA_RTX).map(d -> engine.yamaha(uri, d.text(), workspace.settings()));
    }

    private static boolean inside(Document d, int line, int column) {
        return line >= 0 && column >= 0 && line < d.lines().lineCount();
    }

    private Optional<Document> at(String uri, int line, int column) {
        return workspace.documents().get(uri).filter(d -> inside(d, line, column));
    }

    public List<CompletionEntry> complete(String uri, int line, int column) {
        Optional<Document> d = at(uri, line, column);
        if (d.isEmpty()) return List.of();
        return switch (d.get().language()) {
            case YAMAHA_RTX -> completeYamaha(d.get(), line, column);
            case OPENWRT_UCI -> uci.complete(router(d.get()), uri, d.get().lines().line(line), line, column);
            default -> List.of();
        };
    }

    /** Completion must not wait for a re-analysis after each keystroke: a result one edit old serves. */
    private List<CompletionEntry> completeYamaha(Document d, int line, int column) {
        if (!engine.isCurrent(d.uri(), d.text(), workspace.settings())) {
            Optional<YamahaAnalyzer.Result> last = engine.lastYamaha(d.uri());
            if (last.isPresent()) return yamaha.completeOnEditedLine(last.get(), d.lines().line(line), line, column);
        }
        return yamaha(d.uri()).map(r -> yamaha.complete(r, line, column)).orElse(List.of());
    }

    public Optional<HoverText> hover(String uri, int line, int column) {
        Optional<Document> d = at(uri, line, column);
        if (d.isEmpty()) return Optional.empty();
        return switch (d.get().language()) {
            case YAMAHA_RTX -> yamaha(uri).flatMap(r -> yamaha.hover(r, line, column));
            case OPENWRT_UCI -> uci.hover(router(d.get()), uri, line, column);
            case OPENWRT_FIREWALL_USER -> firewallUser.hover(router(d.get()), uri, line, column);
            default -> Optional.empty();
        };
    }

    public List<Location> definition(String uri, int line, int column) {
        Optional<Document> d = at(uri, line, column);
        if (d.isEmpty()) return List.of();
        return switch (d.get().language()) {
            case YAMAHA_RTX -> yamaha(uri).map(r -> yamaha.definition(r, uri, line, column)).orElse(List.of());
            case OPENWRT_UCI -> uci.definition(router(d.get()), uri, line, column);
            case OPENWRT_FIREWALL_USER -> firewallUser.definition(router(d.get()), uri, line, column);
            default -> List.of();
        };
    }

    public List<Location> references(String uri, int line, int column, boolean includeDeclaration) {
        Optional<Document> d = at(uri, line, column);
        if (d.isEmpty()) return List.of();
        return switch (d.get().language()) {
            case YAMAHA_RTX -> yamaha(uri).map(r -> yamaha.references(r, uri, line, column, includeDeclaration)).orElse(List.of());
            case OPENWRT_UCI -> uciReferences(d.get(), line, column, includeDeclaration);
            default -> List.of();
        };
    }

    /** References in the UCI files, plus the router script's uses of an interface's device. */
    private List<Location> uciReferences(Document d, int line, int column, boolean includeDeclaration) {
        UciRouterView router = router(d);
        List<Location> out = new java.util.ArrayList<>(uci.references(router, d.uri(), line, column, includeDeclaration));
        uci.interfaceAt(router, d.uri(), line, column).ifPresent(iface -> out.addAll(firewallUser.deviceUses(router.router(), iface)));
        return out;
    }

    /** The edits that rename the symbol at the position, or empty when nothing renameable is there. */
    public Optional<List<TextEdit>> rename(String uri, int line, int column, String newName) {
        Optional<Document> d = at(uri, line, column);
        if (d.isEmpty()) return Optional.empty();
        return switch (d.get().language()) {
            case YAMAHA_RTX -> yamaha(uri).flatMap(r -> yamaha.rename(r, uri, d.get().text(), d.get().lines(), line, column, newName));
            case OPENWRT_UCI -> uciRename(d.get(), line, column, newName);
            default -> Optional.empty();
        };
    }

    /**
     * Renames in the UCI files and, for an interface, the script's uses of its device too.
     * @throws RenameRefusedException when the script names the device in a way the edit cannot follow
     */
    private Optional<List<TextEdit>> uciRename(Document d, int line, int column, String newName) {
        UciRouterView router = router(d);
        Optional<List<TextEdit>> edits = uci.rename(router, d.uri(), line, column, newName);
        if (edits.isEmpty()) return edits;
        Optional<String> iface = uci.interfaceAt(router, d.uri(), line, column);
        if (iface.isEmpty()) return edits;
        List<TextEdit> all = new java.util.ArrayList<>(edits.get());
        all.addAll(firewallUser.renameDeviceUses(router.router(), iface.get(), newName));
        return Optional.of(all);
    }

    public List<OutlineSymbol> outline(String uri) {
        Optional<Document> d = workspace.documents().get(uri);
        if (d.isEmpty()) return List.of();
        return switch (d.get().language()) {
            case YAMAHA_RTX -> yamaha(uri).map(yamaha::outline).orElse(List.of());
            case OPENWRT_UCI -> router(d.get()).file(uri).map(uci::outline).orElse(List.of());
            default -> List.of();
        };
    }

    public List<FoldRange> folding(String uri) {
        Optional<Document> d = workspace.documents().get(uri);
        if (d.isEmpty()) return List.of();
        return switch (d.get().language()) {
            case YAMAHA_RTX -> yamaha(uri).map(yamaha::folding).orElse(List.of());
            case OPENWRT_UCI -> router(d.get()).file(uri).map(uci::folding).orElse(List.of());
            default -> List.of();
        };
    }

    /**
     * Every code action at the range: the quick fixes of the findings there (their edits made exact for
     * an editor: the document's line endings, no position past the end), and on OpenWrt documents the
     * MAP-E SNAT actions.
     */
    public List<EditorAction> codeActions(String uri, SourceRange range) {
        Optional<Document> d = workspace.documents().get(uri);
        if (d.isEmpty() || range == null) return List.of();
        List<dev.routerls.core.Diagnostic> latest = diagnostics.latest(uri);
        List<EditorAction> out = new java.util.ArrayList<>();
        Workspace.Snapshot snapshot = workspace.snapshot(workspace.groupOf(d.get()));
        java.util.Set<List<TextEdit>> offered = new java.util.HashSet<>();
        java.util.Set<List<TextEdit>> offeredExact = new java.util.HashSet<>();
        for (QuickFix f : QuickFixes.at(latest, range)) {
            // several findings may share one fix (one assignment feeding many rules): offer it once
            if (!offered.add(f.edits())) continue;
            List<TextEdit> edits = exact(f.edits(), snapshot);
            offeredExact.add(edits);
            out.add(new EditorAction(f.title(), true, f.diagnostic(), edits, List.of()));
        }
        if (d.get().language() == LanguageId.OPENWRT_UCI || d.get().language() == LanguageId.OPENWRT_FIREWALL_USER) {
            for (EditorAction a : snat.at(router(d.get()).router(), uri, range, latest)) {
                // the replacement of a SNAT loop is also the quick fix of its findings: offer it once, as that
                if (a.newFiles().isEmpty() && !offeredExact.add(a.edits())) continue;
                out.add(a);
            }
        }
        return out;
    }

    /** Edits with each document's own line ending and positions clamped into it. */
    private List<TextEdit> exact(List<TextEdit> edits, Workspace.Snapshot snapshot) {
        java.util.Map<String, List<TextEdit>> byUri = new java.util.LinkedHashMap<>();
        for (TextEdit e : edits) byUri.computeIfAbsent(e.uri(), k -> new java.util.ArrayList<>()).add(e);
        List<TextEdit> out = new java.util.ArrayList<>();
        byUri.forEach((u, list) -> {
            Optional<String> text = workspace.documents().get(u).map(Document::text)
                    .or(() -> snapshot.files().stream().filter(f -> f.uri().equals(u)).map(f -> f.text()).findFirst());
            out.addAll(text.map(t -> dev.routerls.fixes.DocumentEdits.exact(t, list)).orElse(list));
        });
        return out;
    }

    public List<QuickFix> quickFixes(String uri, SourceRange range) {
        if (workspace.documents().get(uri).isEmpty() || range == null) return List.of();
        return QuickFixes.at(diagnostics.latest(uri), range);
    }
}
