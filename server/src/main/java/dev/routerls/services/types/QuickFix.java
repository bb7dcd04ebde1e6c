package dev.routerls.services.types;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.TextEdit;

import java.util.List;

/** A fix offered for one diagnostic, ready to apply: its title and the edits (possibly in several files). */
public record QuickFix(String title, Diagnostic diagnostic, List<TextEdit> edits) {
}
