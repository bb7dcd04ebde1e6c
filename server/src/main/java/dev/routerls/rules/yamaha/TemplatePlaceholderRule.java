package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;
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
        super(RuleInfo.rule(ID, Severity.INFO)
                .summary("template placeholder whose value is not checked")
                .rationale("""
                        Templates, generator output and configs in articles hold placeholders where a value goes \
                        (`{{ lan_address }}`, `<?= $ip ?>`, `${WAN}`, `<pre-shared key>`). routerls cannot check a \
                        value that is not there, so it says so once per line and checks the rest of the line; a \
                        placeholder is never reported as a syntax error. The router itself would reject the line \
                        until the value is filled in.""")
                .bad(Example.yamaha("""
                        ip lan1 address {{ lan_address }}
                        """))
                .good(Example.yamaha("""
                        ip lan1 address 192.168.100.1/24
                        """))
                .tags("syntax")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (SourceRange r : m.placeholders()) {
            out.report(r, "template placeholder: the value that replaces it is not checked (the rest of the line is)."
                    + " Fill it in before the config goes to a router, which would reject the line as it stands.");
        }
    }
}
