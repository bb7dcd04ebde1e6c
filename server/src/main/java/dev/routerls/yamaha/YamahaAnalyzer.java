package dev.routerls.yamaha;

import dev.routerls.analysis.AnalysisSettings;
import dev.routerls.core.Diagnostic;

import java.util.List;

/** Entry point for one YAMAHA config: parse, build the model, run the rules. (Being built: issue 2.) */
public final class YamahaAnalyzer {
    public record Result(List<Diagnostic> diagnostics) {
    }

    public Result analyze(String uri, String text, AnalysisSettings settings) {
        return new Result(List.of());
    }
}
