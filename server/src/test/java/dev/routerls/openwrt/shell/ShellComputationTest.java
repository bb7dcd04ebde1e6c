package dev.routerls.openwrt.shell;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Arithmetic, expr, test and parameter expansion as a script sees them (values hand-computed with C/POSIX rules). */
class ShellComputationTest {

    /** The single argument the script passes to iptables. */
    private static String argumentOf(String script) {
        EvaluationResult r = ShellEvaluator.evaluate(ShellScript.parse("u", script), Map.of());
        assertEquals(1, r.commands().size(), () -> r.commands() + " " + r.problems());
        return String.join(" ", r.commands().get(0).argvDisplay().subList(1, r.commands().get(0).argv().size()));
    }

    @ParameterizedTest(name = "$(({0})) = {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '§', value = {
            "1+2*3 => 7", "(1+2)*3 => 9", "7/2 => 3", "-7/2 => -3", "7%3 => 1", "-7%3 => -1", "1<<4 => 16", "256>>4 => 16", "6&3 => 2",
            "6|3 => 7", "6^3 => 5", "~0 => -1", "!0 => 1", "!5 => 0", "3>2 => 1", "2>=3 => 0", "1==1 => 1", "1!=1 => 0",
            "1&&0 => 0", "0||2 => 1", "1?10:20 => 10", "0?10:20 => 20", "0x10 => 16", "010 => 8", "2#101 => 5", "1+2<<1 => 6",
            "1<2==1 => 1", "x=4+1 => 5", "x+=3 => 3", "2*3+4*5 => 26", "- -3 => 3", "(1<<12)|(110<<4) => 5856"})
    void arithmetic(String expression, String expected) {
        assertEquals(expected, argumentOf("iptables $((" + expression + "))"));
    }

    @ParameterizedTest(name = "expr {0} = {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '§', value = {
            "3 \\* 4 => 12", "10 / 3 => 3", "10 % 3 => 1", "2 + 3 \\* 4 => 14", "\\( 2 + 3 \\) \\* 4 => 20", "5 \\> 3 => 1",
            "abc = abc => 1", "abc = abd => 0", "0 \\| 7 => 7", "0 \\& 7 => 0", "4 - 10 => -6", "1 \\* 4096 + 110 \\* 16 => 5856"})
    void expr(String args, String expected) {
        assertEquals(expected, argumentOf("iptables `expr " + args + "`"));
    }

    @ParameterizedTest(name = "[ {0} ] -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '§', value = {
            "1 -eq 1 => yes", "1 -ne 1 => no", "2 -lt 10 => yes", "10 -le 2 => no", "3 -gt 2 => yes", "3 -ge 4 => no",
            "abc = abc => yes", "abc != abc => no", "-z '' => yes", "-n '' => no", "-n x => yes", "x => yes", "'' => no",
            "! 1 -eq 2 => yes", "1 -eq 1 -a 2 -eq 3 => no", "1 -eq 2 -o 2 -eq 2 => yes", "\\( 1 -eq 1 \\) => yes", "! => yes"})
    void test(String expression, String expected) {
        assertEquals(expected, argumentOf("if [ " + expression + " ]; then iptables yes; else iptables no; fi"));
        assertEquals(expected, argumentOf("test " + expression + " && r=yes || r=no; iptables $r"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '§', value = {
            "${unset:-dflt} => dflt", "${empty:-dflt} => dflt", "${empty-dflt} => ''", "${set:-dflt} => val",
            "${unset:+alt} => ''", "${set:+alt} => alt", "${#set} => 3", "${path#*/} => b/c.txt", "${path##*/} => c.txt",
            "${path%/*} => a/b", "${path%%/*} => a", "${path%.txt} => a/b/c", "\"$set\"x => valx", "'$set' => $set",
            "\\$set => $set", "\"a  b\" => a  b", "$words => one two", "\"$words\" => one  two", "${unset:=new}$unset => newnew"})
    void parameters(String word, String expected) {
        String script = "set=val\nempty=\npath=a/b/c.txt\nwords='one  two'\niptables " + word + "\n";
        assertEquals(expected.equals("''") ? "" : expected, argumentOf(script));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '§', value = {
            "$(echo a b) => a b", "$(echo -n x)y => xy", "$(printf '%03d-%x' 7 255) => 007-ff", "$(seq -s , 1 4) => 1,2,3,4",
            "$(seq 3 -1 1 | while read n; do echo -n $n; done) => 321", "`echo \\`echo in\\`` => in",
            "\"$(echo 'a  b')\" => a  b", "$(true && echo t || echo f) => t", "$(false && echo t || echo f) => f",
            "$(f() { echo $# $2; }; f a b c) => 3 b", "$(set -- x y z; shift 2; echo $1) => z", "x$(exit 3; echo no) => x"})
    void substitutions(String word, String expected) {
        assertEquals(expected, argumentOf("iptables " + word + "\n"));
    }
}
