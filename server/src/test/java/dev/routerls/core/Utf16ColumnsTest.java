package dev.routerls.core;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Code point indexes, as ANTLR's char streams count them, land on the same character in the Java string. */
class Utf16ColumnsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "ip lan1 address 192.0.2.1/24", "description lan1 \"拠点😀A\" 🍣🍣 x", "😀", "a\uD800b", "\r\n🍣\n"})
    void everyCodePointMapsToItsCharacter(String text) {
        Utf16Columns columns = Utf16Columns.of(text);
        CodePointCharStream stream = CharStreams.fromString(text);
        assertEquals(stream.size(), columns.codePointCount());
        for (int i = 0; i < stream.size(); i++) {
            int at = columns.utf16(i);
            assertEquals(stream.LA(i + 1), text.codePointAt(at), "code point " + i + " of " + text);
        }
        assertEquals(text.length(), columns.utf16(columns.codePointCount()), "the end");
        assertEquals(0, columns.utf16(-1), "before the start");
        assertEquals(text.length() + 2, columns.utf16(columns.codePointCount() + 2), "past the end, one unit per code point");
    }
}
