/*
 * Parser for the POSIX-shell subset of OpenWrt firewall.user scripts (after the POSIX shell grammar,
 * plus the `function name` form that bash and busybox ash accept).
 *
 * The server calls `line` repeatedly (one logical line: a list of commands, which may span many
 * physical lines when it contains compound commands) so that a syntax error costs one statement and
 * parsing resumes after it. `script` parses a whole file in one go.
 */
parser grammar ShellParser;

options { tokenVocab = ShellLexer; }

script : linebreak (line linebreak)* EOF ;

line : list (NEWLINE | EOF) ;

list        : andOr (separatorOp andOr)* separatorOp? ;
separatorOp : SEMI | AMP ;
andOr       : pipeline (andOrOp linebreak pipeline)* ;
andOrOp     : AND_IF | OR_IF ;
pipeline    : BANG? command (PIPE linebreak command)* ;

command
    : functionDefinition
    | compoundCommand redirection*
    | simpleCommand
    ;

compoundCommand
    : braceGroup
    | subshell
    | ifClause
    | whileClause
    | untilClause
    | forClause
    | caseClause
    ;

braceGroup   : LBRACE compoundList RBRACE ;
subshell     : LPAREN compoundList RPAREN ;
compoundList : linebreak term separator? ;
term         : andOr (separator andOr)* ;
separator    : separatorOp linebreak | newlineList ;
sequentialSeparator : SEMI linebreak | newlineList ;

ifClause    : IF compoundList THEN compoundList elifBranch* elseBranch? FI ;
elifBranch  : ELIF compoundList THEN compoundList ;
elseBranch  : ELSE compoundList ;
whileClause : WHILE compoundList doGroup ;
untilClause : UNTIL compoundList doGroup ;
forClause
    : FOR forName=anyWord sequentialSeparator? doGroup
    | FOR forName=anyWord linebreak IN anyWord* sequentialSeparator doGroup
    ;
doGroup     : DO compoundList DONE ;

caseClause  : CASE subject=anyWord linebreak IN linebreak caseItem* ESAC ;
caseItem    : LPAREN? pattern RPAREN linebreak (term separator?)? (DSEMI linebreak)? ;
pattern     : patternWord (PIPE patternWord)* ;
patternWord : WORD | ASSIGNMENT_WORD | reservedWord ;

functionDefinition
    : FUNCTION functionName (LPAREN RPAREN)? linebreak functionBody
    | functionName LPAREN RPAREN linebreak functionBody
    ;
functionName : WORD ;
functionBody : compoundCommand redirection* ;

simpleCommand
    : prefix (commandName suffix?)?
    | commandName suffix?
    ;
prefix      : (redirection | ASSIGNMENT_WORD)+ ;
commandName : WORD ;
suffix      : (redirection | anyWord)+ ;

redirection : IO_NUMBER? (fileRedirection | hereDocument) ;
fileRedirection : op=(LESS | LESSAND | GREAT | GREATAND | DGREAT | LESSGREAT | CLOBBER | AND_GREAT) anyWord ;
hereDocument    : op=(DLESS | DLESSDASH) anyWord ;

anyWord : WORD | ASSIGNMENT_WORD | reservedWord | ESAC ;
reservedWord
    : IF | THEN | ELSE | ELIF | FI | DO | DONE | CASE | WHILE | UNTIL | FOR | IN | FUNCTION
    | LBRACE | RBRACE | BANG
    ;

newlineList : NEWLINE+ ;
linebreak   : NEWLINE* ;
