package dev.routerls.rules.yamaha;

import dev.routerls.core.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

class PlaintextSecretRuleTest {
    @Test
    void plainSecretsAreReportedWithoutTheirValue() {
        List<Diagnostic> d = YamahaFixture.assertRule(PlaintextSecretRule.ID, """
                login password «yamaha/plaintext-secret~login password|Hunter2Login»
                pp select 1
                 pp auth myname user@isp «yamaha/plaintext-secret|Sup3rPpSecret»
                pp select anonymous
                 pp auth username alice «yamaha/plaintext-secret~PP user password|AlicePw99»
                tunnel select 2
                 ipsec ike pre-shared-key 2 text «yamaha/plaintext-secret~pre-shared key|COMMONKEY»
                 l2tp tunnel auth on «yamaha/plaintext-secret|L2tpPw»
                """);
        for (Diagnostic x : d) {
            for (String secret : List.of("Hunter2Login", "Sup3rPpSecret", "AlicePw99", "COMMONKEY", "L2tpPw")) {
                assertFalse(x.message().contains(secret), x.message());
            }
        }
    }

    @Test
    void encryptedFormsDoNotFire() {
        YamahaFixture.assertRule(PlaintextSecretRule.ID, """
                login password encrypted AbCdEf012345
                administrator password encrypted AbCdEf012345
                ipsec ike pre-shared-key 2 0x1234abcd
                """);
    }
}
