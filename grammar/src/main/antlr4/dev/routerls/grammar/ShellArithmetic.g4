/*
 * Shell arithmetic, the text inside $(( ... )) after parameter and command expansion (POSIX, as
 * busybox ash and dash implement it: C integer operators, assignments, ?:, no floating point).
 */
grammar ShellArithmetic;

arithmetic : expression? EOF ;

expression
    : <assoc=right> NAME op=('=' | '*=' | '/=' | '%=' | '+=' | '-=' | '<<=' | '>>=' | '&=' | '^=' | '|=') expression # assign
    | <assoc=right> condition=expression '?' whenTrue=expression ':' whenFalse=expression                       # conditional
    | expression op='||' expression                                                                           # binary
    | expression op='&&' expression                                                                           # binary
    | expression op='|' expression                                                                            # binary
    | expression op='^' expression                                                                            # binary
    | expression op='&' expression                                                                            # binary
    | expression op=('==' | '!=') expression                                                                  # binary
    | expression op=('<' | '<=' | '>' | '>=') expression                                                      # binary
    | expression op=('<<' | '>>') expression                                                                  # binary
    | expression op=('+' | '-') expression                                                                    # binary
    | expression op=('*' | '/' | '%') expression                                                              # binary
    | op=('+' | '-' | '!' | '~') expression                                                                   # unary
    | op=('++' | '--') NAME                                                                                   # preIncrement
    | NAME op=('++' | '--')                                                                                   # postIncrement
    | '(' expression ')'                                                                                      # parenthesized
    | NUMBER                                                                                                  # number
    | NAME                                                                                                    # variable
    ;

NUMBER : '0' [xX] [0-9a-fA-F]+ | [0-9]+ ('#' [0-9a-zA-Z@_]+)? ;
NAME   : [a-zA-Z_] [a-zA-Z0-9_]* ;
SPACE  : [ \t\r\n]+ -> skip ;
OTHER  : . ;
