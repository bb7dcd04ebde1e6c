package dev.routerls.openwrt.shell;

import java.util.ArrayList;
import java.util.List;

/** Standard output and input of an evaluated command: captured text (possibly unknown) or nothing. */
final class ShellStreams {
    private ShellStreams() {
    }

    /** Where a command's output goes: captured (command substitution, pipe) or thrown away. */
    static final class Output {
        static final Output DISCARD = new Output(false);

        final boolean capturing;
        private final List<ShellValue.Segment> segments = new ArrayList<>();
        private long length;

        Output(boolean capturing) {
            this.capturing = capturing;
        }

        void write(ShellValue v) {
            if (!capturing) return;
            for (ShellValue.Segment s : v.segments()) {
                length += s.text().length();
                segments.add(s);
            }
            if (length > ShellValue.MAX_LENGTH) {
                segments.clear();
                segments.add(new ShellValue.Segment("output longer than " + ShellValue.MAX_LENGTH + " characters", false));
                length = 0;
            }
        }

        void write(String s) {
            write(ShellValue.known(s));
        }

        ShellValue value() {
            return ShellValue.of(segments);
        }
    }

    /** What {@code read} and {@code cat} see on standard input. */
    static final class Input {
        private final String text;
        private final String unknownSource;
        private int pos;

        private Input(String text, String unknownSource) {
            this.text = text;
            this.unknownSource = unknownSource;
        }

        static Input of(ShellValue v, String sourceWhenUnknown) {
            return v.isKnown() ? new Input(v.text(), null) : new Input(null, sourceWhenUnknown + " (" + v.display() + ")");
        }

        static Input unknown(String source) {
            return new Input(null, source);
        }

        boolean known() {
            return text != null;
        }

        String unknownSource() {
            return unknownSource;
        }

        /** The rest of the input. */
        String rest() {
            String r = text.substring(pos);
            pos = text.length();
            return r;
        }

        /** The next line without its newline, or null at the end; {@code [1]} tells whether it ended with one. */
        String[] readLine() {
            if (pos >= text.length()) return null;
            int nl = text.indexOf('\n', pos);
            String line = nl < 0 ? text.substring(pos) : text.substring(pos, nl);
            pos = nl < 0 ? text.length() : nl + 1;
            return new String[]{line, nl < 0 ? "" : "\n"};
        }
    }
}
