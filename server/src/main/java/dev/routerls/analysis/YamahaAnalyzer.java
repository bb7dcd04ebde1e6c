package dev.routerls.analysis;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.core.Diagnostic;
import dev.routerls.rules.yamaha.YamahaRules;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.EmbeddedText;
import dev.routerls.yamaha.YamahaReader;
import dev.routerls.yamaha.catalog.CommandChecker;
import dev.routerls.yamaha.model.YamahaConfig;

import java.util.List;
import java.util.Optional;

/**
 * Analysis of one YAMAHA config: {@link YamahaReader} builds the model (re-reading only changed lines of a
 * document it has seen), then the {@code yamaha/*} rules run over it. Safe to call from several threads.
 */
public final class YamahaAnalyzer {

    /** The findings of one analysis beside the document they were computed from. */
    public record Result(List<Diagnostic> diagnostics, YamahaReader.Document document) {
        public YamahaConfig model() {
            return document.model();
        }

        public List<ConfigLine> lines() {
            return document.lines();
        }

        public int freshlyParsed() {
            return document.freshlyParsed();
        }

        /** The logical line covering a 0-based document line, if any. */
        public Optional<ConfigLine> lineAt(int line) {
            return document.lineAt(line);
        }

        /** The embedded file content covering a 0-based document line, if any. */
        public Optional<EmbeddedText> embeddedTextAt(int line) {
            return document.embeddedTextAt(line);
        }
    }

    private final YamahaReader reader;

    public YamahaAnalyzer() {
        this(new YamahaReader());
    }

    public YamahaAnalyzer(CommandChecker checker) {
        this(new YamahaReader(checker));
    }

    private YamahaAnalyzer(YamahaReader reader) {
        this.reader = reader;
    }

    /** For documents analysed once each (a batch lint): see {@link YamahaReader#readingEachOnce}. */
    public static YamahaAnalyzer readingEachOnce() {
        return new YamahaAnalyzer(YamahaReader.readingEachOnce());
    }

    public Result analyze(String uri, String text, AnalysisSettings settings) {
        return analyze(uri, text, settings, Cancellation.NONE);
    }

    /** As {@link #analyze(String, String, AnalysisSettings)}, stopping at safe points once {@code cancel} says so. */
    public Result analyze(String uri, String text, AnalysisSettings settings, Cancellation cancel) {
        YamahaReader.Document doc = reader.read(uri, text, settings, cancel);
        List<Diagnostic> diagnostics = RuleRunner.run(YamahaRules.rules(), doc.model(), uri, settings, cancel);
        if (settings.enabled(AnalysisStopped.INFO.id())) {
            doc.stopped().map(AnalysisStopped::finding).map(settings::apply).ifPresent(diagnostics::add);
        }
        return new Result(List.copyOf(diagnostics), doc);
    }

    public YamahaReader reader() {
        return reader;
    }
}
