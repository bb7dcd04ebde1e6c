package dev.routerls.services.uci;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.SemanticTokensParticipant;
import dev.routerls.services.types.SemanticToken;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Semantic tokens of firewall.user from the parsed script: each command's name, option words of firewall
 * commands as keywords, devices of the router's interfaces, and variables where they are set and read.
 */
final class ScriptSemanticTokens implements SemanticTokensParticipant {
    @Override
    public List<SemanticToken> tokens(FeatureContext c) {
        Optional<ShellScript> script = ScriptDevices.script(c.router(), c.uri());
        List<SemanticToken> out = new ArrayList<>();
        if (script.isEmpty()) return out;
        for (ScriptNames.Use u : ScriptNames.of(script.get()).uses()) add(out, u.range(), SemanticToken.Type.VARIABLE, u.write());
        commands(c, script.get().body(), out);
        return out;
    }

    private void commands(FeatureContext c, ShellCommand cmd, List<SemanticToken> out) {
        if (cmd == null) return;
        if (cmd instanceof ShellCommand.Simple s) {
            if (s.words().isEmpty()) return;
            var first = s.words().get(0);
            add(out, first.range(), SemanticToken.Type.COMMAND, false);
            String name = first.literalValue();
            boolean firewall = name != null && (name.startsWith("iptables") || name.startsWith("ip6tables") || name.equals("nft"));
            if (!firewall) return;
            for (var w : s.words().subList(1, s.words().size())) {
                String v = w.literalValue();
                if (v == null) continue;
                if (v.startsWith("-")) add(out, w.range(), SemanticToken.Type.KEYWORD, false);
                else if (c.router().interfaceOfDevice(v).isPresent()) add(out, w.range(), SemanticToken.Type.INTERFACE, false);
            }
        } else {
            if (cmd instanceof ShellCommand.FunctionDefinition f) add(out, f.nameRange(), SemanticToken.Type.COMMAND, true);
            cmd.children().forEach(x -> commands(c, x, out));
        }
    }

    private static void add(List<SemanticToken> out, SourceRange r, SemanticToken.Type type, boolean declaration) {
        if (r == null || r.startLine() != r.endLine() || r.endColumn() <= r.startColumn()) return;
        out.add(new SemanticToken(r.startLine(), r.startColumn(), r.endColumn() - r.startColumn(), type, declaration));
    }
}
