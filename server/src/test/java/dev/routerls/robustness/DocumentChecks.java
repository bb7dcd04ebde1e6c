package dev.routerls.robustness;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What must hold for any finding on any input: it points inside its document and is not an internal failure. */
final class DocumentChecks {
    private DocumentChecks() {
    }

    /**
     * Problems with {@code diagnostics} over the documents given by URI (empty when all is well).
     * {@code defaultUri} is used for findings without a URI of their own.
     */
    static List<String> problems(Collection<Diagnostic> diagnostics, Map<String, String> documents, String defaultUri) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            String uri = d.uri() == null ? defaultUri : d.uri();
            if (d.ruleId().equals("routerls/internal")) out.add("internal finding: " + d.message());
            String text = documents.get(uri);
            if (text == null) {
                out.add(d.ruleId() + " names a document that was not analysed: " + uri);
                continue;
            }
            String why = outside(d.range(), new LineIndex(text));
            if (why != null) out.add(d.ruleId() + " at " + d.range() + ": " + why);
            if (d.message().isBlank()) out.add(d.ruleId() + " has an empty message");
        }
        return out;
    }

    /** Why the range is not inside the document, or null when it is. */
    static String outside(SourceRange r, LineIndex index) {
        int lines = index.lineCount();
        if (r.startLine() < 0 || r.startColumn() < 0 || r.endLine() < 0 || r.endColumn() < 0) return "negative position";
        if (r.startLine() >= lines || r.endLine() >= lines) return "line past the end (document has " + lines + " lines)";
        if (r.endLine() < r.startLine() || r.endLine() == r.startLine() && r.endColumn() < r.startColumn()) {
            return "end before start";
        }
        if (r.startColumn() > index.line(r.startLine()).length()) {
            return "start column past the line's " + index.line(r.startLine()).length() + " characters";
        }
        if (r.endColumn() > index.line(r.endLine()).length()) {
            return "end column past the line's " + index.line(r.endLine()).length() + " characters";
        }
        return null;
    }
}
