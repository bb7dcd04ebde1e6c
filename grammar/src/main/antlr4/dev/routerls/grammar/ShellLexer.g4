/*
 * Lexer for the POSIX-shell subset found in OpenWrt /etc/firewall.user scripts.
 *
 * Words are read in pieces (plain text, escapes, quotes, and the openers of $(...), ${...}, `...`
 * and "...", each of which pushes a mode that lasts until its closer), so nesting is tracked by the
 * mode stack and every character is read once: thousands of unclosed or nested openers cost time in
 * proportion to their length. nextToken() glues the pieces of one shell word back into one WORD (or
 * ASSIGNMENT_WORD, or reserved word) token, so the parser still sees one token per shell word; a word
 * whose form or quote is still open at the end of the script becomes one UNTERMINATED token (the shell
 * reads the rest of the script into it), which records where its outermost opener is.
 * The word modes also serve the server on their own (mergeWords = false): it takes a word (or a
 * here-document body) apart by starting a fresh lexer in the mode it needs for that text.
 *
 * Here-documents: after a '<<' or '<<-' operator the next word is remembered as a delimiter; at the
 * following newline the lexer reads the pending bodies verbatim and emits each as one HEREDOC_BODY
 * token on the HEREDOC channel (body lines plus the delimiter line), so the parser never sees them.
 */
lexer grammar ShellLexer;

channels { HEREDOC }

tokens { HEREDOC_BODY, WORD, ASSIGNMENT_WORD, UNTERMINATED }

@members {
    /** A here-document whose body starts after the next newline. */
    public static final class PendingHeredoc {
        public final String delimiter;
        public final boolean stripTabs;
        PendingHeredoc(String delimiter, boolean stripTabs) {
            this.delimiter = delimiter;
            this.stripTabs = stripTabs;
        }
    }

    /** An UNTERMINATED word: where its outermost still-open opener starts (code point index) and what it is. */
    public static final class UnclosedToken extends CommonToken {
        public final int openerStart;
        public final String opener;
        UnclosedToken(Pair<TokenSource, CharStream> source, int start, int stop, int line, int column, int openerStart,
                      String opener) {
            super(source, UNTERMINATED, DEFAULT_TOKEN_CHANNEL, start, stop);
            setLine(line);
            setCharPositionInLine(column);
            this.openerStart = openerStart;
            this.opener = opener;
        }
    }

    /** False to get a word's pieces one by one (the server taking a word apart); scripts get whole words. */
    public boolean mergeWords = true;

    private final java.util.ArrayDeque<PendingHeredoc> pendingHeredocs = new java.util.ArrayDeque<>();
    private boolean bodiesDue;
    private int previousType = -1;
    private boolean bodyRead;
    /** A piece read ahead to see whether the word goes on. */
    private Token lookahead;
    /** Where the last word piece ended: a '#' right there continues the word instead of starting a comment. */
    private int pieceEnd = -1;

    /** The delimiter word as the shell compares it: quotes and backslashes removed. */
    public static String heredocDelimiter(String word) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\\' && i + 1 < word.length()) {
                sb.append(word.charAt(++i));
            } else if (c != '\'' && c != '"') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public boolean continuesWord() {
        return pieceEnd == _tokenStartCharIndex;
    }

    /** Tokens that can be (part of) a word when nothing separates them from the pieces around them. */
    private static boolean wordish(int type) {
        switch (type) {
            case LITERAL: case ESCAPED: case SQUOTED: case UNTERMINATED_QUOTE: case DQ_OPEN: case SUBST_OPEN:
            case BRACE_OPEN: case BQ_OPEN: case SIMPLE_EXPANSION: case DOLLAR: case IO_NUMBER:
            case IF: case THEN: case ELSE: case ELIF: case FI: case DO: case DONE: case CASE: case ESAC: case WHILE:
            case UNTIL: case FOR: case IN: case FUNCTION: case LBRACE: case RBRACE: case BANG:
                return true;
            default:
                return false;
        }
    }

    private Token raw() {
        Token t = lookahead != null ? lookahead : super.nextToken();
        lookahead = null;
        if (wordish(t.getType()) || isCloser(t.getType()) || !_modeStack.isEmpty()) pieceEnd = t.getStopIndex() + 1;
        return t;
    }

    @Override
    public Token nextToken() {
        if (bodiesDue && !pendingHeredocs.isEmpty()) {
            return readHeredocBody(pendingHeredocs.removeFirst());
        }
        bodiesDue = false;
        bodyRead = false;
        Token t = mergeWords ? word() : raw();
        if (t.getChannel() == Token.DEFAULT_CHANNEL) {
            if ((previousType == DLESS || previousType == DLESSDASH) && t.getType() != NEWLINE && t.getType() != EOF) {
                pendingHeredocs.addLast(new PendingHeredoc(heredocDelimiter(t.getText()), previousType == DLESSDASH));
            }
            if (t.getType() == NEWLINE && !pendingHeredocs.isEmpty()) {
                bodiesDue = true;
            }
            previousType = t.getType();
        }
        return t;
    }

    /** The next token with the pieces of a word glued into one. */
    private Token word() {
        Token first = raw();
        while (first.getType() == LINE_CONTINUATION) first = raw();   // between words a continuation is nothing
        if (!wordish(first.getType())) return first;
        int stop = first.getStopIndex();
        int count = 1;
        boolean unterminated = first.getType() == UNTERMINATED_QUOTE;
        int openerStart = -1;
        String opener = null;
        if (isOpener(first.getType()) || unterminated) {
            openerStart = first.getStartIndex();
            opener = unterminated ? "'" : first.getText();
        }
        while (true) {
            boolean inside = !_modeStack.isEmpty();    // inside a form everything up to its closer belongs to the word
            Token n = raw();
            if (inside || n.getType() != EOF && stop + 1 == n.getStartIndex() && wordish(n.getType())) {
                if (n.getType() == EOF) {       // the script ends inside a form
                    lookahead = n;
                    unterminated = true;
                    break;
                }
                if (!inside && (isOpener(n.getType()) || n.getType() == UNTERMINATED_QUOTE)) {
                    openerStart = n.getStartIndex();
                    opener = n.getType() == UNTERMINATED_QUOTE ? "'" : n.getText();
                }
                if (n.getType() == UNTERMINATED_QUOTE) unterminated = true;
                stop = n.getStopIndex();
                count++;
                continue;
            }
            if (n.getType() == LINE_CONTINUATION && stop + 1 == n.getStartIndex()) {
                Token after = raw();
                if (wordish(after.getType()) && after.getStartIndex() == n.getStopIndex() + 1) {
                    lookahead = after;   // the word goes on after the continuation
                    stop = n.getStopIndex();
                    count++;
                    continue;
                }
                lookahead = after;
                break;
            }
            lookahead = n;
            break;
        }
        if (unterminated) {
            return new UnclosedToken(_tokenFactorySourcePair, first.getStartIndex(), stop, first.getLine(),
                    first.getCharPositionInLine(), openerStart, opener);
        }
        int type;
        if (count == 1 && first.getType() != LITERAL && first.getType() != SQUOTED && first.getType() != ESCAPED
                && first.getType() != SIMPLE_EXPANSION && first.getType() != DOLLAR) {
            type = first.getType();       // a reserved word or IO number standing alone
        } else if (first.getType() == LITERAL && isAssignment(first.getText())) {
            type = ASSIGNMENT_WORD;
        } else {
            type = WORD;
        }
        return _factory.create(_tokenFactorySourcePair, type, null, DEFAULT_TOKEN_CHANNEL, first.getStartIndex(), stop,
                first.getLine(), first.getCharPositionInLine());
    }

    private static boolean isOpener(int type) {
        return type == DQ_OPEN || type == SUBST_OPEN || type == BRACE_OPEN || type == BQ_OPEN || type == PAREN_OPEN;
    }

    private static boolean isCloser(int type) {
        return type == DQ_CLOSE || type == PAREN_CLOSE || type == BRACE_CLOSE || type == BQ_CLOSE;
    }

    /** NAME=… at the start of a plain piece. */
    private static boolean isAssignment(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) return false;
        char c = s.charAt(0);
        if (!(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) return false;
        for (int i = 1; i < eq; i++) {
            c = s.charAt(i);
            if (!(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) return false;
        }
        return true;
    }

    /** Reads body lines up to and including the delimiter line (without its newline), or to the end. */
    private Token readHeredocBody(PendingHeredoc doc) {
        // a second body on the same line starts after the newline that ended the first delimiter line
        if (bodyRead && _input.LA(1) == '\n') getInterpreter().consume(_input);
        bodyRead = true;
        int start = _input.index();
        int line = getLine();
        int column = getCharPositionInLine();
        while (_input.LA(1) != CharStream.EOF) {
            StringBuilder current = new StringBuilder();
            while (_input.LA(1) != CharStream.EOF && _input.LA(1) != '\n') {
                current.appendCodePoint(_input.LA(1));
                getInterpreter().consume(_input);
            }
            String text = current.toString();
            if (text.endsWith("\r")) text = text.substring(0, text.length() - 1);
            if (doc.stripTabs) {
                int k = 0;
                while (k < text.length() && text.charAt(k) == '\t') k++;
                text = text.substring(k);
            }
            if (text.equals(doc.delimiter)) break;
            if (_input.LA(1) == '\n') getInterpreter().consume(_input);
        }
        return _factory.create(_tokenFactorySourcePair, HEREDOC_BODY, null, HEREDOC, start, _input.index() - 1, line, column);
    }
}

// ---------------------------------------------------------------- script level

// a default-channel token so that a continuation inside a word keeps the word whole; between words it is dropped
LINE_CONTINUATION : '\\' '\r'? '\n' ;
// (predicates after the '#', so that they do not keep ANTLR from caching the lexer's other decisions)
COMMENT           : '#' {!continuesWord()}? ~[\r\n]* -> channel(HIDDEN) ;
NEWLINE           : '\r'? '\n' | '\r' ;
BLANK             : [ \t\f]+ -> skip ;

AND_IF    : '&&' ;
OR_IF     : '||' ;
DSEMI     : ';;' ;
SEMI      : ';' ;
AND_GREAT : '&>' ;
AMP       : '&' ;
PIPE      : '|' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
DLESSDASH : '<<-' ;
DLESS     : '<<' ;
DGREAT    : '>>' ;
LESSAND   : '<&' ;
GREATAND  : '>&' ;
LESSGREAT : '<>' ;
CLOBBER   : '>|' ;
LESS      : '<' ;
GREAT     : '>' ;

// a file descriptor number glued to a redirection operator, as in 2>&1
IO_NUMBER : [0-9]+ {_input.LA(1) == '<' || _input.LA(1) == '>'}? ;

// reserved words: only special where the parser expects a command to start
IF       : 'if' ;
THEN     : 'then' ;
ELSE     : 'else' ;
ELIF     : 'elif' ;
FI       : 'fi' ;
DO       : 'do' ;
DONE     : 'done' ;
CASE     : 'case' ;
ESAC     : 'esac' ;
WHILE    : 'while' ;
UNTIL    : 'until' ;
FOR      : 'for' ;
IN       : 'in' ;
FUNCTION : 'function' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
BANG     : '!' ;

// ---- word pieces (nextToken glues adjacent ones into one word)
LITERAL            : '#' {continuesWord()}? PLAIN_CHAR* | PLAIN_START PLAIN_CHAR* ;
ESCAPED            : '\\' . ;
SQUOTED            : '\'' ~'\''* '\'' ;
// a single quote that never closes swallows the rest of the script (as in sh)
UNTERMINATED_QUOTE : '\'' ~'\''* EOF ;
DQ_OPEN            : '"' -> pushMode(DQ_PARTS) ;
SUBST_OPEN         : '$(' -> pushMode(SUBST) ;
BRACE_OPEN         : '${' -> pushMode(BRACE) ;
BQ_OPEN            : '`' -> pushMode(BQ) ;
SIMPLE_EXPANSION   : '$' (NAME | [0-9@*#?$!-]) ;
DOLLAR             : '$' ;
ERROR_CHAR         : . ;

fragment NAME       : [a-zA-Z_] [a-zA-Z0-9_]* ;
fragment PLAIN_START: ~[ \t\f\r\n;&|<>()'"`\\$#] ;
fragment PLAIN_CHAR : ~[ \t\f\r\n;&|<>()'"`\\$] ;
fragment SQ_STRING  : '\'' ~'\''* '\'' ;

// ---------------------------------------------------------------- inside $( ... ) and its ( ... ) groups

mode SUBST;
PAREN_CLOSE    : ')' -> popMode ;
PAREN_OPEN     : '(' -> pushMode(SUBST) ;
S_SQUOTED      : SQ_STRING -> type(SQUOTED) ;
S_UNTERMINATED : '\'' ~'\''* EOF -> type(UNTERMINATED_QUOTE) ;
S_DQ           : '"' -> type(DQ_OPEN), pushMode(DQ_PARTS) ;
S_BQ           : '`' -> type(BQ_OPEN), pushMode(BQ) ;
S_SUBST        : '$(' -> type(SUBST_OPEN), pushMode(SUBST) ;
S_BRACE        : '${' -> type(BRACE_OPEN), pushMode(BRACE) ;
S_ESCAPED      : '\\' . -> type(ESCAPED) ;
S_LITERAL      : ~[()'"`\\$]+ -> type(LITERAL) ;
S_DOLLAR       : '$' -> type(DOLLAR) ;
S_OTHER        : . -> type(LITERAL) ;

// ---------------------------------------------------------------- inside ${ ... }

mode BRACE;
BRACE_CLOSE    : '}' -> popMode ;
B_BRACE        : '${' -> type(BRACE_OPEN), pushMode(BRACE) ;
B_SUBST        : '$(' -> type(SUBST_OPEN), pushMode(SUBST) ;
B_BQ           : '`' -> type(BQ_OPEN), pushMode(BQ) ;
B_SQUOTED      : SQ_STRING -> type(SQUOTED) ;
B_UNTERMINATED : '\'' ~'\''* EOF -> type(UNTERMINATED_QUOTE) ;
B_DQ           : '"' -> type(DQ_OPEN), pushMode(DQ_PARTS) ;
B_ESCAPED      : '\\' . -> type(ESCAPED) ;
B_LITERAL      : ~[}$`'"\\]+ -> type(LITERAL) ;
B_DOLLAR       : '$' -> type(DOLLAR) ;
B_OTHER        : . -> type(LITERAL) ;

// ---------------------------------------------------------------- inside backquotes

mode BQ;
BQ_CLOSE  : '`' -> popMode ;
Q_ESCAPED : '\\' . -> type(ESCAPED) ;
Q_LITERAL : ~[`\\]+ -> type(LITERAL) ;
Q_OTHER   : . -> type(LITERAL) ;

// ---------------------------------------------------------------- inside double quotes

mode DQ_PARTS;
DQ_CLOSE  : '"' -> popMode ;
D_ESCAPED : '\\' [$`"\\\n] -> type(ESCAPED) ;
D_LITERAL : (~["\\$`] | '\\' ~[$`"\\\n])+ -> type(LITERAL) ;
D_SUBST   : '$(' -> type(SUBST_OPEN), pushMode(SUBST) ;
D_BRACE   : '${' -> type(BRACE_OPEN), pushMode(BRACE) ;
D_SIMPLE  : '$' (NAME | [0-9@*#?$!-]) -> type(SIMPLE_EXPANSION) ;
D_BQ      : '`' -> type(BQ_OPEN), pushMode(BQ) ;
D_DOLLAR  : '$' -> type(DOLLAR) ;
D_OTHER   : . -> type(LITERAL) ;

// ---------------------------------------------------------------- one word taken apart (unquoted text)

mode WORD_PARTS;
W_ESCAPED   : '\\' . -> type(ESCAPED) ;
W_BACKSLASH : '\\' -> type(LITERAL) ;
W_SQUOTED   : SQ_STRING -> type(SQUOTED) ;
W_DQ        : '"' -> type(DQ_OPEN), pushMode(DQ_PARTS) ;
W_SUBST     : '$(' -> type(SUBST_OPEN), pushMode(SUBST) ;
W_BRACE     : '${' -> type(BRACE_OPEN), pushMode(BRACE) ;
W_SIMPLE    : '$' (NAME | [0-9@*#?$!-]) -> type(SIMPLE_EXPANSION) ;
W_BQ        : '`' -> type(BQ_OPEN), pushMode(BQ) ;
W_DOLLAR    : '$' -> type(DOLLAR) ;
W_LITERAL   : ~[\\'"$`]+ -> type(LITERAL) ;
W_OTHER     : . -> type(LITERAL) ;

// ---------------------------------------------------------------- here-document bodies and $((...)) text

mode EXPANDABLE_TEXT;
H_ESCAPED : '\\' [$`\\\n] -> type(ESCAPED) ;
H_LITERAL : (~[\\$`] | '\\' ~[$`\\\n])+ -> type(LITERAL) ;
H_SUBST   : '$(' -> type(SUBST_OPEN), pushMode(SUBST) ;
H_BRACE   : '${' -> type(BRACE_OPEN), pushMode(BRACE) ;
H_SIMPLE  : '$' (NAME | [0-9@*#?$!-]) -> type(SIMPLE_EXPANSION) ;
H_BQ      : '`' -> type(BQ_OPEN), pushMode(BQ) ;
H_DOLLAR  : '$' -> type(DOLLAR) ;
H_OTHER   : . -> type(LITERAL) ;
