package dev.routerls.cli;

import dev.routerls.robustness.LintRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A UCI file saved in Shift_JIS is read by libuci byte by byte: the second byte of 表 (0x95 0x5C) is a
 * backslash to it, so a double-quoted value reads on past its closing quote. The secrets of such a file are
 * masked in the excerpts by that same reading, not by a UTF-8 reading of the decoded text.
 */
class ShiftJisSecretMaskTest {

    @Test
    void excerptsOfAShiftJisUciFileMaskTheSecretsLibuciReads(@TempDir Path tmp) throws Exception {
        String text = """
                config interface 'lan'
                	option proto 'static'
                	option ipaddr '192.168.1.1'
                	option description "表"
                	option comment "
                	option password 'SxShiftJis01x'
                	option name "n"
                """;
        Path file = tmp.resolve("etc/config/network");
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(Charset.forName("Shift_JIS")));
        LintRun r = LintRun.of("lint", "--format", "text", "--fail-on", "none", file.toString());
        assertTrue(r.out().contains("password"), r.describe());
        assertFalse(r.out().contains("SxShiftJis01x"), r.out());
    }
}
