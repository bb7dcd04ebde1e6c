package dev.routerls.yamaha.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analysis accepts what the command reference documents: for every syntax form of the catalog, a line
 * built from it with a valid value in each slot (once with no optional part, once with every optional part
 * and one repetition), and every example command line of the reference, parses with no {@code yamaha/syntax}
 * finding when checked as a model the reference lists for that command.
 */
class ReferenceSelfTest {
    private static final Path SHARED = Path.of(System.getProperty("routerls.sharedDir", "../shared"));
    /** A console prompt before an example command: {@code # }, {@code pp1# }, {@code tunnel1# }. */
    private static final Pattern PROMPT = Pattern.compile("^[A-Za-z0-9]*# (.*)$");
    private static final Pattern HEREDOC = Pattern.compile("^embedded file .*<<(\\S+)$");

    private final YamahaAnalyzer analyzer = new YamahaAnalyzer();
    private final CommandCatalog catalog = CommandCatalog.standard();

    @Test
    void everyFormAndExampleOfTheReferenceParses() throws IOException {
        Path reference = SHARED.resolve(CatalogCompiler.REFERENCE_PATH);
        dev.routerls.testing.Shared.require(Files.isRegularFile(reference), "../shared/reference");
        JsonObject root = JsonParser.parseString(Files.readString(reference, StandardCharsets.UTF_8)).getAsJsonObject();
        List<String> failures = new ArrayList<>();
        int forms = 0, examples = 0;
        for (CommandEntry e : catalog.entries()) {
            String model = e.models().isEmpty() ? null : e.models().get(e.models().size() - 1);
            for (SyntaxPattern p : e.forms()) {
                for (boolean full : new boolean[]{false, true}) {
                    String line = SampleLines.build(e, p, full);
                    forms++;
                    check(e.id(), line, model, failures);
                }
            }
        }
        for (JsonElement el : root.getAsJsonArray("sections")) {
            JsonObject s = el.getAsJsonObject();
            String model = lastModel(s);
            for (String line : exampleCommands(s)) {
                examples++;
                check(s.get("id").getAsString() + " example", line, model, failures);
            }
        }
        System.out.printf("reference self-test: %d form lines and %d example lines, %d with a yamaha/syntax finding%n",
                forms, examples, failures.size());
        assertTrue(forms > 3000 && examples > 250, forms + " form lines, " + examples + " examples");
        assertEquals(List.of(), failures.subList(0, Math.min(60, failures.size())), failures.size() + " lines fail");
    }

    private void check(String where, String line, String model, List<String> failures) {
        AnalysisSettings settings = model == null ? AnalysisSettings.DEFAULT : AnalysisSettings.DEFAULT.withModel(model);
        String text = line + "\n";
        Matcher heredoc = HEREDOC.matcher(line);
        if (heredoc.find()) text += "content\n" + heredoc.group(1) + "\n"; // an embedded file's content and terminator
        for (Diagnostic d : analyzer.analyze("file:///self-test.conf", text, settings).diagnostics()) {
            if (d.ruleId().equals("yamaha/syntax")) {
                failures.add(where + " [" + model + "]: " + line + "  →  " + d.message());
                return;
            }
        }
    }

    private static String lastModel(JsonObject s) {
        String model = null;
        for (JsonElement m : s.getAsJsonArray("models")) {
            String c = ModelNames.fromReference(m.getAsString());
            if (c != null) model = c;
        }
        return model;
    }

    /**
     * The example lines that are commands: after a console prompt, or a plain ASCII line whose first word
     * starts a command of the catalog and that is not a table or output row.
     */
    private Set<String> exampleCommands(JsonObject s) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonElement el : s.getAsJsonArray("examples")) {
            String raw = el.getAsString().strip();
            Matcher m = PROMPT.matcher(raw);
            String line = m.matches() ? m.group(1).strip() : raw;
            if (line.isEmpty() || !line.chars().allMatch(c -> c < 0x80)) continue;
            String first = line.split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (!m.matches() && catalog.completions(List.of(), null).stream().noneMatch(c -> c.text().equals(first))) continue;
            out.add(line);
        }
        return out;
    }
}
