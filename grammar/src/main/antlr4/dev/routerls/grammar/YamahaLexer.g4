/*
 * Lexer for one line of a YAMAHA RTX/NVR configuration (`show config` text).
 * The analyser feeds one physical (or re-joined wrapped) line at a time, so tokens never span lines.
 * Every token is a whole whitespace-separated word; typed tokens (addresses, ranges, interface names)
 * win over WORD only when they cover the whole word (longest match, then rule order).
 */
lexer grammar YamahaLexer;

options { caseInsensitive = true; }

WS      : [ \t]+ -> channel(HIDDEN) ;
NEWLINE : [\r\n]+ -> channel(HIDDEN) ;
// '#' starts a comment only where it is not quoted or escaped (quotes and escapes live inside WORD)
COMMENT : '#' ~[\r\n]* ;

// keywords the explicit command rules read (keywords are case-insensitive)
NO : 'no' ;
IP : 'ip' ;
IPV6 : 'ipv6' ;
NAT : 'nat' ;
DESCRIPTOR : 'descriptor' ;
TYPE : 'type' ;
ADDRESS : 'address' ;
OUTER : 'outer' ;
INNER : 'inner' ;
STATIC : 'static' ;
MASQUERADE : 'masquerade' ;
PORT : 'port' ;
INCOMING : 'incoming' ;
RANGE : 'range' ;
BACKWARD_COMPATIBILITY : 'backward-compatibility' ;
REVERSE : 'reverse' ;
PP : 'pp' ;
TUNNEL : 'tunnel' ;
SELECT : 'select' ;
BIND : 'bind' ;
REMOTE : 'remote' ;
POOL : 'pool' ;
ENCAPSULATION : 'encapsulation' ;
ENDPOINT : 'endpoint' ;
TEMPLATE : 'template' ;
IPSEC : 'ipsec' ;
SA : 'sa' ;
POLICY : 'policy' ;
IKE : 'ike' ;
TRANSPORT : 'transport' ;
ROUTE : 'route' ;
GATEWAY : 'gateway' ;
FILTER : 'filter' ;
DHCP : 'dhcp' ;
SCOPE : 'scope' ;
SERVICE : 'service' ;
RELAY : 'relay' ;
SERVER : 'server' ;
SECURE : 'secure' ;
IN : 'in' ;
OUT : 'out' ;
DYNAMIC : 'dynamic' ;
PROXYARP : 'proxyarp' ;
SECONDARY : 'secondary' ;
ANONYMOUS : 'anonymous' ;
NONE : 'none' ;
AUTH : 'auth' ;
USERNAME : 'username' ;
MYNAME : 'myname' ;
PRE_SHARED_KEY : 'pre-shared-key' ;
TEXT : 'text' ;
LOGIN : 'login' ;
ADMINISTRATOR : 'administrator' ;
PASSWORD : 'password' ;
ENCRYPTED : 'encrypted' ;
L2TP : 'l2tp' ;
ON : 'on' ;
OFF : 'off' ;
ENABLE : 'enable' ;
DEFAULT : 'default' ;
BINDING : 'bind-ethernet' ;
// keywords of the secret-bearing commands (their secret word is masked by the parser)
USER : 'user' ;
RADIUS : 'radius' ;
SECRET : 'secret' ;
SNMP : 'snmp' ;
SNMPV2C : 'snmpv2c' ;
SNMPV3 : 'snmpv3' ;
COMMUNITY : 'community' ;
READ_ONLY : 'read-only' ;
READ_WRITE : 'read-write' ;
TRAP : 'trap' ;
HOST : 'host' ;
USM : 'usm' ;
GROUP : 'group' ;
HB46PP : 'hb46pp' ;
NGN : 'ngn' ;
HTTPD : 'httpd' ;
CUSTOM_GUI : 'custom-gui' ;
API : 'api' ;
HEARTBEAT : 'heartbeat' ;
HEARTBEAT2 : 'heartbeat2' ;
TRANSMIT : 'transmit' ;
RECEIVE : 'receive' ;
CRYPTO : 'crypto' ;
RIP : 'rip' ;
KEY : 'key' ;
EAP : 'eap' ;
XAUTH : 'xauth' ;
BGP : 'bgp' ;
NEIGHBOR : 'neighbor' ;
// `embedded file NAME <<EOF`: the lines up to EOF are the file's content, not commands
EMBEDDED : 'embedded' ;
FILE : 'file' ;
// keywords of commands the grammar checks as strictly as the reference does
OPTION : 'option' ;
LOCAL : 'local' ;
ID : 'id' ;
DPI : 'dpi' ;
METRIC : 'metric' ;
HIDE : 'hide' ;
WEIGHT : 'weight' ;
KEEPALIVE : 'keepalive' ;
MAIL : 'mail' ;
SMTP : 'smtp' ;
SMTP_AUTH : 'smtp-auth' ;
POP : 'pop' ;
SIP : 'sip' ;
VRRP : 'vrrp' ;

// typed values
IPV4_PAIR         : IPV4_F '=' IPV4_F ('/' (NUM_F | IPV4_F))? ;   // static NAT outer=inner[/mask]
NUMBER_PAIR       : NUM_F '=' NUM_F ;                           // outer_port=inner_port
IPV4_RANGE_PREFIX : IPV4_F '-' IPV4_F '/' (NUM_F | IPV4_F) ;      // dhcp scope 1 a-b/24
IPV4_RANGE        : IPV4_F '-' IPV4_F ;
IPV4_PREFIX       : IPV4_F '/' (NUM_F | IPV4_F) ;
IPV4_ADDR         : IPV4_F ;
MAC_ADDR          : HEX HEX (':' HEX HEX) (':' HEX HEX) (':' HEX HEX) (':' HEX HEX) (':' HEX HEX) ;
IPV6_PREFIX       : IPV6_F '/' NUM_F ;
IPV6_ADDR         : IPV6_F ;
TUNNEL_RANGE      : 'tunnel' NUM_F '-' 'tunnel' NUM_F ;
TUNNEL_ID         : 'tunnel' NUM_F ;
IFNAME            : ( 'lan' NUM_F (('/' | '.') NUM_F)?
                    | 'vlan' NUM_F | 'bridge' NUM_F | 'loopback' NUM_F | 'onu' NUM_F | 'bri' NUM_F
                    | 'wan' NUM_F | 'usb' NUM_F | 'null'
                    ) ;
NUMBER_RANGE      : NUM_F '-' NUM_F ;
NUMBER            : NUM_F ;
REVISION          : 'rev.' NUM_F ('.' NUM_F)+ ;
IDENT             : [a-z] [a-z0-9_.-]* ;
// a template placeholder ({{ name }}, <?= $x ?>, ${NAME}, <pre-shared key>), alone or inside a word
// (<IPv6 of CE>/<Prefix length>); it may hold spaces. Not <<EOF nor <!-- (a pasted HTML comment).
PLACEHOLDER       : PH_CHAR* PH_FORM ( PH_CHAR | PH_FORM )* ;
HEREDOC           : '<<' WCHAR+ ;                              // <<EOF: the terminator of an embedded file
EMFS_PATH         : 'emfs:' WCHAR+ ;                           // emfs:/notify.lua names an embedded file
WORD              : ( WCHAR | ESCAPED | DQUOTED | SQUOTED )+ ;

// a lone quote that is never closed, a trailing backslash, or a control character
ERROR_CHAR : . ;

fragment NUM_F   : [0-9]+ ;
fragment IPV4_F  : NUM_F '.' NUM_F '.' NUM_F '.' NUM_F ;
fragment HEX     : [0-9a-f] ;
fragment IPV6_F  : HEX* ':' ( HEX | ':' | '.' )* ;
fragment PH_FORM : '{{' ~[}\r\n]* '}}' | '${' ~[}\r\n]+ '}' | '<' ~[<>!=\r\n] ~[<>\r\n]* '>' ;
fragment PH_CHAR : ~[ \t\r\n"'\\#<{$\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F] ;
fragment WCHAR   : ~[ \t\r\n"'\\#\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F] ;
fragment ESCAPED : '\\' ~[\r\n] ;
fragment DQUOTED : '"' ~["\r\n]* '"' ;
fragment SQUOTED : '\'' ~['\r\n]* '\'' ;
