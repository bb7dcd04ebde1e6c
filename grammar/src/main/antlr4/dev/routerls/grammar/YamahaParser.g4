/*
 * Parser for ONE line of a YAMAHA RTX/NVR configuration. Entry rules: `line` (a config line) and
 * `header` (the text of a `show config` header comment after '#').
 * Commands the analysis reads have explicit rules; every other line is a `generic` command. When an
 * explicit rule and `generic` both match, ANTLR takes the explicit one (earlier alternative).
 */
parser grammar YamahaParser;

options { tokenVocab = YamahaLexer; }

line : NO? command? comment? EOF ;

header : model=word revision=REVISION word* EOF ;

comment : COMMENT ;

command
    : interfaceAddress
    | secondaryAddress
    | proxyArp
    | natType
    | natAddressOuter
    | natAddressInner
    | natStatic
    | natMasqueradeStatic
    | natPortRange
    | natMasqueradeIncoming
    | natBackwardCompatibility
    | natApply
    | natOtherSetting
    | ppSelect
    | tunnelSelect
    | ppBind
    | ppRemotePool
    | ppAuthUsername
    | ppAuthMyname
    | wanAuthMyname
    | tunnelHb46ppAuth
    | tunnelEncapsulation
    | tunnelEndpoint
    | tunnelTemplate
    | ipsecTunnel
    | ipsecSaPolicy
    | ipsecPreSharedKey
    | ipsecIkeMyname
    | ipsecIkeId
    | ipsecIke
    | ipsecTransportTemplate
    | ipsecTransport
    | ipRoute
    | dhcpScopeBind
    | dhcpScopeOption
    | dhcpScope
    | dhcpRelay
    | ipFilterDynamic
    | ipFilter
    | secureFilter
    | loginPassword
    | administratorPassword
    | l2tpTunnelAuth
    | loginUser
    | authUser
    | radiusSecret
    | ngnRadiusPassword
    | snmpCommunity
    | snmpTrapCommunity
    | snmpHost
    | snmpTrapHost
    | snmpv3User
    | ripAuthKey
    | bgpPreSharedKey
    | heartbeatPreSharedKey
    | heartbeat2Keys
    | httpdApiPassword
    | mailServerSmtp
    | mailServerPop
    | sipServer
    | vrrpSetting
    | embeddedFile
    | generic
    ;

family : IP | IPV6 ;

// the interface after `ip`: lan1, lan1/1, bridge1, …, or the selected pp / tunnel
iface : IFNAME | PP | TUNNEL ;

interfaceAddress : family iface ADDRESS value=addressValue SECONDARY? word* ;
addressValue     : IPV4_PREFIX | IPV6_PREFIX | word ;
secondaryAddress : family iface SECONDARY ADDRESS value=addressValue word* ;
proxyArp         : IP iface PROXYARP state=word ;

// ---- NAT descriptors ----
natType                  : NAT DESCRIPTOR TYPE id=NUMBER kind=word option=word* ;
natAddressOuter          : NAT DESCRIPTOR ADDRESS OUTER id=NUMBER natAddressItem+ ;
natAddressInner          : NAT DESCRIPTOR ADDRESS INNER id=NUMBER natAddressItem+ ;
natAddressItem           : IPV4_ADDR | IPV4_RANGE | IPV4_PREFIX | word ;
natStatic                : NAT DESCRIPTOR STATIC id=NUMBER entry=NUMBER pair=IPV4_PAIR count=NUMBER? ;
natMasqueradeStatic      : NAT DESCRIPTOR MASQUERADE STATIC id=NUMBER entry=NUMBER inner=IPV4_ADDR
                           protocol=word ports=word? ;   // a number, outer=inner, a service name (www); none for esp/gre
natPortRange             : NAT DESCRIPTOR MASQUERADE PORT RANGE id=NUMBER portRange+ ;
// what happens to a packet from outside that no translation entry matches: through|reject|discard|forward IP
natMasqueradeIncoming    : NAT DESCRIPTOR MASQUERADE INCOMING id=NUMBER action=word address=IPV4_ADDR? ;
portRange                : NUMBER_RANGE | NUMBER ;
natBackwardCompatibility : NAT DESCRIPTOR BACKWARD_COMPATIBILITY value=NUMBER ;
// `ip lan1 nat descriptor 1 2 reverse 30`; the forward list may be empty before `reverse`
natApply                 : IP iface NAT DESCRIPTOR forward+=NUMBER* (REVERSE reverse+=NUMBER+)? ;
// every other `nat descriptor SETTING… ID …` (timer, masquerade incoming, ftp port, sip …): ID is the descriptor
natOtherSetting          : NAT DESCRIPTOR setting+=(MASQUERADE | PORT | INCOMING | IDENT)+ id=NUMBER word* ;

// ---- PP and tunnel blocks ----
ppSelect            : PP SELECT target=(NUMBER | ANONYMOUS | NONE)? ;   // bare form only after `no`
tunnelSelect        : TUNNEL SELECT target=(NUMBER | NONE)? ;
ppBind              : PP BIND bindTarget+ ;
bindTarget          : TUNNEL_ID | TUNNEL_RANGE | IFNAME | word ;
ppRemotePool        : IP PP REMOTE ADDRESS POOL poolItem+ ;
poolItem            : IPV4_RANGE | IPV4_ADDR | DHCP | word ;
// `pp auth username NAME PASS [myname MYNAME MYPASS] …`: both passwords are secrets
ppAuthUsername      : PP AUTH USERNAME user=word secret=word? (MYNAME myname=word mysecret=word?)? word* ;
ppAuthMyname        : PP AUTH MYNAME user=word secret=word? word* ;
wanAuthMyname       : IFNAME AUTH MYNAME user=word secret=word? word* ;
tunnelHb46ppAuth    : TUNNEL HB46PP AUTH MYNAME user=word secret=word? word* ;
tunnelEncapsulation : TUNNEL ENCAPSULATION kind=word ;
tunnelEndpoint      : TUNNEL ENDPOINT ADDRESS first=endpointAddress second=endpointAddress? ;
endpointAddress     : IPV4_ADDR | IPV6_ADDR | word ;
tunnelTemplate      : TUNNEL TEMPLATE templateTarget+ ;
templateTarget      : NUMBER | NUMBER_RANGE | TUNNEL_ID | TUNNEL_RANGE ;

// ---- IPsec ----
ipsecTunnel            : IPSEC TUNNEL policy=NUMBER ;
ipsecSaPolicy          : IPSEC SA POLICY policy=NUMBER gateway=NUMBER word* ;
ipsecPreSharedKey      : IPSEC IKE PRE_SHARED_KEY gateway=NUMBER TEXT? secret=word ;
// without the password the line falls to ipsecIke, which still records the gateway
ipsecIkeMyname         : IPSEC IKE method=(EAP | XAUTH) MYNAME gateway=NUMBER user=word secret=word word* ;
// the ID of a gateway is an address (a name is `ipsec ike local|remote name`)
ipsecIkeId             : IPSEC IKE (LOCAL | REMOTE) ID gateway=NUMBER address=(IPV4_ADDR | IPV4_PREFIX | IPV6_ADDR | IPV6_PREFIX) ;
ipsecIke               : IPSEC IKE ikeWord+ gateway=NUMBER word* ;
ikeWord                : IDENT | plainKeyword ;
ipsecTransportTemplate : IPSEC TRANSPORT TEMPLATE source=NUMBER templateTarget+ ;
ipsecTransport         : IPSEC TRANSPORT transport=NUMBER policy=NUMBER word* ;

// ---- routes, DHCP, filters ----
ipRoute        : IP ROUTE destination=routeDestination routeGateway+ ;
routeDestination : DEFAULT | IPV4_PREFIX | IPV4_ADDR ;
routeGateway   : GATEWAY routeTarget routeOption* ;
// the gateways and parameters of the reference (8.1.7): an address, `pp N [dlci=N]`, `pp anonymous [name=N]`,
// `tunnel N`, `dhcp INTERFACE`, a loopback or null interface; then filter, dpi, metric, hide, weight, keepalive
routeTarget    : IPV4_ADDR | PP ppTarget=(NUMBER | ANONYMOUS) ppOption=word? | TUNNEL tunnelTarget=NUMBER | TUNNEL_ID
               | DHCP dhcpIface=IFNAME | IFNAME ;
routeOption    : FILTER filters+=NUMBER+ | DPI NUMBER+ | METRIC NUMBER | HIDE | WEIGHT NUMBER | KEEPALIVE NUMBER ;
dhcpScope      : DHCP SCOPE id=NUMBER range=(IPV4_RANGE_PREFIX | IPV4_RANGE | IPV4_PREFIX) word* ;
dhcpScopeBind  : DHCP SCOPE BIND id=NUMBER address=(IPV4_ADDR | IPV4_RANGE) word* ;
dhcpScopeOption: DHCP SCOPE OPTION id=NUMBER word+ ;
dhcpRelay      : IP iface DHCP SERVICE RELAY servers+=IPV4_ADDR+ word* ;
// `ip filter dynamic N SRC DST PROTOCOL [option …]` or `… SRC DST filter LIST [in LIST] [out LIST] …`
ipFilterDynamic: family FILTER DYNAMIC id=NUMBER (src=word dst=word (FILTER triggers+=NUMBER+ | protocol=word))? word* ;
// `ip filter N ACTION SRC [DST [PROTOCOL [SRC_PORTS [DST_PORTS]]]]`
ipFilter       : family FILTER id=NUMBER action=word
                 (src=word (dst=word (protocol=word (srcPorts=word dstPorts=word?)?)?)?)? word* ;
secureFilter   : family iface SECURE FILTER direction=(IN | OUT) filters+=NUMBER* (DYNAMIC dynamics+=NUMBER+)? ;

// ---- secrets ----
loginPassword         : LOGIN PASSWORD ENCRYPTED? secret=word? ;
administratorPassword : ADMINISTRATOR PASSWORD ENCRYPTED? secret=word? ;
l2tpTunnelAuth        : L2TP TUNNEL AUTH (ON | OFF) secret=word? ;
// secret rules take trailing words so a line with extra words still has its secret masked
// (the command catalog reports the extra words)
loginUser             : LOGIN USER user=word ENCRYPTED? secret=word? word* ;
authUser              : AUTH USER id=NUMBER user=word secret=word? word* ;
radiusSecret          : RADIUS SECRET secret=word word* ;
ngnRadiusPassword     : NGN RADIUS AUTH PASSWORD secret=word word* ;
snmpCommunity         : (SNMP | SNMPV2C) COMMUNITY (READ_ONLY | READ_WRITE) secret=word word* ;
snmpTrapCommunity     : (SNMP | SNMPV2C) TRAP COMMUNITY secret=word word* ;
// `snmp host HOST [RO [RW]]`
snmpHost              : (SNMP | SNMPV2C) HOST host=word (readOnly=word readWrite=word?)? word* ;
// `snmp trap host HOST [COMMUNITY]`; SNMPv2c puts the message type (trap|inform) first
snmpTrapHost          : SNMP TRAP HOST host=word secret=word? word*
                      | SNMPV2C TRAP HOST host=word (kind=word secret=word?)? word* ;
// `snmpv3 usm user ID NAME [group G] [AUTH_ALG AUTH_PASS [PRIV_ALG PRIV_PASS]]`
snmpv3User            : SNMPV3 USM USER id=NUMBER user=word (GROUP group=word)?
                        (authAlgorithm=word authSecret=word? (privAlgorithm=word privSecret=word?)?)? word* ;
// `ip IF rip auth key HEX` or `… key text TEXT`
ripAuthKey            : IP iface RIP AUTH KEY TEXT? secret=word word* ;
bgpPreSharedKey       : BGP NEIGHBOR PRE_SHARED_KEY id=NUMBER TEXT? secret=word word* ;
heartbeatPreSharedKey : HEARTBEAT PRE_SHARED_KEY secret=word word* ;
// `heartbeat2 transmit|receive ID [crypto KEY] auth KEY …`
heartbeat2Keys        : HEARTBEAT2 (TRANSMIT | RECEIVE) id=NUMBER (CRYPTO crypto=word)? AUTH auth=word word* ;
httpdApiPassword      : HTTPD CUSTOM_GUI API PASSWORD secret=word word* ;
// `mail server smtp ID ADDRESS [port=N] [smtp-auth USER PASSWORD [PROTOCOL]] …`
mailServerSmtp        : MAIL SERVER SMTP id=word address=word ~(SMTP_AUTH | COMMENT | EOF)* (SMTP_AUTH user=word secret=word?)? word* ;
// `mail server pop ID ADDRESS [port=N] PROTOCOL USER PASSWORD`: the password is the last word
mailServerPop         : MAIL SERVER POP id=word address=word rest+=word* ;
// `sip server NUMBER ADDRESS TYPE PROTOCOL SIP_URI [USER [PASSWORD]]` (the other `sip server …` commands have no number here)
sipServer             : SIP SERVER id=NUMBER address=word type=word protocol=word uri=word (user=word secret=word?)? word* ;
// `ip IF vrrp VRID ADDRESS [priority=N] [preempt=on] [auth=TEXT] …`: the text after auth= is the secret
vrrpSetting           : family iface VRRP vrid=NUMBER address=word options+=word* ;

// ---- embedded files: the reader takes the lines after this one, up to the terminator, as the content ----
embeddedFile : EMBEDDED FILE base64=word? name=word terminator=HEREDOC ;

// ---- everything else ----
generic     : head=commandHead word* ;
commandHead : IDENT | keyword ;

keyword : plainKeyword | ID ;

// every keyword but `id`: `ipsec ike local id` is not one of the generic `ipsec ike … GATEWAY …` settings
plainKeyword
    : IP | IPV6 | NAT | DESCRIPTOR | TYPE | ADDRESS | OUTER | INNER | STATIC | MASQUERADE | PORT | INCOMING | RANGE
    | BACKWARD_COMPATIBILITY | REVERSE | PP | TUNNEL | SELECT | BIND | REMOTE | POOL | ENCAPSULATION
    | ENDPOINT | TEMPLATE | IPSEC | SA | POLICY | IKE | TRANSPORT | ROUTE | GATEWAY | FILTER | DHCP | SCOPE
    | SERVICE | RELAY | SERVER | SECURE | IN | OUT | DYNAMIC | PROXYARP | SECONDARY | ANONYMOUS | NONE
    | AUTH | USERNAME | MYNAME | PRE_SHARED_KEY | TEXT | LOGIN | ADMINISTRATOR | PASSWORD | ENCRYPTED
    | L2TP | ON | OFF | ENABLE | DEFAULT | BINDING | NO
    | USER | RADIUS | SECRET | SNMP | SNMPV2C | SNMPV3 | COMMUNITY | READ_ONLY | READ_WRITE | TRAP | HOST | USM
    | GROUP | HB46PP | NGN | HTTPD | CUSTOM_GUI | API | HEARTBEAT | HEARTBEAT2 | TRANSMIT | RECEIVE | CRYPTO
    | RIP | KEY | EAP | XAUTH | BGP | NEIGHBOR | EMBEDDED | FILE
    | OPTION | LOCAL | DPI | METRIC | HIDE | WEIGHT | KEEPALIVE
    | MAIL | SMTP | SMTP_AUTH | POP | SIP | VRRP
    ;

word
    : keyword | IDENT | WORD | NUMBER | NUMBER_RANGE | NUMBER_PAIR | IPV4_ADDR | IPV4_PREFIX | IPV4_RANGE
    | IPV4_RANGE_PREFIX | IPV4_PAIR | IPV6_ADDR | IPV6_PREFIX | MAC_ADDR | TUNNEL_ID | TUNNEL_RANGE | IFNAME
    | REVISION | HEREDOC | EMFS_PATH | PLACEHOLDER
    ;
