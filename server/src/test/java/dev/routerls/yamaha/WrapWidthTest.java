package dev.routerls.yamaha;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Display width as a terminal capture counts it: tabs to the next multiple of 8, East Asian wide characters as two. */
class WrapWidthTest {
    @Test
    void countsTabsWideCharactersAndSurrogatePairs() {
        assertEquals(0, WrapWidth.width(""));
        assertEquals(3, WrapWidth.width("abc"));
        assertEquals(9, WrapWidth.width("a\tb"));
        assertEquals(16, WrapWidth.width("\t\t"));
        assertEquals(4, WrapWidth.width("日本"));
        assertEquals(5, WrapWidth.width("ｘｘa"), "fullwidth forms are wide");
        assertEquals(3, WrapWidth.width("\uD840\uDC00a"), "U+20000 is one wide character, not two");
        assertEquals(2, WrapWidth.width("é\u00a0"), "Latin-1 letters are narrow");
    }

    @Test
    void aRowOfEightyOrSeventyNineColumnsIsAtTheWrapWidth() {
        assertTrue(WrapWidth.atWrapWidth("x".repeat(80)));
        assertTrue(WrapWidth.atWrapWidth("x".repeat(77) + "日"));
        assertFalse(WrapWidth.atWrapWidth("x".repeat(78)));
        assertFalse(WrapWidth.atWrapWidth("x".repeat(200)));
    }
}
