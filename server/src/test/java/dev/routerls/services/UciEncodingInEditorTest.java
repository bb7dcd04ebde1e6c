package dev.routerls.services;

import dev.routerls.analysis.Analyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor hands over text; libuci reads the file's bytes. A UCI document whose file is Shift_JIS is
 * read as those bytes, so the editor shows the same finding as `routerls lint`, at the same place.
 */
class UciEncodingInEditorTest {
    @TempDir
    Path tmp;

    @Test
    void openShiftJisDocumentIsReadAsItsBytes() throws IOException {
        Path network = tmp.resolve("etc/config/network");
        Files.createDirectories(network.getParent());
        String text = "config interface 'lan'\n\toption proto 'static'\n\toption hostname \"表\"\n\toption mtu 1500\n";
        Files.write(network, text.getBytes(TextDecoder.SHIFT_JIS));
        Workspace ws = new Workspace();
        String uri = Uris.fromPath(network);
        ws.documents().open(uri, 1, text, "openwrt-uci");
        Map<String, List<Diagnostic>> result = new AnalysisEngine(new Analyzer())
                .analyze(ws.snapshot(ws.groupOf(ws.documents().get(uri).orElseThrow())).files(), AnalysisSettings.DEFAULT);
        List<Diagnostic> syntax = result.get(uri).stream().filter(d -> d.ruleId().equals("openwrt/uci-syntax")).toList();
        assertEquals(1, syntax.size(), result.toString());
        // 表 ends in byte 0x5C, which escapes the closing quote: the quote opened on line 3 never closes
        assertTrue(syntax.get(0).message().startsWith("EOF with unterminated \""), syntax.get(0).message());
        assertEquals(SourceRange.of(2, 17, 18), syntax.get(0).range());
    }
}
