package dev.routerls.lsp;

import dev.routerls.services.types.SemanticToken;
import org.eclipse.lsp4j.SemanticTokensLegend;

import java.util.ArrayList;
import java.util.List;

/**
 * How routerls' token kinds are named to an editor: standard LSP token types where one fits, so themes
 * colour them without configuration, and two modifiers of our own ({@code address}, {@code secret}) that a
 * theme may style further. Encodes tokens in the relative form of the protocol.
 */
final class SemanticLegend {
    static final List<String> TYPES = List.of("keyword", "enumMember", "variable", "number", "interface", "string",
            "property", "type", "comment", "function");
    static final List<String> MODIFIERS = List.of("declaration", "address", "secret");

    private SemanticLegend() {
    }

    static SemanticTokensLegend legend() {
        return new SemanticTokensLegend(TYPES, MODIFIERS);
    }

    private static int type(SemanticToken.Type t) {
        return TYPES.indexOf(switch (t) {
            case COMMAND -> "keyword";
            case KEYWORD -> "enumMember";
            case ID, VARIABLE -> "variable";
            case ADDRESS, NUMBER -> "number";
            case INTERFACE -> "interface";
            case SECRET, STRING -> "string";
            case OPTION -> "property";
            case TYPE -> "type";
            case COMMENT -> "comment";
        });
    }

    private static int modifiers(SemanticToken t) {
        int m = t.declaration() ? 1 : 0;
        if (t.type() == SemanticToken.Type.ADDRESS) m |= 1 << 1;
        if (t.type() == SemanticToken.Type.SECRET) m |= 1 << 2;
        return m;
    }

    /** Tokens in document order, without overlaps, as the five integers per token the protocol sends. */
    static List<Integer> encode(List<SemanticToken> tokens) {
        List<Integer> out = new ArrayList<>(tokens.size() * 5);
        int line = 0, col = 0;
        for (SemanticToken t : tokens) {
            int dl = t.line() - line;
            out.add(dl);
            out.add(dl == 0 ? t.column() - col : t.column());
            out.add(t.length());
            out.add(type(t.type()));
            out.add(modifiers(t));
            line = t.line();
            col = t.column();
        }
        return out;
    }
}
