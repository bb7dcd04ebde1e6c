package dev.routerls.testing;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FixtureTest {
    @Test
    void markersBecomeRangesAndAreRemoved() {
        Fixture f = Fixture.parse("ip lan1 «a/b~bad|address»\n«c/d|x\ny»z");
        assertEquals("ip lan1 address\nx\nyz", f.text());
        assertEquals(new SourceRange(0, 8, 0, 15), f.expected().get(0).range());
        assertEquals("bad", f.expected().get(0).messagePart());
        assertEquals(new SourceRange(1, 0, 2, 1), f.expected().get(1).range());
    }

    @Test
    void mismatchFails() {
        Fixture f = Fixture.parse("«yamaha/syntax|xx»");
        Diagnostic wrongPlace = new Diagnostic("yamaha/syntax", Severity.ERROR, "u", new SourceRange(0, 1, 0, 2), "m");
        assertThrows(AssertionError.class, () -> f.assertFindings(List.of(wrongPlace), "yamaha/syntax"));
        Diagnostic right = new Diagnostic("yamaha/syntax", Severity.ERROR, "u", new SourceRange(0, 0, 0, 2), "m");
        f.assertFindings(List.of(right), "yamaha/syntax");
    }
}
