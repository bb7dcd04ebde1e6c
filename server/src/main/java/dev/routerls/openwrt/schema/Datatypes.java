package dev.routerls.openwrt.schema;

import dev.routerls.core.IpText;

import dev.routerls.openwrt.uci.UciValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The datatypes the schema names, and the parser for the spec strings in {@code uci-schema.json}:
 * a name ({@code ip4addr}, {@code bool} …), {@code range(a,b)}, {@code enum(a,b)}, {@code enumi(a,b)}
 * (case-insensitive) or {@code or(T1,T2)}.
 */
public final class Datatypes {
    private Datatypes() {
    }

    public static final Datatype STRING = new Datatype() {
        @Override
        public boolean accepts(String value) {
            return true;
        }

        @Override
        public String describe() {
            return "any text";
        }

        @Override
        public boolean isAnything() {
            return true;
        }
    };

    /**
     * The datatype of {@code spec}, parsed when first asked: a config names a few dozen of the schema's
     * hundreds of options, and parsing every spec (each datatype links its own lambdas) cost a cold lint of a
     * router more than reading its files. A bad spec fails on first use; a test parses them all.
     */
    public static Datatype deferred(String spec) {
        return spec.trim().equals("string") ? STRING : new Deferred(spec);
    }

    private static final class Deferred implements Datatype {
        private final String spec;
        private volatile Datatype parsed;

        Deferred(String spec) {
            this.spec = spec;
        }

        private Datatype parsed() {
            Datatype d = parsed;
            if (d == null) parsed = d = parse(spec); // a race only parses twice
            return d;
        }

        @Override
        public boolean accepts(String value) {
            return parsed().accepts(value);
        }

        @Override
        public String describe() {
            return parsed().describe();
        }

        @Override
        public List<String> suggestions() {
            return parsed().suggestions();
        }

        @Override
        public boolean isAnything() {
            return parsed().isAnything();
        }
    }

    public static Datatype parse(String spec) {
        String s = spec.trim();
        int paren = s.indexOf('(');
        if (paren > 0 && s.endsWith(")")) {
            String head = s.substring(0, paren);
            List<String> args = splitTopLevel(s.substring(paren + 1, s.length() - 1));
            switch (head) {
                case "range" -> {
                    long lo = Long.parseLong(args.get(0).trim());
                    long hi = Long.parseLong(args.get(1).trim());
                    return of("a whole number from " + lo + " to " + hi, v -> inRange(v, lo, hi));
                }
                case "enum" -> {
                    List<String> vals = args.stream().map(String::trim).toList();
                    return of("one of " + String.join(", ", vals), vals::contains, vals);
                }
                case "enumi" -> {
                    List<String> vals = args.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
                    List<String> trimmed = new ArrayList<>(args.size());
                    for (String a : args) trimmed.add(a.trim()); // not a second String::trim (see IptablesCommand#valueOf)
                    List<String> written = List.copyOf(trimmed);
                    return of("one of " + String.join(", ", written), v -> vals.contains(v.toLowerCase(Locale.ROOT)), written);
                }
                case "or" -> {
                    List<Datatype> alts = args.stream().map(Datatypes::parse).toList();
                    String words = String.join(" or ", alts.stream().map(Datatype::describe).toList());
                    List<String> named = alts.stream().flatMap(a -> a.suggestions().stream()).distinct().toList();
                    return of(words, v -> alts.stream().anyMatch(a -> a.accepts(v)), named);
                }
                default -> throw new IllegalArgumentException("unknown datatype " + spec);
            }
        }
        return switch (s) {
            case "string" -> STRING;
            // OpenWrt's own files write booleans as '1'/'0', so those are the ones offered
            case "bool" -> of("a boolean (1/0, on/off, true/false, yes/no, enabled/disabled)", Datatypes::isBool,
                    List.of("1", "0"));
            case "uinteger" -> of("a whole number of 0 or more", Datatypes::isUnsigned);
            case "integer" -> of("a whole number", v -> isUnsigned(v.startsWith("-") ? v.substring(1) : v));
            case "ip4addr" -> of("an IPv4 address", Datatypes::isIp4);
            case "ip6addr" -> of("an IPv6 address", Datatypes::isIp6);
            case "ipaddr" -> of("an IPv4 or IPv6 address", v -> isIp4(v) || isIp6(v));
            case "ip4net" -> of("an IPv4 address, optionally with /prefix-length or /netmask", Datatypes::isIp4Net);
            case "ip6net" -> of("an IPv6 address, optionally with /prefix-length", Datatypes::isIp6Net);
            case "ipnet" -> of("an IPv4 or IPv6 address, optionally with /prefix-length",
                    v -> isIp4Net(v) || isIp6Net(v));
            case "netmask" -> of("an IPv4 netmask such as 255.255.255.0 (or a prefix length 0-32)",
                    v -> isNetmask(v) || inRange(v, 0, 32));
            case "macaddr" -> of("a MAC address such as 00:11:22:33:44:55", Datatypes::isMac);
            case "port" -> of("a port number (0-65535)", v -> inRange(v, 0, 65535));
            case "portrange" -> of("a port or port range such as 1000-2000", Datatypes::isPortRange);
            case "leasetime" -> of("a time such as 12h, 30m, 3600 or infinite", Datatypes::isLeaseTime);
            case "limit" -> of("a rate such as 10/second, 5/min or 100/hour", Datatypes::isLimit);
            case "policy" -> parse("enumi(ACCEPT,REJECT,DROP)");
            case "family" -> parse("enumi(any,all,*,ipv4,ipv6,ip4,ip6,inet,inet4,inet6,4,6)");
            case "fwtarget" -> parse("enumi(ACCEPT,REJECT,DROP,MARK,NOTRACK,HELPER,DSCP,SNAT,DNAT,MASQUERADE)");
            case "dhcpmode" -> parse("enum(server,relay,hybrid,disabled)");
            case "fwaddr" -> of("an address, subnet, address range or host name (optionally negated with !)",
                    v -> isFirewallAddress(unNegate(v)));
            case "fwport" -> of("a port or port range such as 1000-2000 (optionally negated with !)",
                    v -> isPortRange(unNegate(v).replace(':', '-')));
            case "fwmac" -> of("a MAC address (optionally negated with !)", v -> isMac(unNegate(v)));
            default -> throw new IllegalArgumentException("unknown datatype " + spec);
        };
    }

    private static Datatype of(String words, Predicate<String> test) {
        return of(words, test, List.of());
    }

    private static Datatype of(String words, Predicate<String> test, List<String> suggestions) {
        return new Datatype() {
            @Override
            public List<String> suggestions() {
                return suggestions;
            }

            @Override
            public boolean accepts(String value) {
                return test.test(value);
            }

            @Override
            public String describe() {
                return words;
            }
        };
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    // ------------------------------------------------------------------------------------ predicates

    static boolean isBool(String v) {
        return UciValue.isBoolean(v);
    }

    static boolean isUnsigned(String v) {
        if (v.isEmpty() || v.length() > 18) return false;
        for (int i = 0; i < v.length(); i++) if (v.charAt(i) < '0' || v.charAt(i) > '9') return false;
        return true;
    }

    static boolean inRange(String v, long lo, long hi) {
        if (!isUnsigned(v.startsWith("-") ? v.substring(1) : v)) return false;
        long n = Long.parseLong(v);
        return n >= lo && n <= hi;
    }

    /** Dotted quad, each part 0-255 without leading zeros (as inet_pton reads it). */
    /** As OpenWrt validates it ({@code inet_pton}): no leading zeros in a part. */
    static boolean isIp4(String v) {
        return IpText.ipv4(v, true) >= 0;
    }

    static boolean isIp6(String v) {
        return IpText.ipv6(v) != null;
    }

    static boolean isIp4Net(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) return isIp4(v);
        String mask = v.substring(slash + 1);
        return isIp4(v.substring(0, slash)) && (inRange(mask, 0, 32) || isNetmask(mask));
    }

    static boolean isIp6Net(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) return isIp6(v);
        return isIp6(v.substring(0, slash)) && inRange(v.substring(slash + 1), 0, 128);
    }

    /** A dotted netmask whose one bits are contiguous from the left. */
    static boolean isNetmask(String v) {
        if (!isIp4(v)) return false;
        long bits = 0;
        for (String p : v.split("\\.")) bits = bits << 8 | Integer.parseInt(p);
        long inverted = ~bits & 0xFFFFFFFFL;
        return (inverted & (inverted + 1)) == 0;
    }

    static boolean isMac(String v) {
        String[] parts = v.split(":", -1);
        if (parts.length != 6) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2) return false;
            for (int i = 0; i < p.length(); i++) if (Character.digit(p.charAt(i), 16) < 0) return false;
        }
        return true;
    }

    static boolean isPortRange(String v) {
        int dash = v.indexOf('-');
        if (dash < 0) return inRange(v, 0, 65535);
        String lo = v.substring(0, dash), hi = v.substring(dash + 1);
        return inRange(lo, 0, 65535) && inRange(hi, 0, 65535) && Long.parseLong(lo) <= Long.parseLong(hi);
    }

    static boolean isLeaseTime(String v) {
        if (v.equals("infinite") || v.equals("infinity")) return true;
        if (v.isEmpty()) return false;
        char last = v.charAt(v.length() - 1);
        String num = "smhdw".indexOf(last) >= 0 ? v.substring(0, v.length() - 1) : v;
        return isUnsigned(num);
    }

    static boolean isLimit(String v) {
        int slash = v.indexOf('/');
        if (slash < 0) return isUnsigned(v);
        String unit = v.substring(slash + 1).toLowerCase(Locale.ROOT);
        if (!isUnsigned(v.substring(0, slash)) || unit.isEmpty()) return false;
        for (String u : new String[]{"second", "minute", "hour", "day"}) if (u.startsWith(unit)) return true;
        return false;
    }

    private static String unNegate(String v) {
        return v.startsWith("!") ? v.substring(1).stripLeading() : v;
    }

    /** fw3/fw4 accept addresses, subnets, ranges a-b and host names they resolve. */
    static boolean isFirewallAddress(String v) {
        if (v.isEmpty()) return false;
        if (isIp4Net(v) || isIp6Net(v)) return true;
        int dash = v.indexOf('-');
        if (dash > 0) {
            String a = v.substring(0, dash), b = v.substring(dash + 1);
            if (isIp4(a) && isIp4(b) || isIp6(a) && isIp6(b)) return true;
        }
        return isHostName(v);
    }

    /** A DNS name; a name made only of digits and dots is a mistyped address, not a host. */
    static boolean isHostName(String v) {
        if (v.isEmpty() || v.length() > 253) return false;
        boolean letter = false;
        for (String label : v.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63) return false;
            if (label.startsWith("-") || label.endsWith("-")) return false;
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean alpha = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
                if (alpha) letter = true;
                else if (!(c >= '0' && c <= '9' || c == '-')) return false;
            }
        }
        return letter;
    }
}
