package dev.routerls.openwrt.uci;

import java.util.Locale;

/** Which UCI options hold secrets (passwords, keys), whose values are never echoed in any output. */
public final class UciSecrets {
    private UciSecrets() {
    }

    public static boolean isSecretOption(String option) {
        String o = option.toLowerCase(Locale.ROOT);
        return o.contains("password") || o.contains("key") || o.contains("secret") || o.contains("psk")
                || o.equals("auth_secret");
    }
}
