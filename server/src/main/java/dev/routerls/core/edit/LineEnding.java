package dev.routerls.core.edit;

/**
 * The line terminator a document mostly uses. Text a fix inserts is written with "\n"; before it goes
 * into a document it is converted to that document's own terminator, so a CRLF file stays CRLF.
 */
public enum LineEnding {
    LF("\n"), CRLF("\r\n"), CR("\r");

    private final String text;

    LineEnding(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The most frequent terminator of {@code document}; LF when it has none. */
    public static LineEnding of(String document) {
        int lf = 0, crlf = 0, cr = 0;
        for (int i = 0; i < document.length(); i++) {
            char c = document.charAt(i);
            if (c == '\r') {
                if (i + 1 < document.length() && document.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        if (crlf > lf && crlf >= cr) return CRLF;
        if (cr > lf && cr > crlf) return CR;
        return LF;
    }

    /** {@code inserted} with every terminator (LF, CRLF or CR) replaced by this one. */
    public String convert(String inserted) {
        if (inserted.indexOf('\n') < 0 && inserted.indexOf('\r') < 0) return inserted;
        StringBuilder sb = new StringBuilder(inserted.length() + 8);
        for (int i = 0; i < inserted.length(); i++) {
            char c = inserted.charAt(i);
            if (c == '\r') {
                if (i + 1 < inserted.length() && inserted.charAt(i + 1) == '\n') i++;
                sb.append(text);
            } else if (c == '\n') {
                sb.append(text);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
