package dev.routerls.services;

import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.services.uci.FirewallUserFeatures;
import dev.routerls.services.uci.UciFeatures;
import dev.routerls.services.uci.UciRouterView;

import java.util.List;
import java.util.Optional;

/**
 * The editor features for every language, by document URI and 0-based line/column. Documents that are
 * not open, and positions outside the text, give empty results rather than errors.
 */
public final class LanguageFeatures {
    private final Workspace workspace;
    private final DiagnosticsScheduler diagnostics;
    private final UciFeatures uci = new UciFeatures();
    private final FirewallUserFeatures firewallUser = new FirewallUserFeatures();

    public LanguageFeatures(Workspace workspace, DiagnosticsScheduler diagnostics) {
        this.workspace = workspace;
        this.diagnostics = diagnostics;
    }

    private Optional<Document> doc(String uri, LanguageId language) {
        return workspace.documents().get(uri).filter(d -> d.language() == language);
    }

    private UciRouterView router(Document d) {
        return UciRouterView.of(workspace.snapshot(workspace.groupOf(d)).files());
    }

    /** The text of a line, or null when the position is outside the document. */
    private static String lineText(Document d, int line) {
        return line >= 0 && line < d.lines().lineCount() ? d.lines().line(line) : null;
    }

    public List<CompletionEntry> complete(String uri, int line, int column) {
        Optional<Document> u = doc(uri, LanguageId.OPENWRT_UCI);
        if (u.isPresent()) {
            String text = lineText(u.get(), line);
            if (text == null || column < 0) return List.of();
            return uci.complete(router(u.get()), uri, text, line, column);
        }
        return List.of();
    }

    public Optional<HoverText> hover(String uri, int line, int column) {
        Optional<Document> fw = doc(uri, LanguageId.OPENWRT_FIREWALL_USER);
        if (fw.isPresent()) return firewallUser.hover(router(fw.get()), uri, fw.get().text(), line, column);
        return doc(uri, LanguageId.OPENWRT_UCI).flatMap(d -> uci.hover(router(d), uri, line, column));
    }

    public List<Location> definition(String uri, int line, int column) {
        Optional<Document> fw = doc(uri, LanguageId.OPENWRT_FIREWALL_USER);
        if (fw.isPresent()) return firewallUser.definition(router(fw.get()), uri, fw.get().text(), line, column);
        return doc(uri, LanguageId.OPENWRT_UCI).map(d -> uci.definition(router(d), uri, line, column)).orElse(List.of());
    }

    public List<Location> references(String uri, int line, int column, boolean includeDeclaration) {
        return doc(uri, LanguageId.OPENWRT_UCI)
                .map(d -> uci.references(router(d), uri, line, column, includeDeclaration)).orElse(List.of());
    }

    /** The edits that rename the symbol at the position, or empty when nothing renameable is there. */
    public Optional<List<TextEdit>> rename(String uri, int line, int column, String newName) {
        return doc(uri, LanguageId.OPENWRT_UCI).flatMap(d -> uci.rename(router(d), uri, line, column, newName));
    }

    public List<OutlineSymbol> outline(String uri) {
        return doc(uri, LanguageId.OPENWRT_UCI).map(d -> uci.outline(UciRouterView.read(uri, d.text()))).orElse(List.of());
    }

    public List<FoldRange> folding(String uri) {
        return doc(uri, LanguageId.OPENWRT_UCI).map(d -> uci.folding(UciRouterView.read(uri, d.text()))).orElse(List.of());
    }

    public List<QuickFix> quickFixes(String uri, SourceRange range) {
        if (workspace.documents().get(uri).isEmpty() || range == null) return List.of();
        return QuickFixes.at(diagnostics.latest(uri), range);
    }
}
