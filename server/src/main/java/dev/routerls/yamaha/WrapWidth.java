package dev.routerls.yamaha;

/**
 * Terminal display width of a line: East Asian wide characters take two columns, tabs go to the next
 * multiple of 8. A terminal capture hard-wraps at {@link #COLUMNS}; a wide character that does not fit
 * moves to the next row, so a wrapped row is {@code COLUMNS} or {@code COLUMNS - 1} wide.
 */
final class WrapWidth {
    static final int COLUMNS = 80;

    private WrapWidth() {
    }

    static boolean atWrapWidth(String line) {
        int w = width(line);
        return w == COLUMNS || w == COLUMNS - 1;
    }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // every line is measured: characters below the first wide block (all of ASCII) take no code point work
            if (c == '\t') {
                w = (w / 8 + 1) * 8;
            } else if (c < 0x1100) {
                w++;
            } else {
                int cp = s.codePointAt(i);
                if (Character.charCount(cp) == 2) i++;
                w += wide(cp) ? 2 : 1;
            }
            if (w > COLUMNS + 2) return w;
        }
        return w;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
    }
}
