package dev.routerls.analysis;

import dev.routerls.core.LanguageId;
import dev.routerls.openwrt.router.RouterFileRole;
import dev.routerls.yamaha.parse.LineParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recognises a document's language from its path and first lines, whatever id the client sent.
 * This only classifies; the grammars do the parsing.
 */
public final class LanguageDetector {
    private static final int SAMPLE_LINES = 200;

    private LanguageDetector() {
    }

    public static LanguageId detect(String pathOrUri, String text) {
        String p = pathOrUri == null ? "" : pathOrUri.replace('\\', '/');
        String name = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        RouterFileRole role = RouterFileRole.ofPath(p);
        if (role == RouterFileRole.FIREWALL_USER || role == RouterFileRole.RC_LOCAL) return LanguageId.OPENWRT_FIREWALL_USER;
        if (name.endsWith(".rtx")) return LanguageId.YAMAHA_RTX;
        if (role == RouterFileRole.NFTABLES) return LanguageId.OPENWRT_NFTABLES;
        if (role == RouterFileRole.UCI || RouterFileRole.inConfigFolder(p) && looksLikeUci(text)) {
            return LanguageId.OPENWRT_UCI;
        }
        return byContent(text);
    }

    private static LanguageId byContent(String text) {
        int yamaha = 0, uci = 0, shell = 0, lines = 0, commented = 0;
        List<String> headerCandidates = new ArrayList<>(3);
        int start = 0;
        while (start < text.length() && lines < SAMPLE_LINES) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end).strip();
            start = end + 1;
            lines++;
            if (line.isEmpty()) continue;
            if (lines <= 3 && line.startsWith("#")) headerCandidates.add(line.substring(1));
            if (line.startsWith("#!") && line.contains("sh")) shell += 10;
            if (line.startsWith("#")) {
                // a console log copied as comments: `# ip route default gateway pp 1`
                if (YAMAHA_FIRST_WORDS.contains(firstWord(line.substring(1).strip()))) commented++;
                continue;
            }
            String first = firstWord(line);
            if (YAMAHA_FIRST_WORDS.contains(first)) {
                yamaha++;
                continue;
            }
            switch (first) {
                case "config", "option", "list", "package" -> uci++;
                case "iptables", "ip6tables", "nft", "while", "for", "if", "do", "done", "fi", "then",
                     "echo", "export", "local", "case", "esac", "until", "sleep", "exit" -> shell++;
                default -> {
                    if (first.contains("=") && !first.startsWith("=")) shell++;
                }
            }
        }
        // A `show config` header, read by the YAMAHA grammar itself, counts 10 towards YAMAHA. Each language wins
        // over one unbroken span of YAMAHA counts, so when the answer is the same with no header as with every
        // candidate one, the headers cannot change it and need no parse (a config's many YAMAHA lines decide it).
        LanguageId withoutHeader = decide(yamaha, uci, shell, commented);
        int allHeaders = yamaha + 10 * headerCandidates.size();
        if (headerCandidates.isEmpty() || decide(allHeaders, uci, shell, commented) == withoutHeader) {
            return withoutHeader;
        }
        for (String body : headerCandidates) {
            if (new LineParser().parseHeader(body).isPresent()) yamaha += 10;
        }
        return decide(yamaha, uci, shell, commented);
    }

    private static LanguageId decide(int yamaha, int uci, int shell, int commented) {
        if (shell > 0 && shell >= yamaha && shell >= uci) return LanguageId.OPENWRT_FIREWALL_USER;
        if (uci > 0 && uci >= yamaha) return LanguageId.OPENWRT_UCI;
        if (yamaha > 0 || shell == 0 && uci == 0 && commented >= 2) return LanguageId.YAMAHA_RTX;
        return LanguageId.UNKNOWN;
    }

    /** First words of YAMAHA commands common enough to tell a config by. */
    private static final java.util.Set<String> YAMAHA_FIRST_WORDS = java.util.Set.of(
            "ip", "ipv6", "pp", "tunnel", "nat", "ipsec", "dhcp", "dns", "l2tp", "pppoe", "ppp",
            "console", "login", "administrator", "security", "syslog", "telnetd", "httpd",
            "sshd", "provider", "schedule", "ntp", "description", "bridge", "lan", "vlan",
            "switch", "ethernet", "netvolante-dns", "statistics", "alarm", "lua", "url",
            "upnp", "ip6", "no", "ngn", "embedded");

    private static boolean looksLikeUci(String text) {
        return byContent(text) == LanguageId.OPENWRT_UCI || text.isBlank();
    }

    private static String firstWord(String line) {
        int i = 0;
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) i++;
        return line.substring(0, i);
    }
}
