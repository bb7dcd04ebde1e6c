package dev.routerls.services.uci;

import dev.routerls.grammar.ShellLexer;
import dev.routerls.openwrt.router.NetworkInterface;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.services.feature.CompletionParticipant;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.types.CompletionEntry;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Completion in firewall.user: variable names after {@code $}; in an iptables command the tables, the
 * chains of the table (fw3's user chains too), targets, matches, the {@code -o}/{@code -i} devices this
 * router's interfaces create, and the options of the matches and targets the line uses; at the start of a
 * command the firewall commands and the script's functions. The words before the caret are read with the
 * shell lexer, so quotes and expansions count as the shell counts them.
 */
final class ScriptCompletion implements CompletionParticipant {
    private static final Set<Integer> COMMAND_START = Set.of(ShellLexer.SEMI, ShellLexer.AND_IF, ShellLexer.OR_IF,
            ShellLexer.PIPE, ShellLexer.NEWLINE, ShellLexer.DO, ShellLexer.THEN, ShellLexer.ELSE, ShellLexer.IF,
            ShellLexer.WHILE, ShellLexer.UNTIL, ShellLexer.LBRACE, ShellLexer.LPAREN, ShellLexer.AMP, ShellLexer.BANG);
    private static final Map<String, List<String>> CHAINS = Map.of(
            "filter", List.of("INPUT", "FORWARD", "OUTPUT"),
            "nat", List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING"),
            "mangle", List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING"),
            "raw", List.of("PREROUTING", "OUTPUT"));
    /** fw3 creates these per table for user rules; firewall.user is the place that fills them. */
    private static final Map<String, List<String>> FW3_CHAINS = Map.of(
            "filter", List.of("input_rule", "forwarding_rule", "output_rule"),
            "nat", List.of("prerouting_rule", "postrouting_rule"));
    private static final List<String> TARGETS = List.of("ACCEPT", "DROP", "REJECT", "RETURN", "SNAT", "DNAT",
            "MASQUERADE", "MARK", "CONNMARK", "REDIRECT", "TCPMSS", "LOG");
    private static final List<String> MATCHES = List.of("statistic", "mark", "conntrack", "state", "multiport", "tcp",
            "udp", "icmp", "comment", "connmark", "iprange", "limit");
    private static final List<String> CORE_OPTIONS = List.of("-t", "-A", "-I", "-D", "-R", "-N", "-F", "-X", "-P",
            "-p", "-s", "-d", "-i", "-o", "-m", "-j", "--table", "--append", "--insert", "--delete", "--protocol",
            "--source", "--destination", "--in-interface", "--out-interface", "--match", "--jump");
    private static final Map<String, List<String>> MODULE_OPTIONS = Map.ofEntries(
            Map.entry("statistic", List.of("--mode", "--every", "--packet", "--probability")),
            Map.entry("mark", List.of("--mark")),
            Map.entry("connmark", List.of("--mark")),
            Map.entry("conntrack", List.of("--ctstate", "--ctorigsrc", "--ctorigdst")),
            Map.entry("state", List.of("--state")),
            Map.entry("multiport", List.of("--dports", "--sports", "--ports")),
            Map.entry("tcp", List.of("--dport", "--sport", "--tcp-flags", "--syn")),
            Map.entry("udp", List.of("--dport", "--sport")),
            Map.entry("comment", List.of("--comment")),
            Map.entry("SNAT", List.of("--to-source", "--to", "--random", "--persistent")),
            Map.entry("DNAT", List.of("--to-destination", "--to")),
            Map.entry("MASQUERADE", List.of("--to-ports", "--random")),
            Map.entry("MARK", List.of("--set-mark", "--set-xmark", "--and-mark", "--or-mark")),
            Map.entry("CONNMARK", List.of("--set-mark", "--save-mark", "--restore-mark")),
            Map.entry("TCPMSS", List.of("--clamp-mss-to-pmtu", "--set-mss")),
            Map.entry("REJECT", List.of("--reject-with")),
            Map.entry("LOG", List.of("--log-prefix", "--log-level")));

    @Override
    public List<CompletionEntry> complete(FeatureContext c, int line, int column) {
        String lineText = c.lines().line(line);
        String prefix = lineText.substring(0, Math.min(column, lineText.length()));
        Router router = c.router();
        Optional<ShellScript> script = ScriptDevices.script(router, c.uri());
        Map<String, CompletionEntry> out = new LinkedHashMap<>();
        if (afterDollar(prefix)) {
            script.ifPresent(s -> ScriptNames.of(s).assigned().forEach(n ->
                    out.putIfAbsent(n, CompletionEntry.of(n, CompletionEntry.Kind.REFERENCE, "variable set in this script"))));
            return List.copyOf(out.values());
        }
        List<String> words = new ArrayList<>();
        boolean partial = wordsOfCommand(prefix, words);
        if (partial && !words.isEmpty()) words.remove(words.size() - 1);
        if (words.isEmpty()) {
            for (String cmd : List.of("iptables", "ip6tables", "nft")) {
                out.put(cmd, CompletionEntry.of(cmd, CompletionEntry.Kind.COMMAND, "firewall command"));
            }
            return List.copyOf(out.values());
        }
        String program = words.get(0);
        if (!program.startsWith("iptables") && !program.startsWith("ip6tables")) return List.of();
        String previous = words.get(words.size() - 1);
        String table = valueAfter(words, "-t", "--table").orElse("filter");
        switch (previous) {
            case "-t", "--table" -> CHAINS.keySet().stream().sorted().forEach(t -> add(out, t, CompletionEntry.Kind.VALUE, "table"));
            case "-A", "-I", "-D", "-R", "-N", "-F", "-X", "-P", "-L", "-S", "-Z", "--append", "--insert", "--delete",
                 "--replace", "--flush", "--policy" -> {
                CHAINS.getOrDefault(table, List.of()).forEach(ch -> add(out, ch, CompletionEntry.Kind.VALUE, "built-in chain of " + table));
                FW3_CHAINS.getOrDefault(table, List.of()).forEach(ch -> add(out, ch, CompletionEntry.Kind.VALUE, "fw3 chain for user rules"));
            }
            case "-j", "--jump" -> TARGETS.forEach(t -> add(out, t, CompletionEntry.Kind.KEYWORD, "target"));
            case "-m", "--match" -> MATCHES.forEach(m -> add(out, m, CompletionEntry.Kind.KEYWORD, "match"));
            case "-p", "--protocol" -> List.of("tcp", "udp", "icmp", "all").forEach(p -> add(out, p, CompletionEntry.Kind.VALUE, "protocol"));
            case "-o", "-i", "--out-interface", "--in-interface" -> {
                for (NetworkInterface i : router.interfaces()) {
                    i.ownDevice().ifPresent(d -> add(out, d, CompletionEntry.Kind.INTERFACE, "device of interface " + i.name()));
                }
            }
            default -> {
                for (String w : words) {
                    MODULE_OPTIONS.getOrDefault(w, List.of()).forEach(o -> add(out, o, CompletionEntry.Kind.OPTION, "option of " + w));
                }
                CORE_OPTIONS.forEach(o -> add(out, o, CompletionEntry.Kind.OPTION, "iptables option"));
            }
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, CompletionEntry> out, String label, CompletionEntry.Kind kind, String detail) {
        out.putIfAbsent(label, CompletionEntry.of(label, kind, detail));
    }

    private static Optional<String> valueAfter(List<String> words, String... options) {
        for (int i = 0; i + 1 < words.size(); i++) {
            for (String o : options) if (words.get(i).equals(o)) return Optional.of(words.get(i + 1));
        }
        return Optional.empty();
    }

    /** Whether the caret follows {@code $NAME} or {@code ${NAME} being typed. */
    private static boolean afterDollar(String prefix) {
        int i = prefix.length();
        while (i > 0 && (Character.isLetterOrDigit(prefix.charAt(i - 1)) || prefix.charAt(i - 1) == '_')) i--;
        if (i > 0 && prefix.charAt(i - 1) == '{') i--;
        return i > 0 && prefix.charAt(i - 1) == '$';
    }

    /** The words of the command the caret is in; true when the last one is still being typed. */
    private static boolean wordsOfCommand(String prefix, List<String> words) {
        ShellLexer lexer = new ShellLexer(CharStreams.fromString(prefix));
        lexer.removeErrorListeners();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (COMMAND_START.contains(t.getType())) {
                words.clear();
            } else {
                words.add(t.getText());
            }
        }
        return !prefix.isEmpty() && !Character.isWhitespace(prefix.charAt(prefix.length() - 1));
    }
}
