package dev.routerls.services.uci;

import dev.routerls.grammar.UciLexer;
import dev.routerls.openwrt.uci.UciText;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user has typed on the cursor's line before the caret, read with the UCI lexer: the command
 * word, the finished arguments, and the argument being typed (possibly empty). Completion decides from
 * this which slot the caret is in, even when the line is still too incomplete to be a model element.
 */
record UciLinePrefix(int commandType, String commandWord, List<String> arguments, String partial,
                     boolean partialQuoted) {

    /** {@code commandType} when nothing but blanks precede the caret. */
    static final int NONE = -1;

    /** Index of the slot being typed: -1 the command word itself, 0 the first argument, … */
    int slot() {
        if (commandType == NONE) return -1;
        return commandWord == null ? -1 : arguments.size();
    }

    static UciLinePrefix of(String prefix) {
        UciLexer lexer = new UciLexer(CharStreams.fromString(prefix));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
            if (t.getType() == UciLexer.SEMI || t.getType() == UciLexer.NL) {
                tokens.clear(); // a new command starts after ';'
                continue;
            }
            tokens.add(t);
        }
        boolean endsInBlank = prefix.isEmpty() || Character.isWhitespace(prefix.charAt(prefix.length() - 1))
                || prefix.endsWith(";");
        if (tokens.isEmpty()) return new UciLinePrefix(NONE, null, List.of(), "", false);
        Token cmd = tokens.get(0);
        if (tokens.size() == 1 && !endsInBlank) {
            // still typing the command word
            return new UciLinePrefix(cmd.getType(), null, List.of(), cmd.getText(), false);
        }
        List<String> args = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) args.add(UciText.unquote(tokens.get(i).getText()));
        String partial = "";
        boolean quoted = false;
        if (!endsInBlank && !args.isEmpty()) {
            String raw = tokens.get(tokens.size() - 1).getText();
            quoted = raw.startsWith("'") || raw.startsWith("\"");
            partial = args.remove(args.size() - 1);
        }
        return new UciLinePrefix(cmd.getType(), cmd.getText(), args, partial, quoted);
    }
}
