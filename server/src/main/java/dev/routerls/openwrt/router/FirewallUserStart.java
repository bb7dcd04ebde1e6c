package dev.routerls.openwrt.router;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.shell.ShellWord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What runs /etc/firewall.user on a router: a firewall {@code config include} the firewall honours (fw3
 * runs every script include; fw4 only one with {@code fw4_compatible '1'}), or rc.local's
 * {@code sh /etc/firewall.user} (seed 000), which runs once at boot. {@code range} is the deciding line.
 */
public record FirewallUserStart(String how, String uri, SourceRange range) {

    /** Every way the router runs firewall.user (empty: its rules never take effect). */
    public static List<FirewallUserStart> of(Router router) {
        List<FirewallUserStart> out = new ArrayList<>();
        boolean fw4 = router.release().generation() == FirewallGeneration.FW4;
        for (FirewallInclude inc : router.includes()) {
            if (!inc.runsFirewallUser() || fw4 && !inc.fw4Compatible()) continue;
            SourceRange at = inc.section().value("path").map(v -> v.range()).orElse(inc.section().header().range());
            out.add(new FirewallUserStart(fw4 ? "the fw4_compatible include of /etc/firewall.user"
                    : "the firewall's include of /etc/firewall.user", inc.uri(), at));
        }
        router.rcLocal().flatMap(FirewallUserStart::call).ifPresent(c ->
                out.add(new FirewallUserStart("rc.local (once at boot)", router.rcLocal().get().uri(), c.range())));
        return out;
    }

    /** The command of {@code script} that runs /etc/firewall.user ({@code sh /etc/firewall.user}, {@code . …}), if any. */
    public static Optional<ShellCommand> call(ShellScript script) {
        for (ShellCommand c : script.commands()) {
            if (runs(c)) return Optional.of(c);
        }
        return Optional.empty();
    }

    private static boolean runs(ShellCommand c) {
        if (c instanceof ShellCommand.Simple s) {
            List<String> w = s.words().stream().map(ShellWord::literalValue).toList();
            if (w.isEmpty() || w.get(0) == null) return false;
            String cmd = w.get(0);
            if (cmd.equals("/etc/firewall.user")) return true;
            return (cmd.equals("sh") || cmd.equals("ash") || cmd.equals("/bin/sh") || cmd.equals(".")
                    || cmd.equals("source")) && w.size() > 1 && "/etc/firewall.user".equals(w.get(w.size() - 1));
        }
        if (c instanceof ShellCommand.Sequence s) return s.commands().stream().anyMatch(FirewallUserStart::runs);
        if (c instanceof ShellCommand.AndOr a) return a.commands().stream().anyMatch(FirewallUserStart::runs);
        if (c instanceof ShellCommand.Pipeline p) return p.commands().stream().anyMatch(FirewallUserStart::runs);
        if (c instanceof ShellCommand.Background b) return runs(b.command());
        if (c instanceof ShellCommand.Redirected r) return runs(r.command());
        if (c instanceof ShellCommand.BraceGroup b) return runs(b.body());
        return false;
    }
}
