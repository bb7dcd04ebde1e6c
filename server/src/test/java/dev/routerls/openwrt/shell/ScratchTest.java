package dev.routerls.openwrt.shell;

import org.junit.jupiter.api.Test;
import java.nio.file.*;

class ScratchTest {
    @Test
    void dump() throws Exception {
        String s = "a=1\nwhile [ $rule -le $units1  ] ; do\n  mark=`expr $rule + 16`\n iptables -t nat -A X --to $IP4:$portl-$portr\ndone\n"
          + "cat <<-EOF | x\n\thello $a\n\tEOF\necho \"${x:-a b}\" 'q' $((1+2)) $(echo hi)\nfunction f(){\n echo\n}\ncase \"$1\" in\n a|b) echo;;\n *) x\n ;;\nesac\nfor i in 1 2; do echo; done\nif x; then y; elif z; then w; else q; fi\necho ) bad\necho after\n";
        ShellScript sc = ShellScript.parse("file:///x", s);
        System.out.println(sc.problems());
        for (var c : sc.commands()) System.out.println(c);
        for (Path p : Files.newDirectoryStream(Paths.get(System.getProperty("routerls.sharedDir"), "corpus/firewall-user"))) {
            ShellScript s2 = ShellScript.parse(p.toUri().toString(), Files.readString(p));
            System.out.println(p + " " + s2.problems() + " " + s2.commands().size());
        }
    }
}
