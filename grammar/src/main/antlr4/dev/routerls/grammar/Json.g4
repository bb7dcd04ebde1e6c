// JSON (RFC 8259) as .routerls.json is written, so settings mistakes can be pointed at exactly:
// every key and value keeps its token, and a syntax error its position.
grammar Json;

document : value EOF ;

value
    : object
    | array
    | STRING
    | NUMBER
    | TRUE
    | FALSE
    | NULL
    ;

object : '{' (member (',' member)*)? '}' ;

member : STRING ':' value ;

array : '[' (value (',' value)*)? ']' ;

TRUE : 'true' ;
FALSE : 'false' ;
NULL : 'null' ;

STRING : '"' (ESCAPE | ~["\\\u0000-\u001F])* '"' ;
fragment ESCAPE : '\\' (["\\/bfnrt] | 'u' HEX HEX HEX HEX) ;
fragment HEX : [0-9a-fA-F] ;

NUMBER : '-'? ('0' | [1-9] [0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)? ;

WS : [ \t\r\n]+ -> skip ;

// anything else is one bad character, reported by the parser at its place
OTHER : . ;
