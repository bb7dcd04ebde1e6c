package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.router.UciReferences;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.SemanticTokensParticipant;
import dev.routerls.services.types.SemanticToken;

import java.util.ArrayList;
import java.util.List;

/**
 * Semantic tokens of a UCI file from its model: the {@code config}/{@code option}/{@code list} keywords,
 * section types and names, option names, values (names of interfaces and zones as ids, secrets marked).
 */
final class UciSemanticTokens implements SemanticTokensParticipant {
    @Override
    public List<SemanticToken> tokens(FeatureContext c) {
        UciFile file = UciRouterView.of(c).file(c.uri()).orElse(null);
        List<SemanticToken> out = new ArrayList<>();
        if (file == null) return out;
        for (UciSection s : file.sections()) {
            for (UciSection.Header h : s.headers()) {
                add(out, SourceRange.of(h.range().startLine(), h.range().startColumn(), h.range().startColumn() + "config".length()),
                        SemanticToken.Type.COMMAND, false);
                value(out, h.type(), SemanticToken.Type.TYPE, false);
                if (h.name() != null) value(out, h.name(), SemanticToken.Type.ID, true);
            }
            for (UciOption o : s.options()) {
                String keyword = o.isList() ? "list" : "option";
                add(out, SourceRange.of(o.range().startLine(), o.range().startColumn(), o.range().startColumn() + keyword.length()),
                        SemanticToken.Type.COMMAND, false);
                add(out, o.nameRange(), SemanticToken.Type.OPTION, false);
                boolean ref = UciReferences.of(file.packageName(), s.type(), o.name()).isPresent()
                        || UciReferences.isZoneName(file.packageName(), s.type(), o.name());
                value(out, o.value(), o.isSecret() ? SemanticToken.Type.SECRET : ref ? SemanticToken.Type.ID : SemanticToken.Type.STRING,
                        UciReferences.isZoneName(file.packageName(), s.type(), o.name()));
            }
        }
        return out;
    }

    private static void value(List<SemanticToken> out, UciValue v, SemanticToken.Type type, boolean declaration) {
        if (v == null || v.isMissing()) return;
        add(out, v.range(), type, declaration);
    }

    private static void add(List<SemanticToken> out, SourceRange r, SemanticToken.Type type, boolean declaration) {
        if (r == null || r.startLine() != r.endLine() || r.endColumn() <= r.startColumn()) return;
        out.add(new SemanticToken(r.startLine(), r.startColumn(), r.endColumn() - r.startColumn(), type, declaration));
    }
}
