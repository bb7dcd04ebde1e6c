/*
 * Just enough of the nftables language to read the snippets fw4 includes from /etc/nftables.d/*.nft
 * (inside its `table inet fw4 { … }`): blocks (`chain NAME { … }`, `table …`, named sets and maps) and
 * rule statements as flat sequences of terms, with anonymous sets and maps `{ k : v, … }` that may span
 * lines. What a statement means (snat, oifname, numgen …) is read from the terms by NftReader.
 * Unknown statements still parse as terms, so a snippet with other rules is read whole.
 */
grammar NftSnippet;

file      : (statement | sep)* EOF ;
statement : block | ruleStatement ;
// a definition starts its statement; `map { … }` after other terms is an anonymous map (a term)
block     : kind=(CHAIN | TABLE | SET | MAP | FLOWTABLE) word* LBRACE (statement | sep)* RBRACE ;
ruleStatement : term+ ;
sep       : NL | SEMI ;

term      : word | IPV4 | RANGE | NUMBER | STRING | COLON | COMMA | braced ;
// anonymous set or map: elements separated by commas, line breaks allowed between them
braced    : LBRACE NL* (element (NL* COMMA NL* element)*)? NL* COMMA? NL* RBRACE ;
element   : elementTerm+ ;
elementTerm : word | IPV4 | RANGE | NUMBER | STRING | COLON | braced ;

word      : WORD | CHAIN | TABLE | SET | MAP | FLOWTABLE ;

CHAIN     : 'chain' ;
TABLE     : 'table' ;
SET       : 'set' ;
MAP       : 'map' ;
FLOWTABLE : 'flowtable' ;

LBRACE  : '{' ;
RBRACE  : '}' ;
COMMA   : ',' ;
COLON   : ':' ;
SEMI    : ';' ;
NL      : '\r'? '\n' ;
WS      : [ \t]+ -> channel(HIDDEN) ;
CONT    : '\\' '\r'? '\n' -> channel(HIDDEN) ;
COMMENT : '#' ~[\r\n]* -> channel(HIDDEN) ;

STRING  : '"' ~["\r\n]* '"' ;
IPV4    : OCTET '.' OCTET '.' OCTET '.' OCTET ('/' [0-9]+)? ;
RANGE   : [0-9]+ '-' [0-9]+ ;
NUMBER  : [0-9]+ ;
WORD    : [a-zA-Z0-9_$@!=<>/.*&|^~()[\]+-]+ ;

// a stray quote, backslash or other character: kept off the parser's channel (so the statement around it
// still parses) and reported by the reader
ERROR_CHAR : . -> channel(2) ;

fragment OCTET : [0-9] [0-9]? [0-9]? ;
