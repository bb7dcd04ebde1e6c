package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.model.YamahaConfig;

/**
 * {@code yamaha/template-placeholder} (info): a line of a template or generator output holds a placeholder
 * ({@code {{ name }}}, {@code <?= … ?>}, {@code ${NAME}}, {@code <pre-shared key>}) where a value goes. Its
 * value cannot be checked; the rest of the line still is. One finding per line.
 */
public final class TemplatePlaceholderRule extends YamahaRule {
    public static final String ID = "yamaha/template-placeholder";

    public TemplatePlaceholderRule() {
        super(ID, Severity.INFO, "template placeholder whose value is not checked");
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (SourceRange r : m.placeholders()) {
            out.report(r, "template placeholder: the value that replaces it is not checked (the rest of the line is)."
                    + " Fill it in before the config goes to a router, which would reject the line as it stands.");
        }
    }
}
