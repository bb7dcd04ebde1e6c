package dev.routerls.yamaha.catalog;

import java.util.List;
import java.util.Map;

/**
 * Hover facts about one command, all in our own words: its syntax forms, what each parameter takes,
 * the models that have it, firmware limits, and (for common commands) what it does.
 *
 * @param meaning one English sentence, or null when none is written for this command
 * @param section the reference section the facts come from
 */
public record CommandDescription(String command, String meaning, List<String> syntax, Map<String, String> parameters,
                                 List<String> models, List<String> limits, String section) {

    /** Plain-text rendering (the language server may turn it into Markdown). */
    public String toText() {
        StringBuilder sb = new StringBuilder(command);
        if (meaning != null) sb.append(" — ").append(meaning);
        sb.append("\n\nSyntax:\n");
        for (String s : syntax) sb.append("  ").append(s).append('\n');
        if (!parameters.isEmpty()) {
            sb.append("Parameters:\n");
            parameters.forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        sb.append("Models: ").append(models.isEmpty() ? "none listed" : String.join(", ", models)).append('\n');
        if (!limits.isEmpty()) sb.append("Firmware: ").append(String.join("; ", limits)).append('\n');
        sb.append("Reference section ").append(section);
        return sb.toString();
    }
}
