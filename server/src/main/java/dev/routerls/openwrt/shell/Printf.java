package dev.routerls.openwrt.shell;

import java.util.ArrayList;
import java.util.List;

/** The {@code printf} utility: conversions %s %b %c %d %i %u %o %x %X %%, flags, width, precision. */
final class Printf {
    private static final int MAX_WIDTH = 10_000;

    record Result(ShellValue output, String problem) {
    }

    private Printf() {
    }

    static Result format(String format, List<ShellValue> args) {
        List<ShellValue.Segment> out = new ArrayList<>();
        String[] problem = {null};
        int next = 0;
        do {
            int before = next;
            StringBuilder text = new StringBuilder();
            boolean stop = false;
            for (int i = 0; i < format.length() && !stop; i++) {
                char c = format.charAt(i);
                if (c == '\\') {
                    int end = escapeEnd(format, i);
                    if (!escapes(format.substring(i, end), text)) stop = true;
                    i = end - 1;
                    continue;
                }
                if (c != '%') {
                    text.append(c);
                    continue;
                }
                if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                    text.append('%');
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < format.length() && "-+ #0".indexOf(format.charAt(j)) >= 0) j++;
                while (j < format.length() && (Character.isDigit(format.charAt(j)) || format.charAt(j) == '.')) j++;
                if (j >= format.length()) {
                    text.append(format, i, format.length());
                    break;
                }
                String spec = format.substring(i + 1, j);
                char conv = format.charAt(j);
                i = j;
                ShellValue arg = next < args.size() ? args.get(next) : ShellValue.EMPTY;
                next++;
                if (!arg.isKnown()) {
                    flush(out, text);
                    out.add(new ShellValue.Segment("%" + conv + " of " + arg.display(), false));
                    continue;
                }
                text.append(convert(spec, conv, arg.text(), problem));
            }
            flush(out, text);
            if (stop || next == before) break;
        } while (next < args.size());
        return new Result(ShellValue.of(out), problem[0]);
    }

    private static void flush(List<ShellValue.Segment> out, StringBuilder text) {
        if (text.length() > 0) out.add(new ShellValue.Segment(text.toString(), true));
        text.setLength(0);
    }

    private static String convert(String spec, char conv, String arg, String[] problem) {
        boolean left = spec.contains("-");
        boolean zero = spec.replaceAll("[.].*", "").replaceAll("[1-9][0-9]*", "").contains("0");
        String digits = spec.replaceAll("^[-+ #0]*", "");
        int width = 0;
        int precision = -1;
        try {
            String[] wp = digits.split("\\.", -1);
            if (!wp[0].isEmpty()) width = Math.min(MAX_WIDTH, Integer.parseInt(wp[0]));
            if (wp.length > 1) precision = wp[1].isEmpty() ? 0 : Math.min(MAX_WIDTH, Integer.parseInt(wp[1]));
        } catch (NumberFormatException e) {
            width = MAX_WIDTH;
        }
        String body;
        switch (conv) {
            case 's' -> body = precision >= 0 && precision < arg.length() ? arg.substring(0, precision) : arg;
            case 'b' -> {
                StringBuilder sb = new StringBuilder();
                escapes(arg, sb);
                body = sb.toString();
            }
            case 'c' -> body = arg.isEmpty() ? "" : arg.substring(0, 1);
            case 'd', 'i', 'u', 'o', 'x', 'X' -> {
                long v = number(arg, problem);
                body = switch (conv) {
                    case 'o' -> Long.toOctalString(v);
                    case 'x' -> Long.toHexString(v);
                    case 'X' -> Long.toHexString(v).toUpperCase();
                    case 'u' -> Long.toUnsignedString(v);
                    default -> Long.toString(v);
                };
                if (spec.contains("+") && v >= 0 && (conv == 'd' || conv == 'i')) body = "+" + body;
            }
            default -> {
                problem[0] = "the conversion %" + conv + " is not followed";
                body = "";
            }
        }
        if (body.length() >= width) return body;
        String pad = (zero && !left && "diuoxX".indexOf(conv) >= 0 ? "0" : " ").repeat(width - body.length());
        if (left) return body + pad;
        if (pad.startsWith("0") && body.startsWith("-")) return "-" + pad + body.substring(1);
        return pad + body;
    }

    private static long number(String arg, String[] problem) {
        String t = arg.strip();
        if (t.startsWith("'") || t.startsWith("\"")) return t.length() > 1 ? t.codePointAt(1) : 0;
        try {
            return ArithmeticEvaluator.parseNumber(t);
        } catch (ShellErrorException e) {
            problem[0] = "'" + arg + "' is not a number";
            return 0;
        }
    }

    private static int escapeEnd(String s, int i) {
        if (i + 1 >= s.length()) return s.length();
        char c = s.charAt(i + 1);
        if (c == '0') {
            int j = i + 2;
            while (j < s.length() && j < i + 5 && s.charAt(j) >= '0' && s.charAt(j) <= '7') j++;
            return j;
        }
        return i + 2;
    }

    /** Appends {@code s} with backslash escapes interpreted; false when {@code \c} asks to stop output. */
    static boolean escapes(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case 'c' -> {
                    return false;
                }
                case '0' -> {
                    int v = 0;
                    int j = i + 1;
                    while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') v = v * 8 + (s.charAt(j++) - '0');
                    out.append((char) v);
                    i = j - 1;
                }
                default -> out.append('\\').append(e);
            }
        }
        return true;
    }
}
