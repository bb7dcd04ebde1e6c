package dev.routerls.services.mape;

import dev.routerls.core.Diagnostic;
import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.core.TextEdit;
import dev.routerls.core.edit.DocumentEdits;
import dev.routerls.core.edit.LineEnding;
import dev.routerls.openwrt.mape.SnatBlockGenerator;
import dev.routerls.openwrt.mape.SnatExpectationCheck;
import dev.routerls.openwrt.mape.SnatLoopReplacement;
import dev.routerls.openwrt.router.FirewallGeneration;
import dev.routerls.openwrt.router.MapInterface;
import dev.routerls.openwrt.router.MapeExpectation;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.SnatTarget;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.rules.openwrt.MapeNthSpreadRule;
import dev.routerls.rules.openwrt.MapePortRangeRule;
import dev.routerls.rules.openwrt.MapePsidMismatchRule;
import dev.routerls.services.feature.CodeActionParticipant;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.types.ActionOffer;
import dev.routerls.services.types.EditorAction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Code actions that write correct MAP-E SNAT rules from {@link SnatBlockGenerator}, in firewall.user and on a
 * map interface in /etc/config/network:
 * <ul>
 * <li>"Insert MAP-E SNAT rules for IFACE (PSID p)" only where the router has no SNAT for that interface yet
 *     (on fw4: none in /etc/nftables.d/). On fw3 the block goes at the end of firewall.user, replacing a block
 *     generated before; on fw4 it becomes a file in /etc/nftables.d/;</li>
 * <li>"Replace with correct MAP-E SNAT rules …" where its SNAT is wrong and the loop can be replaced
 *     ({@link SnatLoopReplacement}: the old loop is kept as comments; the SNAT rules attach the same edit to
 *     their findings as a quick fix);</li>
 * <li>for SNAT findings whose loop can be neither corrected by one value nor replaced, a quick fix that inserts
 *     the correct block and marks the old loop with a comment asking to remove it.</li>
 * </ul>
 * A router whose SNAT already is the expected one gets none of them. The user's loop is never deleted silently.
 */
public final class SnatActions implements CodeActionParticipant {
    private static final List<String> LOOP_RULES = List.of(MapePortRangeRule.ID, MapeNthSpreadRule.ID,
            MapePsidMismatchRule.ID);

    /** Actions at {@code range} of document {@code uri}, given the latest {@code diagnostics} there. */
    public List<EditorAction> at(Router router, String uri, SourceRange range, List<Diagnostic> diagnostics) {
        return offers(router, uri, range, diagnostics).stream().map(o -> o.resolve().get()).toList();
    }

    /** In the editor: listed with their titles; the SNAT block is generated only when the user picks one. */
    @Override
    public List<ActionOffer> actions(FeatureContext c, SourceRange range) {
        return offers(c.router(), c.uri(), range, c.diagnostics());
    }

    private List<ActionOffer> offers(Router router, String uri, SourceRange range, List<Diagnostic> diagnostics) {
        List<ActionOffer> out = new ArrayList<>();
        Optional<ShellScript> script = router.firewallUser();
        boolean inScript = script.isPresent() && script.get().uri().equals(uri);
        boolean fw4 = router.release().generation() == FirewallGeneration.FW4;
        for (MapInterface m : router.mapInterfaces()) {
            Optional<MapeExpectation> e = router.expectation(m);
            if (e.isEmpty() || !(inScript || m.uri().equals(uri) && inside(m.iface().section(), range))) continue;
            List<SnatTarget> targets = router.snatTargetsFor(m);
            // on fw4 a firewall.user loop is a leftover (openwrt/fw4-firewall-user): the native place is nftables.d
            boolean none = fw4 ? targets.stream().noneMatch(t -> t.source() == SnatTarget.Source.NFTABLES) : targets.isEmpty();
            if (none) {
                offer(router, e.get(), null, null).ifPresent(out::add);
            } else if (!SnatExpectationCheck.matches(router, m.name(), e.get().result())) {
                SnatLoopReplacement.forMap(router, m)
                        // at a finding the same edit is already listed as its quick fix
                        .filter(x -> diagnostics.stream().noneMatch(d -> touches(d.range(), range)
                                && d.fixes().stream().anyMatch(f -> f.edits().equals(x.fix().edits()))))
                        .ifPresent(x -> out.add(new ActionOffer(x.fix().title(), false, null, () -> new EditorAction(
                                x.fix().title(), false, null, DocumentEdits.exact(script.get().text(), x.fix().edits()),
                                List.of()))));
            }
        }
        if (inScript && !fw4 && router.mapInterfaces().size() == 1) {
            MapInterface m = router.mapInterfaces().get(0);
            Optional<MapeExpectation> e = router.expectation(m);
            boolean replaceable = e.isPresent() && SnatLoopReplacement.forMap(router, m).isPresent();
            for (Diagnostic d : diagnostics) {
                if (!LOOP_RULES.contains(d.ruleId()) || !d.fixes().isEmpty() || !overlaps(d.range(), range)) continue;
                // a loop that already SNATs to exactly the port set needs no second rule set (what it may lack, the
                // rules for connections without a mark, its finding's own fix adds)
                if (e.isEmpty() || replaceable || SnatExpectationCheck.matches(router, m.name(), e.get().result())) continue;
                offer(router, e.get(), d, loopStart(script.get(), d.range())).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The offer of {@link #insert}, when it can be made: its title now, its edits when resolved. */
    private Optional<ActionOffer> offer(Router router, MapeExpectation e, Diagnostic finding, Integer loopLine) {
        boolean fw4 = router.release().generation() == FirewallGeneration.FW4;
        if (fw4 ? router.rootUri() == null : router.firewallUser().isEmpty()) return Optional.empty();
        if (finding != null && (router.firewallUser().isEmpty() || loopLine == null)) return Optional.empty();
        String device = e.iface().iface().mapDevice();
        String title = (finding == null ? "Insert" : "Insert correct") + " MAP-E SNAT rules for " + e.iface().name()
                + " (PSID " + e.result().psid() + ")" + (fw4 ? " in " + SnatBlockGenerator.nftablesPath(device) : "")
                + (finding == null ? "" : "; mark the old loop for removal");
        return Optional.of(new ActionOffer(title, finding != null, finding,
                () -> insert(router, e, finding, loopLine).orElseThrow()));
    }

    /**
     * The insert action for one map interface. With {@code finding} set it is that finding's quick fix and also
     * puts a comment before line {@code loopLine} of firewall.user.
     */
    private Optional<EditorAction> insert(Router router, MapeExpectation e, Diagnostic finding, Integer loopLine) {
        String device = e.iface().iface().mapDevice();
        String title = (finding == null ? "Insert" : "Insert correct") + " MAP-E SNAT rules for " + e.iface().name()
                + " (PSID " + e.result().psid() + ")";
        List<TextEdit> edits = new ArrayList<>();
        List<EditorAction.NewFile> files = new ArrayList<>();
        Optional<ShellScript> script = router.firewallUser();
        if (router.release().generation() == FirewallGeneration.FW4) {
            String path = SnatBlockGenerator.nftablesPath(device);
            String root = router.rootUri() == null ? "" : router.rootUri().endsWith("/") ? router.rootUri() : router.rootUri() + "/";
            if (root.isEmpty()) return Optional.empty();   // not under an etc/ folder: no place for the file
            files.add(new EditorAction.NewFile(root + path.substring("/etc/".length()),
                    SnatBlockGenerator.nftables(e.result(), device)));
            title += " in " + path;
        } else {
            if (script.isEmpty()) return Optional.empty();
            edits.addAll(blockEdits(script.get(), device, SnatBlockGenerator.iptables(e.result(), device)));
        }
        if (finding != null) {
            if (script.isEmpty() || loopLine == null) return Optional.empty();
            String where = files.isEmpty() ? "at the end of this file" : "in " + SnatBlockGenerator.nftablesPath(device);
            edits.add(new TextEdit(script.get().uri(), SourceRange.of(loopLine, 0, 0),
                    "# routerls: the SNAT rules of the loop below do not match the MAP-E port set; the correct rules are "
                            + where + ". Remove this loop.\n"));
            title += "; mark the old loop for removal";
        }
        List<TextEdit> exact = script.isPresent() ? DocumentEdits.exact(script.get().text(), edits) : edits;
        return Optional.of(new EditorAction(title, finding != null, finding, exact, files));
    }

    /** Replace an earlier generated block for the device, else append the block after a blank line. */
    private static List<TextEdit> blockEdits(ShellScript script, String device, String block) {
        String text = script.text();
        LineIndex index = new LineIndex(text);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < index.lineCount(); i++) lines.add(index.line(i));
        List<int[]> existing = SnatBlockGenerator.find(lines, device);
        String eol = LineEnding.of(text).text();
        if (!existing.isEmpty()) {
            int[] b = existing.get(0);
            return List.of(new TextEdit(script.uri(), index.wholeLines(b[0], b[1]), block));
        }
        int last = index.lineCount() - 1;
        boolean endsWithBreak = last > 0 && index.line(last).isEmpty();
        String lead = text.isEmpty() ? "" : endsWithBreak ? "\n" : "\n\n";
        return List.of(new TextEdit(script.uri(), SourceRange.of(last, index.line(last).length(), index.line(last).length()),
                (lead + block).replace("\n", eol)));
    }

    /** The first line of the top-level command (the loop) that holds {@code r}. */
    private static Integer loopStart(ShellScript script, SourceRange r) {
        for (ShellCommand c : script.commands()) {
            if (c.range().startLine() <= r.startLine() && c.range().endLine() >= r.endLine()) return c.range().startLine();
        }
        return null;
    }

    private static boolean inside(UciSection s, SourceRange r) {
        int first = s.header().range().startLine();
        int last = s.header().range().endLine();
        for (UciOption o : s.options()) last = Math.max(last, o.range().endLine());
        return r.startLine() >= first && r.startLine() <= last;
    }

    /** Position overlap, as the quick fixes of findings are listed at a range. */
    private static boolean touches(SourceRange a, SourceRange b) {
        return !before(a.endLine(), a.endColumn(), b.startLine(), b.startColumn())
                && !before(b.endLine(), b.endColumn(), a.startLine(), a.startColumn());
    }

    private static boolean before(int l1, int c1, int l2, int c2) {
        return l1 < l2 || l1 == l2 && c1 < c2;
    }

    private static boolean overlaps(SourceRange a, SourceRange b) {
        return a.startLine() <= b.endLine() && b.startLine() <= a.endLine();
    }
}
