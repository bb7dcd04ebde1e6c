package dev.routerls.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stdout and stderr are terminals, which decides colour (stdout, unless NO_COLOR is set) and the
 * progress line (stderr). Java cannot ask for one stream alone, so the launcher passes what {@code [ -t 1 ]}
 * and {@code [ -t 2 ]} said in ROUTERLS_STDOUT_TTY / ROUTERLS_STDERR_TTY; without it, Linux's
 * /proc/self/fd tells where the stream points.
 */
record Terminal(boolean stdoutTty, boolean stderrTty, boolean noColor) {
    static final Terminal NONE = new Terminal(false, false, true);

    static Terminal detect() {
        String noColor = System.getenv("NO_COLOR");
        return new Terminal(isTty(1, "ROUTERLS_STDOUT_TTY"), isTty(2, "ROUTERLS_STDERR_TTY"),
                noColor != null && !noColor.isEmpty());
    }

    boolean colour() {
        return stdoutTty && !noColor;
    }

    private static boolean isTty(int fd, String env) {
        String said = System.getenv(env);
        if (said != null) return said.equals("1");
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
