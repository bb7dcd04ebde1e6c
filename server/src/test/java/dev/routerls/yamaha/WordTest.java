package dev.routerls.yamaha;

import dev.routerls.grammar.YamahaLexer;
import dev.routerls.yamaha.parse.Word;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A word keeps columns, type and flags in one number: every token type of the grammar fits, and so do long lines. */
class WordTest {
    @Test
    void everyTokenTypeAndLongLinesFit() {
        int maxType = YamahaLexer.VOCABULARY.getMaxTokenType();
        String line = "x".repeat(100_000) + " \"quoted word\"";
        Word w = Word.inLine(line, 100_001, line.length(), YamahaLexer.WORD);
        assertEquals(100_001, w.start());
        assertEquals(line.length(), w.end());
        assertEquals(YamahaLexer.WORD, w.type());
        assertEquals("quoted word", w.text(), "quotes resolved from the line");
        Word own = new Word("text", 3, 7, maxType, true);
        assertEquals(maxType, own.type());
        assertTrue(own.secret());
        assertEquals(Word.MASK, own.text());
        assertEquals(new Word("ab", 5, 7, YamahaLexer.NUMBER, false), Word.inLine("123 5ab", 5, 7, YamahaLexer.NUMBER),
                "a word is its text, span and type, however it keeps them");
        assertThrows(IllegalArgumentException.class, () -> Word.inLine(line, 5, 4, YamahaLexer.WORD));
    }
}
