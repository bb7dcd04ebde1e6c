package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.rules.Example;
import dev.routerls.rules.Findings;
import dev.routerls.rules.RuleInfo;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.Secret;

/**
 * {@code yamaha/plaintext-secret} (info): passwords and pre-shared keys written in clear text. The model
 * never holds the value, so messages cannot show it.
 */
public final class PlaintextSecretRule extends YamahaRule {
    public static final String ID = "yamaha/plaintext-secret";

    public PlaintextSecretRule() {
        super(RuleInfo.rule(ID, Severity.INFO)
                .summary("plain-text password or pre-shared key in the config")
                .rationale("""
                        Login and administrator passwords, PPP and WAN login passwords, pre-shared keys and SNMP \
                        communities written in clear text can be read by anyone who gets a copy of the config: a \
                        backup, a support request, a forum post. Where the router has an `encrypted` form of the \
                        command, use it; otherwise keep the file private and mask the value before sharing it. \
                        routerls never prints the values themselves.""")
                .bad(Example.yamaha("""
                        login password CHANGE-ME
                        """))
                .good(Example.yamaha("""
                        login password encrypted AbCdEf012345
                        """))
                .tags("security")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        for (Secret s : m.secrets()) {
            if (!s.plaintext()) continue;
            String remedy = s.kind().hasEncryptedForm()
                    ? "Set it with the `encrypted` form instead, and keep the file private."
                    : "Keep the file private, and mask the value before sharing the config (support requests, forums).";
            out.report(s.valueRange(), "the " + s.kind().label() + " is stored in plain text: anyone who sees a copy "
                    + "of this config can read it and " + s.kind().grants() + ". " + remedy);
        }
    }
}
