/*
 * Lexer for the POSIX-shell subset found in OpenWrt /etc/firewall.user scripts.
 *
 * DEFAULT_MODE splits a script into operators, reserved words and whole words (a word keeps its
 * quotes and nested $(...), ${...}, `...` so that the parser sees one token per shell word).
 * The other modes take a single word (or a here-document body) apart into its pieces; the server
 * starts a fresh lexer in the mode it needs for that text.
 *
 * Here-documents: after a '<<' or '<<-' operator the next word is remembered as a delimiter; at the
 * following newline the lexer reads the pending bodies verbatim and emits each as one HEREDOC_BODY
 * token on the HEREDOC channel (body lines plus the delimiter line), so the parser never sees them.
 */
lexer grammar ShellLexer;

channels { HEREDOC }

tokens { HEREDOC_BODY }

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

    private final java.util.ArrayDeque<PendingHeredoc> pendingHeredocs = new java.util.ArrayDeque<>();
    private boolean bodiesDue;
    private int previousType = -1;
    private boolean bodyRead;

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

    @Override
    public Token nextToken() {
        if (bodiesDue && !pendingHeredocs.isEmpty()) {
            return readHeredocBody(pendingHeredocs.removeFirst());
        }
        bodiesDue = false;
        bodyRead = false;
        Token t = super.nextToken();
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

LINE_CONTINUATION : '\\' '\r'? '\n' -> skip ;
COMMENT           : '#' ~[\r\n]* -> channel(HIDDEN) ;
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

ASSIGNMENT_WORD : NAME '=' WORD_PART* ;
WORD            : WORD_START WORD_PART* ;

// a quote that never closes swallows the rest of the script (as in sh); one token, one report
UNTERMINATED_QUOTE : '\'' ~'\''* EOF | '"' ~'"'* EOF | '`' ~'`'* EOF ;
ERROR_CHAR         : . ;

fragment NAME       : [a-zA-Z_] [a-zA-Z0-9_]* ;
fragment WORD_START : PLAIN_START | WORD_PIECE ;
fragment WORD_PART  : PLAIN_CHAR | WORD_PIECE ;
fragment WORD_PIECE : ESCAPE | SQ_STRING | DQ_STRING | DOLLAR_FORM | BACKQUOTE_FORM ;
fragment PLAIN_START: ~[ \t\f\r\n;&|<>()'"`\\$#] ;
fragment PLAIN_CHAR : ~[ \t\f\r\n;&|<>()'"`\\$] ;
fragment ESCAPE     : '\\' . ;
fragment SQ_STRING  : '\'' ~'\''* '\'' ;
fragment DQ_STRING  : '"' (~["\\`$] | '\\' . | DOLLAR_FORM | BACKQUOTE_FORM)* '"' ;
fragment BACKQUOTE_FORM : '`' ('\\' . | ~[`\\])* '`' ;
// a bare '$' is never read before '(' or '{': those start a form, and reading them both ways makes the
// lexer's work double with each level of nesting (an unclosed form then ends the word before its '$')
fragment DOLLAR_FORM: BARE_DOLLAR | BRACED_PARAM | PAREN_FORM ;
fragment BARE_DOLLAR: '$' {_input.LA(1) != '(' && _input.LA(1) != '{'}? ;
fragment BRACED_PARAM : '${' (BRACED_PARAM | PAREN_FORM | BACKQUOTE_FORM | SQ_STRING | DQ_STRING | '\\' . | BARE_DOLLAR | ~[}$`'"\\])* '}' ;
fragment PAREN_FORM : '$(' PAREN_ITEM* ')' ;
fragment PAREN_ITEM : '(' PAREN_ITEM* ')' | SQ_STRING | DQ_STRING | BACKQUOTE_FORM | '\\' . | DOLLAR_FORM | ~[()'"`\\$] ;

// ---------------------------------------------------------------- inside one word (unquoted text)

mode WORD_PARTS;
W_ESCAPED       : '\\' . -> type(ESCAPED) ;
W_BACKSLASH     : '\\' -> type(LITERAL) ;
SQUOTED         : SQ_STRING ;
DQ_OPEN         : '"' -> pushMode(DQ_PARTS) ;
ARITHMETIC      : '$((' ARITH_ITEM* '))' ;
COMMAND_SUBST   : PAREN_FORM ;
BRACED_EXPANSION: BRACED_PARAM ;
SIMPLE_EXPANSION: '$' (NAME | [0-9@*#?$!-]) ;
BACKQUOTED      : BACKQUOTE_FORM ;
DOLLAR          : '$' ;
LITERAL         : ~[\\'"$`]+ ;
W_OTHER         : . -> type(LITERAL) ;

fragment ARITH_ITEM : '(' ARITH_ITEM* ')' | ~[()] ;

// ---------------------------------------------------------------- inside double quotes

mode DQ_PARTS;
DQ_CLOSE        : '"' -> popMode ;
ESCAPED         : '\\' [$`"\\\n] ;
D_LITERAL       : (~["\\$`] | '\\' ~[$`"\\\n])+ -> type(LITERAL) ;
D_ARITHMETIC    : '$((' ARITH_ITEM* '))' -> type(ARITHMETIC) ;
D_COMMAND_SUBST : PAREN_FORM -> type(COMMAND_SUBST) ;
D_BRACED        : BRACED_PARAM -> type(BRACED_EXPANSION) ;
D_SIMPLE        : '$' (NAME | [0-9@*#?$!-]) -> type(SIMPLE_EXPANSION) ;
D_BACKQUOTED    : BACKQUOTE_FORM -> type(BACKQUOTED) ;
D_DOLLAR        : '$' -> type(DOLLAR) ;
D_OTHER         : . -> type(LITERAL) ;

// ---------------------------------------------------------------- here-document bodies and $((...)) text

mode EXPANDABLE_TEXT;
H_ESCAPED       : '\\' [$`\\\n] -> type(ESCAPED) ;
H_LITERAL       : (~[\\$`] | '\\' ~[$`\\\n])+ -> type(LITERAL) ;
H_ARITHMETIC    : '$((' ARITH_ITEM* '))' -> type(ARITHMETIC) ;
H_COMMAND_SUBST : PAREN_FORM -> type(COMMAND_SUBST) ;
H_BRACED        : BRACED_PARAM -> type(BRACED_EXPANSION) ;
H_SIMPLE        : '$' (NAME | [0-9@*#?$!-]) -> type(SIMPLE_EXPANSION) ;
H_BACKQUOTED    : BACKQUOTE_FORM -> type(BACKQUOTED) ;
H_DOLLAR        : '$' -> type(DOLLAR) ;
H_OTHER         : . -> type(LITERAL) ;
