package dev.routerls.cli;

import dev.routerls.core.TextDecoder;
import dev.routerls.robustness.LintRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `routerls lint` reads a UCI file's bytes as libuci does and reports at the decoded text's columns. */
class UciLintEncodingTest {
    @TempDir
    Path tmp;

    @Test
    void shiftJisBackslashByteAndByteOrderMark() throws IOException {
        Path config = tmp.resolve("etc/config");
        Files.createDirectories(config);
        // ソ is 0x83 0x5C in Shift_JIS: unquoted, its 0x5C escapes the blank after it, so "ソ x" is one value
        Files.write(config.resolve("system"), "config system\n\toption hostname ソ x\n\toption zonename 'ソ' x\n"
                .getBytes(TextDecoder.SHIFT_JIS));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] network = "config interface 'lan'\n\toption proto 'dhcp'\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + network.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(network, 0, withBom, 3, network.length);
        Files.write(config.resolve("network"), withBom);
        LintRun r = LintRun.of("lint", "--format", "compact", "--fail-on", "none", config.toString());
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        // only the second line of system is too long: the first reads as hostname "ソ x"
        assertTrue(out.contains("system:3:22: error openwrt/uci-syntax: too many arguments"), out);
        assertTrue(!out.contains("system:2:"), out);
        assertTrue(out.contains("network:1:1: error openwrt/uci-syntax: invalid command: the file starts with a UTF-8 "
                + "byte-order mark"), out);
    }
}
