package dev.routerls.openwrt.shell;

import dev.routerls.core.SourceRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parse tree users' ranges come from. */
class ShellSyntaxTest {

    @Test
    void wordsKeepTheirRangesAndParts() {
        ShellScript s = ShellScript.parse("u", "  iptables --to \"$IP4\":${lo:-1}-`expr 1 + 2`  # note\n");
        assertTrue(s.problems().isEmpty());
        ShellCommand.Simple c = assertInstanceOf(ShellCommand.Simple.class, s.commands().get(0));
        assertEquals(new SourceRange(0, 2, 0, 44), c.range());
        ShellWord to = c.words().get(2);
        assertEquals(new SourceRange(0, 16, 0, 44), to.range());
        List<ShellWord.Part> parts = to.parts();
        ShellWord.Parameter ip = assertInstanceOf(ShellWord.Parameter.class, parts.get(1));
        assertEquals("IP4", ip.name());
        assertTrue(ip.quoted());
        assertEquals(new SourceRange(0, 17, 0, 21), ip.range());
        ShellWord.Parameter lo = (ShellWord.Parameter) parts.stream().filter(p -> p instanceof ShellWord.Parameter q
                && q.name().equals("lo")).findFirst().orElseThrow();
        assertEquals(":-", lo.operator());
        assertEquals("1", lo.argument().literalValue());
        ShellWord.CommandSubstitution expr = assertInstanceOf(ShellWord.CommandSubstitution.class, parts.get(parts.size() - 1));
        assertTrue(expr.backquoted());
        ShellCommand.Simple inner = (ShellCommand.Simple) expr.body().commands().get(0);
        assertEquals(new SourceRange(0, 33, 0, 43), inner.range());
    }

    @Test
    void hereDocumentsAttachToTheirRedirections() {
        ShellScript s = ShellScript.parse("u", "cat <<A; cat <<-'B'\none $x\nA\n\t\ttwo $x\n\tB\necho after\n");
        assertTrue(s.problems().isEmpty(), s.problems()::toString);
        ShellCommand.Sequence line = assertInstanceOf(ShellCommand.Sequence.class, s.commands().get(0));
        ShellCommand.HereDocument a = ((ShellCommand.Simple) line.commands().get(0)).redirections().get(0).hereDocument();
        ShellCommand.HereDocument b = ((ShellCommand.Simple) line.commands().get(1)).redirections().get(0).hereDocument();
        assertEquals("A", a.delimiter());
        assertTrue(a.expands());
        assertEquals("one $x\n", a.body().text());
        assertFalse(a.body().isLiteral());
        assertEquals("B", b.delimiter());
        assertFalse(b.expands());
        assertTrue(b.stripTabs());
        assertEquals("two $x\n", b.body().literalValue());
        assertTrue(b.terminated());
        ShellCommand.Simple after = (ShellCommand.Simple) s.commands().get(1);
        assertEquals(new SourceRange(5, 0, 5, 10), after.range());
    }

    @Test
    void compoundCommandsAndFunctionForms() {
        ShellScript s = ShellScript.parse("u", """
                function a() { :; }
                function b { :; }
                c() (echo sub)
                for x; do :; done
                case $1 in (x|y) ;; *) echo ;; esac
                ! true | false && { echo; } || (exit 1) &
                while read l; do :; done < /etc/file
                """);
        assertTrue(s.problems().isEmpty(), s.problems()::toString);
        List<ShellCommand> c = s.commands();
        assertEquals("a", ((ShellCommand.FunctionDefinition) c.get(0)).name());
        assertEquals("b", ((ShellCommand.FunctionDefinition) c.get(1)).name());
        assertInstanceOf(ShellCommand.Subshell.class, ((ShellCommand.FunctionDefinition) c.get(2)).body());
        assertEquals(null, ((ShellCommand.For) c.get(3)).items());
        ShellCommand.Case k = (ShellCommand.Case) c.get(4);
        assertEquals(List.of("x", "y"), k.items().get(0).patterns().stream().map(ShellWord::text).toList());
        assertInstanceOf(ShellCommand.Background.class, c.get(5));
        ShellCommand.Redirected r = assertInstanceOf(ShellCommand.Redirected.class, c.get(6));
        assertEquals("<", r.redirections().get(0).operator());
    }

    @Test
    void eachBrokenStatementIsReportedOnce() {
        ShellScript s = ShellScript.parse("u", "echo a )\nif then\nfi\necho ok\ndone\necho b\n");
        assertEquals(List.of(0, 1, 4), s.problems().stream().map(d -> d.range().startLine()).toList());
        assertEquals(List.of("echo ok", "echo b"), s.commands().stream()
                .map(c -> String.join(" ", ((ShellCommand.Simple) c).words().stream().map(ShellWord::text).toList())).toList());
    }

    @Test
    void unicodeAndCrLfKeepColumns() {
        ShellScript s = ShellScript.parse("u", "echo 'ü😀' x\r\niptables -A y\r\n");
        assertTrue(s.problems().isEmpty());
        ShellCommand.Simple first = (ShellCommand.Simple) s.commands().get(0);
        // ü is one UTF-16 unit, 😀 two
        assertEquals(new SourceRange(0, 11, 0, 12), first.words().get(2).range());
        assertEquals(new SourceRange(1, 0, 1, 13), s.commands().get(1).range());
    }
}
