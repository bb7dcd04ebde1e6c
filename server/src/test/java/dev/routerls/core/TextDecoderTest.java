package dev.routerls.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How file bytes become text: plain ASCII, UTF-8 with and without a byte-order mark, Shift_JIS, junk. */
class TextDecoderTest {

    @Test
    void plainAsciiIsExactUtf8() {
        TextDecoder.Decoded d = TextDecoder.decodeDetailed("ip lan1 address 192.168.100.1/24\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("ip lan1 address 192.168.100.1/24\r\n", d.text());
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals(0, d.bomLength());
        assertTrue(d.exact());
    }

    @Test
    void aByteOrderMarkIsSkippedAndRemembered() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'p'};
        TextDecoder.Decoded d = TextDecoder.decodeDetailed(bytes);
        assertEquals("ip", d.text());
        assertEquals(3, d.bomLength());
        assertTrue(d.exact());
    }

    @Test
    void utf8ThenShiftJisThenLenient() {
        String japanese = "description lan1 \u672c\u793e LAN";
        TextDecoder.Decoded utf8 = TextDecoder.decodeDetailed(japanese.getBytes(StandardCharsets.UTF_8));
        assertEquals(japanese, utf8.text());
        assertEquals(StandardCharsets.UTF_8, utf8.charset());
        TextDecoder.Decoded sjis = TextDecoder.decodeDetailed(japanese.getBytes(TextDecoder.SHIFT_JIS));
        assertEquals(japanese, sjis.text());
        assertEquals(TextDecoder.SHIFT_JIS, sjis.charset());
        TextDecoder.Decoded junk = TextDecoder.decodeDetailed(new byte[]{'a', (byte) 0x81, (byte) 0xFF, 'b'});
        assertFalse(junk.exact());
        assertEquals(StandardCharsets.UTF_8, junk.charset());
        assertTrue(junk.text().startsWith("a") && junk.text().endsWith("b"));
    }
}
