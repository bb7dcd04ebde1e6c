package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;

import java.util.Locale;

/**
 * One {@code option NAME VALUE} or {@code list NAME VALUE} line as written. A section keeps every
 * such line; {@link UciSection#effective(String)} applies libuci's rules for repeated names.
 */
public record UciOption(Kind kind, String name, SourceRange nameRange, UciValue value, SourceRange range) {

    public enum Kind { OPTION, LIST }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    /**
     * True for options that hold a secret (passwords, keys, PSKs): their values are never shown in any
     * output — messages, hover, outline, completion.
     */
    public boolean isSecret() {
        return isSecretName(name);
    }

    public static boolean isSecretName(String option) {
        String o = option.toLowerCase(Locale.ROOT);
        return o.contains("password") || o.contains("key") || o.contains("secret") || o.contains("psk");
    }
}
