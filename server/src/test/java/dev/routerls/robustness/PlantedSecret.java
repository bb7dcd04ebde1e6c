package dev.routerls.robustness;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.util.List;

/**
 * A distinctive secret the fuzz targets write into a secret-bearing line of the input, at a line the
 * fuzzer picks: no output may ever quote it, however the rest of the input is mangled.
 * {@code text} is the input with the line inserted, as its {@code line}-th line (0-based).
 */
record PlantedSecret(String secret, String text, int line) {
    /**
     * The secret as a list to check outputs against; empty when the fuzzer also wrote it somewhere else
     * in the input (it learns the string from the checks), where quoting it is no leak.
     */
    List<String> secrets() {
        return text.indexOf(secret) == text.lastIndexOf(secret) ? List.of(secret) : List.of();
    }

    /** Secret-bearing YAMAHA lines ({@code %s} is the secret), one per kind of position the parser masks. */
    static final List<String> YAMAHA = List.of(
            "login password %s",
            "administrator password %s",
            "login user admin %s",
            " pp auth myname isp-user %s",
            " pp auth username client1 %s",
            " ipsec ike pre-shared-key 1 text %s",
            "ipsec ike pre-shared-key 2 %s",
            "radius secret %s",
            "snmp community read-write %s",
            "snmpv2c trap host 192.0.2.5 inform %s",
            " l2tp tunnel auth on %s",
            "heartbeat2 receive 1 auth %s",
            "mail server smtp 1 192.0.2.25 smtp-auth user1 %s plain",
            "mail server pop 2 192.0.2.110 pop3 user1 %s",
            "sip server 1 192.0.2.9 register udp sip:user@example.jp user1 %s",
            "ip lan1 vrrp 1 192.0.2.254 priority=200 auth=%s");

    /** Secret-bearing UCI options. */
    static final List<String> UCI = List.of(
            "\toption key '%s'", "\toption password '%s'", "\toption psk '%s'", "\toption sae_password '%s'",
            "\toption key %s", "\tlist password \"%s\"", "\toption private_key '%s'");

    /** Characters a secret may hold besides letters and digits (none of them ends a word or a quote). */
    private static final String SPECIAL = "!%+-./:@^_~";

    /**
     * Consumes a template, a secret and a line from the end of {@code data} (so a seed file's own bytes stay
     * the document) and plants the secret into {@code text}.
     */
    static PlantedSecret plant(FuzzedDataProvider data, List<String> templates, String text) {
        return plant(templates, data.consumeInt(), data.consumeInt(), data.consumeInt(), text);
    }

    /** The same with the choices given: template (modulo), secret key and line (modulo the line count). */
    static PlantedSecret plant(List<String> templates, int template, int key, int at, String text) {
        String secret = "Qz" + Integer.toString(key & 0x7fffffff, 36) + SPECIAL.charAt(Math.floorMod(key, SPECIAL.length())) + "zQ";
        int line = Math.floorMod(at, lineCount(text));
        return new PlantedSecret(secret, insertLine(text, line, templates.get(Math.floorMod(template, templates.size())).formatted(secret)),
                line);
    }

    /** {@link #secrets()} when the reader saw the planted line as a line of its own, else nothing to check. */
    List<String> secretsIf(boolean ownLine) {
        return ownLine ? secrets() : List.of();
    }

    /** {@code text} with {@code line} inserted before its {@code at}-th line. */
    static String insertLine(String text, int at, String line) {
        int offset = 0;
        for (int seen = 0; seen < at; seen++) offset = text.indexOf('\n', offset) + 1;
        return text.substring(0, offset) + line + "\n" + text.substring(offset);
    }

    /** Lines as {@link #insertLine} counts them (LF only: a lone CR does not end a line there). */
    private static int lineCount(String text) {
        int lines = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lines++;
        return lines;
    }
}
