/*
 * Lexer for the line of an OpenWrt UCI file being typed (completion reads the command word and the
 * arguments before the caret with it). Reading whole files for diagnostics is done by the server's
 * UciReader, which replays libuci's byte-level reader: whether a file loads depends on details of that
 * reader (an unquoted value ending at ';' loses the rest of its line, a NUL byte joins lines) that no
 * token grammar captures.
 *
 * libuci reads a line, takes the first word (split on space/tab only, quotes NOT interpreted) as the
 * command, then reads arguments. An argument is a run of adjacent pieces -- bare characters,
 * backslash escapes, '...' (no escapes) and "..." (backslash escapes) -- that ends at whitespace,
 * ';' or '#'. Quoted pieces and backslash-newline may run over several lines, so the whole argument
 * is ONE token here, and a token keeps its full source span.
 *
 * Two modes mirror libuci's two readers: DEFAULT_MODE reads a command word, ARGS reads arguments
 * until ';' or the end of the line.
 */
lexer grammar UciLexer;

// ---------------------------------------------------------------- command position
CMD_COMMENT : '#' ~[\n]* -> channel(HIDDEN) ;
CMD_WS      : [ \t\r\f\u000B]+ -> skip ;
CMD_NL      : '\n' -> type(NL) ;

// 'p'/'package' etc. win over CMD_WORD on equal length because they come first.
PACKAGE : ( 'package' | 'p' ) -> mode(ARGS) ;
CONFIG  : ( 'config' | 'c' ) -> mode(ARGS) ;
OPTION  : ( 'option' | 'o' ) -> mode(ARGS) ;
LIST    : ( 'list' | 'l' ) -> mode(ARGS) ;

// Any other word (including one glued to ';' or a quote, e.g. "config;" or "'config'") is what
// libuci calls an invalid command.
CMD_WORD : ~[ \t\r\n\f\u000B]+ -> mode(ARGS) ;

// ---------------------------------------------------------------- arguments
mode ARGS;

ARG_COMMENT : '#' ~[\n]* -> channel(HIDDEN) ;
ARG_WS      : [ \t\r\f\u000B]+ -> skip ;
NL          : '\n' -> mode(DEFAULT_MODE) ;
SEMI        : ';' -> mode(DEFAULT_MODE) ;

// A backslash can only be last when the file ends there; libuci drops it.
ARG : PIECE+ '\\'? | '\\' ;

// A quote that never closes: the pieces before it, the quote, and everything up to the end of the
// file. A closed quote always makes ARG the longer match, so these win only when the quote is open.
UNTERMINATED_SQ : PIECE* '\'' ~'\''* ;
UNTERMINATED_DQ : PIECE* '"' ( ESC | ~["\\] )* '\\'? ;

fragment PIECE : BARE | ESC | SQ | DQ ;
fragment BARE  : ~[ \t\r\n\f\u000B'"#;\\]+ ;
// backslash takes the next character literally; backslash-newline joins lines
fragment ESC   : '\\' ( '\r\n' | . ) ;
fragment SQ    : '\'' ~'\''* '\'' ;
fragment DQ    : '"' ( ESC | ~["\\] )* '"' ;
