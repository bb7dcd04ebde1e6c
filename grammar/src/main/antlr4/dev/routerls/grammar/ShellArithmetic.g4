/*
 * Shell arithmetic, the text inside $(( ... )) after parameter and command expansion (POSIX, as
 * busybox ash and dash implement it: C integer operators, assignments, ?:, no floating point).
 */
grammar ShellArithmetic;

// ANTLR gives earlier alternatives of a left-recursive rule higher precedence: tightest first.

arithmetic : expression? EOF ;

expression
    : NAME                                                                                                    # variable
    | NUMBER                                                                                                  # number
    | '(' expression ')'                                                                                      # parenthesized
    | NAME op=('++' | '--')                                                                                   # postIncrement
    | op=('++' | '--') NAME                                                                                   # preIncrement
    | op=('+' | '-' | '!' | '~') expression                                                                   # unary
    | expression op=('*' | '/' | '%') expression                                                              # binary
    | expression op=('+' | '-') expression                                                                    # binary
    | expression op=('<<' | '>>') expression                                                                  # binary
    | expression op=('<' | '<=' | '>' | '>=') expression                                                      # binary
    | expression op=('==' | '!=') expression                                                                  # binary
    | expression op='&' expression                                                                            # binary
    | expression op='^' expression                                                                            # binary
    | expression op='|' expression                                                                            # binary
    | expression op='&&' expression                                                                           # binary
    | expression op='||' expression                                                                           # binary
    | <assoc=right> condition=expression '?' whenTrue=expression ':' whenFalse=expression                       # conditional
    | <assoc=right> NAME op=('=' | '*=' | '/=' | '%=' | '+=' | '-=' | '<<=' | '>>=' | '&=' | '^=' | '|=') expression # assign
    ;

NUMBER : '0' [xX] [0-9a-fA-F]+ | [0-9]+ ('#' [0-9a-zA-Z@_]+)? ;
NAME   : [a-zA-Z_] [a-zA-Z0-9_]* ;
SPACE  : [ \t\r\n]+ -> skip ;
OTHER  : . ;
