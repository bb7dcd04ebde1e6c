package dev.routerls.services;

import dev.routerls.services.types.QuickFix;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Fix;
import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;

/** Turns the fixes rules attach to their diagnostics into the quick fixes offered at a range. */
public final class QuickFixes {
    private QuickFixes() {
    }

    public static List<QuickFix> at(List<Diagnostic> diagnostics, SourceRange range) {
        List<QuickFix> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (!overlaps(d.range(), range)) continue;
            for (Fix f : d.fixes()) out.add(new QuickFix(f.title(), d, f.edits()));
        }
        return out;
    }

    static boolean overlaps(SourceRange a, SourceRange b) {
        return !before(a.endLine(), a.endColumn(), b.startLine(), b.startColumn())
                && !before(b.endLine(), b.endColumn(), a.startLine(), a.startColumn());
    }

    private static boolean before(int l1, int c1, int l2, int c2) {
        return l1 < l2 || (l1 == l2 && c1 < c2);
    }
}
