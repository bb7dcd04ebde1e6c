/*
 * Parser for OpenWrt UCI files. The lexer already split the text into commands (a command word and
 * its arguments up to ';' or the end of the line); this grammar names the commands. Argument counts
 * and character sets are checked by the model builder so that its messages can use libuci's wording
 * and it can keep going after an error, which libuci does not.
 */
parser grammar UciParser;

options { tokenVocab = UciLexer; }

uciFile : ( command | NL | SEMI )* EOF ;

command
    : PACKAGE argument*   # packageCommand
    | CONFIG argument*    # configCommand
    | OPTION argument*    # optionCommand
    | LIST argument*      # listCommand
    | CMD_WORD argument*  # invalidCommand
    ;

argument : ARG | UNTERMINATED_SQ | UNTERMINATED_DQ ;
