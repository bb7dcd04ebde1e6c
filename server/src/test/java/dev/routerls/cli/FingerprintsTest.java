package dev.routerls.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fingerprints ignore how much whitespace a line has, exactly as the regex {@code \s+} → one space would. */
class FingerprintsTest {
    @Test
    void whitespaceRunsCollapseAsTheRegexWould() {
        for (String s : new String[]{"", "a", "a b", "a  b", "a\t \tb", " lead", "trail ", "a\r\n\u000b\fb", "x\u3000y", "a\u00a0 b"}) {
            assertEquals(s.replaceAll("\\s+", " "), Fingerprints.collapseWhitespace(s), s);
        }
    }
}
