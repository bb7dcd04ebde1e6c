package dev.routerls.yamaha.catalog;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: splits one config line into {@link CatalogToken}s the way the parser hands them to the
 * catalog (whitespace-separated, quotes and backslash escapes resolved, a comment ends the line).
 */
final class LineWords {
    private LineWords() {
    }

    static List<CatalogToken> split(String line, int lineNo) {
        List<CatalogToken> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int start = -1;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else cur.append(c);
                continue;
            }
            if (c == '\\' && i + 1 < line.length()) {
                if (start < 0) start = i;
                cur.append(line.charAt(++i));
                continue;
            }
            if (c == '"' || c == '\'') {
                if (start < 0) start = i;
                quote = c;
                continue;
            }
            if (c == '#' && start < 0) break;
            if (Character.isWhitespace(c)) {
                if (start >= 0) out.add(new CatalogToken(cur.toString(), SourceRange.of(lineNo, start, i)));
                cur.setLength(0);
                start = -1;
                continue;
            }
            if (start < 0) start = i;
            cur.append(c);
        }
        if (start >= 0) out.add(new CatalogToken(cur.toString(), SourceRange.of(lineNo, start, line.length())));
        return out;
    }
}
