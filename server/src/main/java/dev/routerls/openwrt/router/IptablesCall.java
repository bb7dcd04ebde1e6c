package dev.routerls.openwrt.router;

import dev.routerls.openwrt.router.script.EvaluatedCommand;
import dev.routerls.openwrt.router.script.ScriptArgument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One evaluated {@code iptables}/{@code ip6tables} command taken apart: table, operation and chain,
 * the match modules ({@code -m}), and every option with its argument. Options after {@code -j} belong
 * to the target. Only what the MAP-E rules read is interpreted; the rest is kept as written.
 */
public record IptablesCall(EvaluatedCommand command, String table, String operation, ScriptArgument chain,
                           List<String> modules, Map<String, ScriptArgument> options, ScriptArgument target,
                           Map<String, ScriptArgument> targetOptions) {

    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("--syn", "--random", "--random-fully", "--persistent",
            "-n", "-v", "-x", "--line-numbers", "-w", "--wait", "--ipv4", "-4", "--ipv6", "-6", "--rcheck",
            "--update", "--set", "--remove");
    private static final Set<String> OPERATIONS = Set.of("-A", "--append", "-I", "--insert", "-D", "--delete",
            "-C", "--check", "-R", "--replace", "-F", "--flush", "-N", "--new-chain", "-X", "--delete-chain",
            "-P", "--policy", "-L", "--list", "-S", "--list-rules", "-Z", "--zero", "-E", "--rename-chain");

    /** Reads an iptables-style command; empty for nft or other firewall commands. */
    public static Optional<IptablesCall> parse(EvaluatedCommand c) {
        String name = c.name();
        if (!name.startsWith("iptables") && !name.startsWith("ip6tables")) return Optional.empty();
        String table = "filter";
        String operation = null;
        ScriptArgument chain = null;
        ScriptArgument target = null;
        List<String> modules = new ArrayList<>();
        Map<String, ScriptArgument> options = new LinkedHashMap<>();
        Map<String, ScriptArgument> targetOptions = new LinkedHashMap<>();
        List<ScriptArgument> a = c.argv();
        for (int i = 1; i < a.size(); i++) {
            String v = a.get(i).value();
            ScriptArgument next = i + 1 < a.size() ? a.get(i + 1) : null;
            if (v.equals("!")) continue;
            if (v.equals("-t") || v.equals("--table")) {
                if (next != null) table = next.value();
                i++;
            } else if (OPERATIONS.contains(v)) {
                operation = canonical(v);
                if (next != null && !next.value().startsWith("-")) {
                    chain = next;
                    i++;
                    // -I chain N / -D chain N / -R chain N take a rule number
                    if (i + 1 < a.size() && a.get(i + 1).value().chars().allMatch(Character::isDigit)
                            && !a.get(i + 1).value().isEmpty()) {
                        i++;
                    }
                }
            } else if (v.equals("-m") || v.equals("--match")) {
                if (next != null) modules.add(next.value());
                i++;
            } else if (v.equals("-j") || v.equals("--jump") || v.equals("-g") || v.equals("--goto")) {
                target = next;
                i++;
            } else if (v.startsWith("-") && !FLAGS.contains(v)) {
                Map<String, ScriptArgument> into = target == null ? options : targetOptions;
                if (next != null && !(next.value().startsWith("-") && next.value().length() > 1
                        && !Character.isDigit(next.value().charAt(1)))) {
                    into.put(v, next);
                    i++;
                } else {
                    into.put(v, a.get(i));
                }
            }
        }
        return Optional.of(new IptablesCall(c, table, operation, chain, List.copyOf(modules), options, target,
                targetOptions));
    }

    private static String canonical(String op) {
        return switch (op) {
            case "--append" -> "-A";
            case "--insert" -> "-I";
            case "--delete" -> "-D";
            case "--check" -> "-C";
            case "--replace" -> "-R";
            case "--flush" -> "-F";
            case "--new-chain" -> "-N";
            default -> op.length() == 2 ? op : op;
        };
    }

    /** True for rules that add to a chain (-A, -I, -R), as opposed to flushes, deletions and checks. */
    public boolean adds() {
        return "-A".equals(operation) || "-I".equals(operation) || "-R".equals(operation);
    }

    public String chainName() {
        return chain == null ? "" : chain.value();
    }

    public String targetName() {
        return target == null ? "" : target.value();
    }

    /** The first of {@code names} given as a match option. */
    public Optional<ScriptArgument> option(String... names) {
        for (String n : names) if (options.containsKey(n)) return Optional.of(options.get(n));
        return Optional.empty();
    }

    public Optional<ScriptArgument> targetOption(String... names) {
        for (String n : names) if (targetOptions.containsKey(n)) return Optional.of(targetOptions.get(n));
        return Optional.empty();
    }

    public boolean isIpv6() {
        return command.name().startsWith("ip6tables");
    }
}
