package dev.routerls.services.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.BoundedCache;
import dev.routerls.core.SourceRange;
import dev.routerls.grammar.YamahaLexer;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.SemanticTokensParticipant;
import dev.routerls.services.types.SemanticToken;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.catalog.CommandCatalog;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Semantic tokens of a YAMAHA config, from what the grammar and the model know: the command words the
 * catalog matches, the ids the model defines and uses, addresses and interface names by their token type,
 * secrets by the parser's mark, the other fixed words as keywords.
 */
final class YamahaSemanticTokens implements SemanticTokensParticipant {
    private static final int CACHE_LIMIT = 50_000;
    private final CommandCatalog catalog;
    /** Command word counts by line text: a config repeats the same shapes thousands of times. */
    private final BoundedCache<String, Integer> heads = new BoundedCache<>(CACHE_LIMIT);

    YamahaSemanticTokens(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<SemanticToken> tokens(FeatureContext c) {
        YamahaAnalyzer.Result r = c.yamaha();
        Map<Long, YamahaSymbols.Occurrence> ids = new HashMap<>();
        for (YamahaSymbols.Occurrence o : YamahaSymbols.of(r).all()) {
            ids.putIfAbsent(key(o.range().startLine(), o.range().startColumn()), o);
        }
        List<SemanticToken> out = new ArrayList<>();
        int n = 0;
        for (ConfigLine cl : r.lines()) {
            if ((++n & 255) == 0) c.cancellation().check();
            List<Word> words = cl.parsed().words();
            int head = head(cl.parsed().text(), words);
            for (int i = 0; i < words.size(); i++) {
                Word w = words.get(i);
                SourceRange at = cl.positions().range(w);
                if (at.startLine() != at.endLine()) continue;
                YamahaSymbols.Occurrence id = ids.get(key(at.startLine(), at.startColumn()));
                SemanticToken.Type type = w.secret() ? SemanticToken.Type.SECRET
                        : id != null ? SemanticToken.Type.ID
                        : i < head ? (isInterface(w.type()) ? SemanticToken.Type.INTERFACE : SemanticToken.Type.COMMAND)
                        : byTokenType(w.type());
                out.add(new SemanticToken(at.startLine(), at.startColumn(), at.endColumn() - at.startColumn(), type,
                        id != null && id.declaration()));
            }
            int comment = cl.parsed().commentStart();
            if (comment >= 0) {
                SourceRange at = cl.positions().range(comment, cl.parsed().text().length());
                if (at.startLine() == at.endLine()) {
                    out.add(new SemanticToken(at.startLine(), at.startColumn(), at.endColumn() - at.startColumn(),
                            SemanticToken.Type.COMMENT, false));
                }
            }
        }
        return out;
    }

    private int head(String text, List<Word> words) {
        return heads.get(text, () -> catalog.commandWordCount(words.stream().map(Word::text).toList()));
    }

    private static long key(int line, int column) {
        return ((long) line << 32) | column;
    }

    private static boolean isInterface(int type) {
        return type == YamahaLexer.IFNAME || type == YamahaLexer.TUNNEL_ID || type == YamahaLexer.TUNNEL_RANGE;
    }

    private static SemanticToken.Type byTokenType(int type) {
        return switch (type) {
            case YamahaLexer.IPV4_PAIR, YamahaLexer.IPV4_RANGE_PREFIX, YamahaLexer.IPV4_RANGE, YamahaLexer.IPV4_PREFIX,
                 YamahaLexer.IPV4_ADDR, YamahaLexer.MAC_ADDR, YamahaLexer.IPV6_PREFIX, YamahaLexer.IPV6_ADDR ->
                    SemanticToken.Type.ADDRESS;
            case YamahaLexer.NUMBER, YamahaLexer.NUMBER_RANGE, YamahaLexer.NUMBER_PAIR, YamahaLexer.REVISION ->
                    SemanticToken.Type.NUMBER;
            case YamahaLexer.IFNAME, YamahaLexer.TUNNEL_ID, YamahaLexer.TUNNEL_RANGE -> SemanticToken.Type.INTERFACE;
            case YamahaLexer.WORD -> SemanticToken.Type.STRING;
            default -> SemanticToken.Type.KEYWORD;
        };
    }
}
