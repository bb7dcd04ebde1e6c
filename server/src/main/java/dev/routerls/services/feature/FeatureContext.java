package dev.routerls.services.feature;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.LanguageId;
import dev.routerls.core.LineIndex;
import dev.routerls.openwrt.router.Router;
import dev.routerls.yamaha.DocumentLines;

import java.util.List;

/**
 * One version of one document as the editor features see it: its text, and the models computed from
 * exactly that text (the YAMAHA analysis, or the router the document belongs to), built on first use and
 * shared with the diagnostics of the same version. Features read nothing else, so every answer is about
 * the text the editor has now.
 */
public interface FeatureContext {
    String uri();

    /** The editor's version of the text (0 for a file read from disk). */
    int version();

    String text();

    LineIndex lines();

    LanguageId language();

    AnalysisSettings settings();

    /** The YAMAHA analysis of this text (model and parsed lines). Only for {@link LanguageId#YAMAHA_RTX}. */
    YamahaAnalyzer.Result yamaha();

    /**
     * The logical lines of this text with their select contexts, without waiting for the analysis (taken
     * from it when it is done): for features that read only the lines around a position. YAMAHA only.
     */
    DocumentLines yamahaLines();

    /** The OpenWrt router this document belongs to, read with this text. Only for OpenWrt languages. */
    Router router();

    /** The findings of this version (computed when the last published ones are older). */
    List<Diagnostic> diagnostics();

    /** The text of another file of this document's group (open documents at their version here, others from disk). */
    java.util.Optional<String> textOf(String uri);

    /** The editor's version of each open document of the group, as these models read them. */
    java.util.Map<String, Integer> versions();

    /** Trips when the request is cancelled or superseded. */
    Cancellation cancellation();
}
