package dev.routerls.yamaha.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the semi-structured parameter text of one reference section ({@code •name},
 * {@code • [設定値 ] : …}, value tables, ranges, {@code • [初期値 ] : …}) into {@link ParamSpec}s.
 * Errs on the side of "text" (never checked): a slot becomes a keyword set or an integer range only
 * when the printed text leaves no other reading. Used by the compiler only.
 */
final class ParameterTextReader {
    private static final Pattern NAME_LINE = Pattern.compile(
            "^•\\s*([A-Za-z_][\\w\\-]*(?:\\s*[、,]\\s*[A-Za-z_][\\w\\-]*)*)\\s*(?::.*)?$");
    private static final Pattern VALUE_START = Pattern.compile("^•\\s*\\[\\s*設定値\\s*]\\s*:?\\s*(.*)$");
    private static final Pattern DEFAULT_START = Pattern.compile("^•\\s*\\[\\s*初期値\\s*]\\s*:?\\s*(.*)$");
    private static final Pattern TABLE_HEADER = Pattern.compile("^(設定値|ニーモニック)\\s*説明.*|^設定値\\s*説明.*");
    private static final Pattern KEYWORD = Pattern.compile("[a-z0-9][a-z0-9_\\-.]*");
    private static final Pattern RANGE = Pattern.compile("\\(\\s*(\\d+)\\s*(?:\\.{2,3}|-|～)\\s*(\\d+)\\s*\\)");
    /** Words that show a table row names a kind of value (a number, an address, a name) rather than a keyword. */
    private static final Pattern OPEN_VALUE = Pattern.compile("番号|アドレス|数|値|任意|時刻|時間|文字列|名前|インタフェース名|インターフェース名|ニーモニック|範囲|十進数|十六進数|ホスト|ファイル");
    private static final Pattern CJK = Pattern.compile("[^\\x00-\\x7F]");
    private static final Pattern MODEL_DEFAULT = Pattern.compile("^•\\s*(\\S+)\\s*\\((.*)\\)\\s*$");
    /** A keyword row that names a second spelling: {@code isakmp-sa ( もしくは ike-sa) …}. */
    private static final Pattern ALSO_ACCEPTED = Pattern.compile(
            "^([a-z0-9][a-z0-9_\\-.]*)\\s*\\(\\s*(?:もしくは|または)\\s*([a-z0-9][a-z0-9_\\-.]*)\\s*\\)(.*)$");

    private final Set<String> placeholders;
    /** The service names the reference gives for ports (www, ftp …), for slots that take a port. */
    private final List<String> portNames;

    ParameterTextReader(List<String> placeholders, List<String> portNames) {
        this.placeholders = Set.copyOf(placeholders);
        this.portNames = List.copyOf(portNames);
    }

    /** The names of the reference's "mnemonic / port number" tables, in the order they are first listed. */
    static List<String> portNames(List<List<String>> parameterTexts) {
        Set<String> out = new LinkedHashSet<>();
        for (List<String> lines : parameterTexts) {
            boolean inTable = false;
            for (String raw : lines) {
                String l = SyntaxLineConverter.PAGE_FOOTER.matcher(raw).replaceAll("").strip();
                if (l.matches("ニーモニック\\s*ポート番号.*")) {
                    inTable = true;
                    continue;
                }
                if (!inTable) continue;
                Matcher m = PORT_ROW.matcher(l);
                if (m.matches()) out.add(m.group(1));
                else if (l.startsWith("•")) inTable = false;
            }
        }
        return new ArrayList<>(out);
    }

    private static final Pattern PORT_ROW = Pattern.compile("^([a-z][a-z0-9_\\-]*)\\s+\\d[\\d,]*.*$");

    Map<String, ParamSpec> read(List<String> rawLines) {
        Map<String, ParamSpec> out = new LinkedHashMap<>();
        List<String> names = null;
        List<String> block = new ArrayList<>();
        for (String raw : rawLines) {
            String line = SyntaxLineConverter.PAGE_FOOTER.matcher(raw).replaceAll("").strip();
            List<String> startNames = names(line);
            if (startNames != null) {
                flush(names, block, out);
                names = startNames;
                block = new ArrayList<>();
                continue;
            }
            block.add(line);
        }
        flush(names, block, out);
        return out;
    }

    /** The parameter names a {@code •name} line introduces, or null if the line is something else. */
    private List<String> names(String line) {
        Matcher m = NAME_LINE.matcher(line);
        if (!m.matches()) return null;
        List<String> names = new ArrayList<>();
        for (String n : m.group(1).split("\\s*[、,]\\s*")) {
            if (placeholders.contains(n)) names.add(n);
        }
        return names.isEmpty() ? null : names;
    }

    private void flush(List<String> names, List<String> block, Map<String, ParamSpec> out) {
        if (names == null) return;
        List<String> value = new ArrayList<>();
        List<String> deflt = new ArrayList<>();
        List<String> target = null;
        for (String l : block) {
            Matcher v = VALUE_START.matcher(l);
            Matcher d = DEFAULT_START.matcher(l);
            if (v.matches()) {
                target = value;
                if (!v.group(1).isBlank()) value.add(v.group(1).strip());
            } else if (d.matches()) {
                target = deflt;
                if (!d.group(1).isBlank()) deflt.add(d.group(1).strip());
            } else if (target != null) {
                target.add(l);
            }
        }
        boolean complete = block.stream().anyMatch(l -> DEFAULT_START.matcher(l).matches());
        // a block cut short (a table row read as a new parameter) is not trusted to be a closed set
        ParamSpec spec = complete || !hasTable(value) ? kind(names.get(0), value) : ParamSpec.text();
        if (names.get(0).equals("port") && String.join(" ", value).contains("ポート番号のニーモニック") && !portNames.isEmpty()) {
            // one port, by number or service name (telnet HOST PORT): a closed set the router checks
            spec = new ParamSpec(ParamSpec.PORT, portNames, 1L, 65535L, null, null, null);
        }
        spec = withDefaults(spec, deflt);
        for (String n : names) out.putIfAbsent(n, spec);
    }

    private static ParamSpec kind(String name, List<String> value) {
        String all = String.join(" ", value);
        boolean list = all.contains("並び") || all.contains("複数") || all.contains("区切");
        if (isInterfaceName(name) || (all.contains("インタフェース名") || all.contains("インターフェース名")) && !hasTable(value)) {
            return new ParamSpec(ParamSpec.INTERFACE, null, null, null, list ? Boolean.TRUE : null, null, null);
        }
        if (hasTable(value)) {
            List<String> keywords = closedKeywords(value);
            if (keywords != null && !keywords.isEmpty()) {
                return new ParamSpec(ParamSpec.KEYWORD, keywords, null, null, null, null, null);
            }
            return ParamSpec.text();
        }
        Matcher r = RANGE.matcher(all);
        List<long[]> ranges = new ArrayList<>();
        while (r.find()) ranges.add(new long[]{Long.parseLong(r.group(1)), Long.parseLong(r.group(2))});
        boolean alternatives = value.size() > 1 || all.contains("アドレス") || all.contains("ニーモニック")
                || all.contains("文字列") || all.contains("または") || all.contains("もしくは") || all.matches(".*[a-z]{2,}.*");
        if (ranges.size() == 1 && !alternatives && ranges.get(0)[0] <= ranges.get(0)[1]) {
            return new ParamSpec(ParamSpec.INTEGER, null, ranges.get(0)[0], ranges.get(0)[1], list ? Boolean.TRUE : null, null, null);
        }
        if (all.contains("IP アドレス") || all.contains("IPアドレス") || all.contains("IPv6 アドレス")) {
            return new ParamSpec(ParamSpec.IP, null, null, null, list ? Boolean.TRUE : null, null, null);
        }
        return new ParamSpec(ParamSpec.TEXT, null, null, null, list ? Boolean.TRUE : null, null, null);
    }

    static boolean isInterfaceName(String name) {
        return name != null && (name.equals("interface") || name.equals("bridge_interface") || name.equals("loopback")
                || name.equals("wan") || name.equals("lan_interface") || name.equals("tunnel_interface"));
    }

    private static boolean hasTable(List<String> value) {
        return value.stream().anyMatch(l -> TABLE_HEADER.matcher(l).matches());
    }

    /**
     * The keywords of a value table, or null when the table is not a closed set: a row naming a kind of
     * value ("IP アドレス …", "プロトコル番号 …"), bullets beside the table, or a range.
     */
    private static List<String> closedKeywords(List<String> value) {
        Set<String> keywords = new LinkedHashSet<>();
        boolean inTable = false;
        for (String l : value) {
            if (TABLE_HEADER.matcher(l).matches()) {
                inTable = true;
                continue;
            }
            if (!inTable || l.startsWith("•")) return null;
            Matcher also = ALSO_ACCEPTED.matcher(l);
            if (also.matches()) {
                // both spellings are accepted; the row goes on like any other
                if (!keywords.add(also.group(1)) || !keywords.add(also.group(2))) return null;
                continue;
            }
            String first = l.split("\\s+")[0];
            if (first.matches("\\d+\\.{2,3}\\d+")) return null; // a number range row: not a keyword set
            if (KEYWORD.matcher(first).matches() && l.length() > first.length() && CJK.matcher(l.substring(first.length())).find()) {
                // a value table names each keyword once; rows starting with the same word are prose
                // ("type が ethernet の場合 …", "type が text の場合 …"), not a closed set
                if (!keywords.add(first)) return null;
            } else if (KEYWORD.matcher(l.strip()).matches()) {
                keywords.add(l.strip()); // a keyword row without a description
            } else if (Character.isLetterOrDigit(first.charAt(0)) && first.charAt(0) < 0x80) {
                return null; // "IP アドレス", "TCP/0～1023 …", "usb1:…": not a keyword row
            } else if (OPEN_VALUE.matcher(l).find() || RANGE.matcher(l).find()) {
                return null;
            }
            // otherwise: the wrapped description of the previous row
        }
        return new ArrayList<>(keywords);
    }

    private static ParamSpec withDefaults(ParamSpec spec, List<String> deflt) {
        if (deflt.isEmpty()) return spec;
        String first = deflt.get(0);
        if (deflt.size() == 1 && !CJK.matcher(first).find() && !first.equals("-") && !first.isBlank()) {
            return new ParamSpec(spec.kind(), spec.values(), spec.min(), spec.max(), spec.list(), first, null);
        }
        List<ParamSpec.ModelDefault> per = new ArrayList<>();
        for (String l : deflt) {
            Matcher m = MODEL_DEFAULT.matcher(l);
            if (!m.matches() || CJK.matcher(m.group(1)).find()) return spec;
            List<String> models = new ArrayList<>();
            String inside = m.group(2);
            if (inside.contains("上記以外")) {
                models.add("*");
            } else {
                for (String t : inside.split("[、,/\\s]+")) {
                    String model = t.isBlank() ? null : ModelNames.fromReference(t);
                    if (model != null) models.add(model);
                }
            }
            if (models.isEmpty()) return spec;
            per.add(new ParamSpec.ModelDefault(m.group(1), models));
        }
        return per.isEmpty() ? spec
                : new ParamSpec(spec.kind(), spec.values(), spec.min(), spec.max(), spec.list(), null, per);
    }
}
