package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one iptables/ip6tables command line, in order, with the values and source range
 * of each, plus typed views of the parts MAP-E checks read (table, chain, -o, statistic nth,
 * mark match, MARK target, SNAT/DNAT target). Values that were unknown at evaluation stay unknown:
 * typed views then return null for them rather than a guess.
 *
 * @param program   argv[0] (e.g. "iptables"); null when argv did not start with a program name
 * @param family    IPV6 for ip6tables*, otherwise IPV4
 * @param operation the chain command (-A, -I, ...); NONE when the line has none
 * @param options   every option in order; long spellings are stored under their short name
 *                  (--append → -A, --out-interface → -o, --jump → -j, ...)
 */
public record IptablesCommand(String program, Family family, Operation operation, List<Option> options) {

    public enum Family { IPV4, IPV6 }

    public enum Operation {
        APPEND("-A"), INSERT("-I"), DELETE("-D"), REPLACE("-R"), CHECK("-C"), FLUSH("-F"), NEW_CHAIN("-N"),
        DELETE_CHAIN("-X"), POLICY("-P"), LIST("-L"), LIST_RULES("-S"), ZERO("-Z"), RENAME_CHAIN("-E"), NONE("");

        public final String flag;

        Operation(String flag) {
            this.flag = flag;
        }
    }

    /**
     * One option. {@code module} is the match (-m) or target (-j) the option belongs to ("" for the
     * core options); {@code targetOption} tells which of the two. {@code range} spans the option
     * name and its values in the source.
     */
    public record Option(String name, boolean negated, List<EvaluatedWord> values, String module, boolean targetOption,
                         SourceRange range) {
        public Option {
            values = List.copyOf(values);
        }

        /** The first value's text, or null when absent or unknown. */
        public String value() {
            return values.isEmpty() ? null : values.get(0).text();
        }

        /** The first value word, or null. */
        public EvaluatedWord valueWord() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** {@code -m statistic}: mode, every/packet for nth, probability for random; null when unknown or absent. */
    public record Statistic(String mode, Long every, Long packet, String probability, SourceRange range) {
    }

    /** A mark value with optional mask (e.g. {@code 0x11/0xff}); value null when unknown. */
    public record Mark(Long value, Long mask, EvaluatedWord word) {
    }

    /**
     * A NAT target ({@code --to}, {@code --to-source}, {@code --to-destination}, {@code --to-ports}).
     * {@code address} is null when unknown or absent; ports are null when unknown or absent.
     */
    public record NatTarget(String option, EvaluatedWord word, String address, Integer portLow, Integer portHigh) {
    }

    private static final Map<String, String> LONG_NAMES = Map.ofEntries(
            Map.entry("--table", "-t"), Map.entry("--append", "-A"), Map.entry("--insert", "-I"),
            Map.entry("--delete", "-D"), Map.entry("--replace", "-R"), Map.entry("--check", "-C"),
            Map.entry("--flush", "-F"), Map.entry("--new-chain", "-N"), Map.entry("--delete-chain", "-X"),
            Map.entry("--policy", "-P"), Map.entry("--list", "-L"), Map.entry("--list-rules", "-S"),
            Map.entry("--zero", "-Z"), Map.entry("--rename-chain", "-E"), Map.entry("--protocol", "-p"),
            Map.entry("--source", "-s"), Map.entry("--src", "-s"), Map.entry("--destination", "-d"),
            Map.entry("--dst", "-d"), Map.entry("--in-interface", "-i"), Map.entry("--out-interface", "-o"),
            Map.entry("--jump", "-j"), Map.entry("--goto", "-g"), Map.entry("--match", "-m"),
            Map.entry("--fragment", "-f"));

    public IptablesCommand {
        options = List.copyOf(options);
    }

    /** Parses plain strings (argv[0] may be the program name). Ranges are null. */
    public static IptablesCommand parse(List<String> argv) {
        List<EvaluatedWord> words = new ArrayList<>();
        for (String s : argv) words.add(new EvaluatedWord(ShellValue.known(s), null));
        return parseWords(words);
    }

    /** Parses a collected command; option ranges point at the source words. */
    public static IptablesCommand parse(EvaluatedCommand command) {
        return parseWords(command.argv());
    }

    public static IptablesCommand parseWords(List<EvaluatedWord> argv) {
        int i = 0;
        String program = null;
        if (!argv.isEmpty() && argv.get(0).known() && !argv.get(0).text().startsWith("-")) {
            program = argv.get(0).text();
            i = 1;
        }
        String base = program == null ? "" : program.substring(program.lastIndexOf('/') + 1);
        Family family = base.startsWith("ip6tables") ? Family.IPV6 : Family.IPV4;
        List<Option> options = new ArrayList<>();
        String module = "";
        boolean inTarget = false;
        boolean negateNext = false;
        String name = null;
        boolean negated = false;
        List<EvaluatedWord> values = new ArrayList<>();
        SourceRange start = null;
        SourceRange end = null;
        String optModule = "";
        boolean optTarget = false;
        for (; i < argv.size(); i++) {
            EvaluatedWord w = argv.get(i);
            String t = w.text();
            if ("!".equals(t)) {
                if (name != null && values.isEmpty()) negated = true;
                else negateNext = true;
                continue;
            }
            if (isOptionName(t)) {
                if (name != null) options.add(new Option(name, negated, values, optModule, optTarget, span(start, end)));
                name = LONG_NAMES.getOrDefault(t, t);
                negated = negateNext;
                negateNext = false;
                values = new ArrayList<>();
                start = w.range();
                end = w.range();
                optModule = module;
                optTarget = inTarget;
                if (name.equals("-m") || name.equals("-j") || name.equals("-g")) {
                    optModule = "";
                    optTarget = false;
                }
                continue;
            }
            if (name == null) {
                name = "";
                start = w.range();
                optModule = module;
                optTarget = inTarget;
            }
            values.add(w);
            end = w.range();
            if (values.size() == 1 && (name.equals("-m") || name.equals("-j") || name.equals("-g"))) {
                module = t == null ? "?" : t;
                inTarget = !name.equals("-m");
            }
        }
        if (name != null) options.add(new Option(name, negated, values, optModule, optTarget, span(start, end)));
        Operation op = Operation.NONE;
        for (Option o : options) {
            for (Operation candidate : Operation.values()) {
                if (candidate != Operation.NONE && candidate.flag.equals(o.name())) {
                    op = candidate;
                    break;
                }
            }
            if (op != Operation.NONE) break;
        }
        return new IptablesCommand(program, family, op, options);
    }

    private static boolean isOptionName(String t) {
        if (t == null || t.length() < 2 || t.charAt(0) != '-') return false;
        return !Character.isDigit(t.charAt(1));
    }

    private static SourceRange span(SourceRange a, SourceRange b) {
        if (a == null || b == null) return a == null ? b : a;
        return a.to(b);
    }

    // ------------------------------------------------------------------ typed views

    /** The first option with one of these names (short names, e.g. "-o", or module options "--every"). */
    public Optional<Option> option(String... names) {
        for (Option o : options) {
            for (String n : names) if (o.name().equals(n)) return Optional.of(o);
        }
        return Optional.empty();
    }

    /** The table; "filter" when no -t is given; null when -t's value is unknown. */
    public String table() {
        Optional<Option> t = option("-t");
        return t.isPresent() ? t.get().value() : "filter";
    }

    /** The chain the operation works on (first value of -A/-I/-D/...); null when none or unknown. */
    public String chain() {
        return operation == Operation.NONE ? null : valueOf(option(operation.flag));
    }

    /** The rule position of -I/-D/-R when given as a number. */
    public Integer ruleNumber() {
        if (operation == Operation.NONE) return null;
        Option o = option(operation.flag).orElse(null);
        if (o == null || o.values().size() < 2 || o.values().get(1).text() == null) return null;
        try {
            return Integer.parseInt(o.values().get(1).text());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String protocol() {
        return valueOf(option("-p"));
    }

    public String inInterface() {
        return valueOf(option("-i"));
    }

    public String outInterface() {
        return valueOf(option("-o"));
    }

    /** The -j target (e.g. "SNAT", "MARK"), or the -g chain; null when none or unknown. */
    public String target() {
        return valueOf(option("-j", "-g"));
    }

    /** Names of the -m match modules in order. */
    public List<String> matches() {
        List<String> out = new ArrayList<>();
        for (Option o : options) if (o.name().equals("-m") && o.value() != null) out.add(o.value());
        return out;
    }

    /**
     * The option's value, or null when it is absent or its value unknown. A plain method rather than
     * {@code map(Option::value)} at each use: every such method reference has the same shape, which the
     * class-data archive holds once, so each further one is made at run time on a cold start.
     */
    private static String valueOf(Optional<Option> o) {
        return o.isPresent() ? o.get().value() : null;
    }

    /** The option {@code name} belonging to match module or target {@code module}. */
    public Optional<Option> moduleOption(String module, String name) {
        for (Option o : options) if (o.name().equals(name) && o.module().equalsIgnoreCase(module)) return Optional.of(o);
        return Optional.empty();
    }

    public Optional<Statistic> statistic() {
        if (!matches().contains("statistic")) return Optional.empty();
        Option m = null;
        for (Option o : options) if (o.name().equals("-m") && "statistic".equals(o.value())) m = o;
        String mode = valueOf(moduleOption("statistic", "--mode"));
        Long every = moduleOption("statistic", "--every").map(o -> number(o.value())).orElse(null);
        Long packet = moduleOption("statistic", "--packet").map(o -> number(o.value())).orElse(null);
        String probability = valueOf(moduleOption("statistic", "--probability"));
        SourceRange range = m == null ? null : m.range();
        for (Option o : options) if (o.module().equals("statistic") && !o.targetOption()) range = span(range, o.range());
        return Optional.of(new Statistic(mode, every, packet, probability, range));
    }

    /** {@code -m mark --mark V[/M]}. */
    public Optional<Mark> markMatch() {
        return moduleOption("mark", "--mark").filter(o -> !o.targetOption()).map(IptablesCommand::mark);
    }

    /** {@code -j MARK --set-mark V[/M]} (or --set-xmark). */
    public Optional<Mark> setMark() {
        for (Option o : options) {
            if (o.targetOption() && (o.name().equals("--set-mark") || o.name().equals("--set-xmark"))) return Optional.of(mark(o));
        }
        return Optional.empty();
    }

    /** The NAT target of SNAT/DNAT/MASQUERADE/REDIRECT/NETMAP, if the line has one. */
    public Optional<NatTarget> natTarget() {
        for (Option o : options) {
            if (!o.targetOption() || o.values().isEmpty()) continue;
            switch (o.name()) {
                case "--to", "--to-source", "--to-destination" -> {
                    return Optional.of(addressAndPorts(o.name(), o.values().get(0)));
                }
                case "--to-ports" -> {
                    EvaluatedWord w = o.values().get(0);
                    int[] ports = w.known() ? ports(w.text()) : null;
                    return Optional.of(new NatTarget(o.name(), w, null, ports == null ? null : ports[0],
                            ports == null ? null : ports[1]));
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    private NatTarget addressAndPorts(String option, EvaluatedWord w) {
        ShellValue v = w.value();
        String full = v.text();
        String address = null;
        String portText = null;
        if (full != null) {
            if (full.startsWith("[")) {
                int close = full.indexOf(']');
                address = close > 0 ? full.substring(1, close) : full;
                if (close > 0 && close + 1 < full.length() && full.charAt(close + 1) == ':') portText = full.substring(close + 2);
            } else if (family == Family.IPV6) {
                address = full;
            } else {
                int colon = full.indexOf(':');
                address = colon < 0 ? full : full.substring(0, colon);
                if (colon >= 0) portText = full.substring(colon + 1);
            }
        } else if (family == Family.IPV4) {
            // keep what is known on each side of the ':' (e.g. ‹unknown›:5856-5871)
            String prefix = v.knownPrefix();
            int colon = prefix.indexOf(':');
            if (colon >= 0) address = prefix.substring(0, colon);
            String suffix = v.knownSuffix();
            int last = suffix.lastIndexOf(':');
            if (last >= 0) portText = suffix.substring(last + 1);
        }
        if (address != null && address.isEmpty()) address = null;
        int[] ports = portText == null ? null : ports(portText);
        return new NatTarget(option, w, address, ports == null ? null : ports[0], ports == null ? null : ports[1]);
    }

    private static int[] ports(String text) {
        String[] parts = text.split("-", -1);
        try {
            if (parts.length == 1) {
                int p = Integer.parseInt(parts[0]);
                return new int[]{p, p};
            }
            if (parts.length == 2) return new int[]{Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static Mark mark(Option o) {
        EvaluatedWord w = o.valueWord();
        if (w == null || !w.known()) return new Mark(null, null, w);
        String[] vm = w.text().split("/", 2);
        return new Mark(number(vm[0]), vm.length > 1 ? number(vm[1]) : null, w);
    }

    /** A number as iptables reads one: decimal or {@code 0x} hex; null when it is neither. */
    public static Long number(String s) {
        if (s == null) return null;
        try {
            String t = s.strip();
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
