package dev.routerls.testing;

import dev.routerls.analysis.AnalysisStopped;
import dev.routerls.core.Diagnostic;
import dev.routerls.core.Unanalysed;
import dev.routerls.openwrt.nft.NftSnippet;
import dev.routerls.openwrt.shell.EvaluationResult;
import dev.routerls.openwrt.shell.ShellProblem;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.rules.Findings;
import dev.routerls.rules.openwrt.NftSyntaxRule;
import dev.routerls.rules.openwrt.ShellLoopLimitRule;
import dev.routerls.rules.openwrt.ShellProblemRule;
import dev.routerls.rules.openwrt.ShellSyntaxRule;
import dev.routerls.rules.openwrt.ShellUnevaluatedRule;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings routerls reports for one shell script or nftables snippet read on its own (without a router):
 * the registered rules turn what the readers found into findings, with their ids and severities, and parts not
 * analysed become the engine's {@code routerls/analysis-stopped} finding. Default settings, in reading order.
 */
public final class ScriptFindings {
    private static final ShellSyntaxRule SYNTAX = new ShellSyntaxRule();
    private static final List<ShellProblemRule> EVALUATION = List.of(new ShellUnevaluatedRule(), new ShellLoopLimitRule());
    private static final NftSyntaxRule NFT = new NftSyntaxRule();

    private ScriptFindings() {
    }

    /** What reading the script found: syntax errors, and the part not read when the budget ran out. */
    public static List<Diagnostic> syntax(ShellScript script) {
        List<Diagnostic> out = new ArrayList<>();
        SYNTAX.check(script.uri(), script.problems(), new Findings(SYNTAX.info(), script.uri(), out));
        return stopped(out, script.unanalysed());
    }

    /** What evaluating the script found: parts it could not follow, the step limit, the part not evaluated. */
    public static List<Diagnostic> evaluation(ShellScript script, EvaluationResult run) {
        List<Diagnostic> out = new ArrayList<>();
        for (ShellProblem p : run.problems()) {
            for (ShellProblemRule rule : EVALUATION) rule.check(script.uri(), List.of(p), new Findings(rule.info(), script.uri(), out));
        }
        return stopped(out, run.unanalysed());
    }

    /** Reading and evaluating together. */
    public static List<Diagnostic> of(ShellScript script, EvaluationResult run) {
        List<Diagnostic> out = new ArrayList<>(syntax(script));
        out.addAll(evaluation(script, run));
        return out;
    }

    /** What reading an nftables snippet found: syntax errors, and the blocks nested too deep to read. */
    public static List<Diagnostic> of(NftSnippet snippet) {
        List<Diagnostic> out = new ArrayList<>();
        NFT.check(snippet, new Findings(NFT.info(), snippet.uri(), out));
        return stopped(out, snippet.unanalysed());
    }

    private static List<Diagnostic> stopped(List<Diagnostic> out, List<Unanalysed> parts) {
        for (Unanalysed u : parts) out.add(AnalysisStopped.finding(u));
        return out;
    }
}
