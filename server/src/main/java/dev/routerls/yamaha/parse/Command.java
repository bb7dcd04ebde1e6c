package dev.routerls.yamaha.parse;

import java.util.List;

/**
 * The meaning of one command line the analysis reads. Lines without an explicit grammar rule are
 * {@link Generic}. Components are {@link Word}s so every value keeps its columns.
 */
public sealed interface Command {

    /** Calls the {@link Visitor} method for this kind of command. */
    <R> R accept(Visitor<R> visitor);

    record Generic() implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.generic(this);
        }
    }

    /** {@code ip|ipv6 IF address VALUE [secondary]} or {@code ip IF secondary address VALUE}. */
    record InterfaceAddress(boolean ipv6, Word iface, Word value, boolean secondary) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.interfaceAddress(this);
        }
    }

    record ProxyArp(Word iface, Word state) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.proxyArp(this);
        }
    }

    /**
     * A {@code nat descriptor …} line that sets something of descriptor {@link #id()}: it configures that
     * descriptor without being its first mention.
     */
    sealed interface NatSetting extends Command
            permits NatType, NatAddress, NatStatic, NatMasqueradeStatic, NatPortRange, NatMasqueradeIncoming, NatOtherSetting {
        /** The descriptor number. */
        Word id();
    }

    record NatType(Word id, Word kind) implements NatSetting {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natType(this);
        }
    }

    /** {@code nat descriptor address outer|inner ID ITEM...}. */
    record NatAddress(Word id, boolean outer, List<Word> items) implements NatSetting {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natAddress(this);
        }
    }

    /** {@code nat descriptor static ID ENTRY OUTER=INNER[/MASK] [COUNT]}. */
    record NatStatic(Word id, Word entry, Word pair, Word count) implements NatSetting {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natStatic(this);
        }
    }

    record NatMasqueradeStatic(Word id, Word entry, Word inner, Word protocol, Word ports) implements NatSetting {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natMasqueradeStatic(this);
        }
    }

    record NatPortRange(Word id, List<Word> ranges) implements NatSetting {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natPortRange(this);
        }
    }

    /** {@code nat descriptor masquerade incoming ID ACTION [ADDRESS]}. */
    record NatMasqueradeIncoming(Word id, Word action, Word address) implements NatSetting {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natMasqueradeIncoming(this);
        }
    }

    /** Any other {@code nat descriptor SETTING ID …} (timer, ftp port, sip …); {@code setting} names it. */
    record NatOtherSetting(Word id, String setting) implements NatSetting {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natOtherSetting(this);
        }
    }

    record NatBackwardCompatibility(Word value) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natBackwardCompatibility(this);
        }
    }

    /** {@code ip IF nat descriptor [LIST] [reverse LIST]}. */
    record NatApply(Word iface, List<Word> forward, List<Word> reverse) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.natApply(this);
        }
    }

    record PpSelect(Word target) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ppSelect(this);
        }
    }

    record TunnelSelect(Word target) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tunnelSelect(this);
        }
    }

    record PpBind(List<Word> targets) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ppBind(this);
        }
    }

    record PpRemotePool(List<Word> items) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ppRemotePool(this);
        }
    }

    record TunnelEncapsulation(Word kind) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tunnelEncapsulation(this);
        }
    }

    record TunnelEndpoint(Word first, Word second) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tunnelEndpoint(this);
        }
    }

    record TunnelTemplate(List<Word> targets) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.tunnelTemplate(this);
        }
    }

    record IpsecTunnel(Word policy) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ipsecTunnel(this);
        }
    }

    record IpsecSaPolicy(Word policy, Word gateway) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ipsecSaPolicy(this);
        }
    }

    /** Any {@code ipsec ike … GATEWAY …} setting (the gateway id is what the analysis needs). */
    record IpsecIke(Word gateway) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ipsecIke(this);
        }
    }

    record IpsecTransport(Word transport, Word policy) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ipsecTransport(this);
        }
    }

    record IpsecTransportTemplate(Word source, List<Word> targets) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ipsecTransportTemplate(this);
        }
    }

    record IpRoute(Word destination, List<RouteGateway> gateways) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.ipRoute(this);
        }
    }

    /** One {@code gateway …} of a route: for DHCP, {@code target} is the interface whose lease gives the gateway. */
    record RouteGateway(GatewayKind kind, Word target, List<Word> filters) { }

    enum GatewayKind { ADDRESS, PP, TUNNEL, DHCP, OTHER }

    record DhcpScope(Word id, Word range) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.dhcpScope(this);
        }
    }

    /** {@code dhcp scope bind|option ID …}: uses scope ID. */
    record DhcpScopeRef(Word id) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.dhcpScopeRef(this);
        }
    }

    record DhcpRelay(Word iface, List<Word> servers) implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.dhcpRelay(this);
        }
    }

    /**
     * {@code ip|ipv6 filter [dynamic] N …}. A static filter has its action and up to five fields (source,
     * destination, protocol, source ports, destination ports, as written); a dynamic one has source and
     * destination, then its protocol as a third field or the static filters of its {@code filter} list as
     * {@code triggers}. The action and fields are the line's words right after the number, one word each;
     * the command keeps only how many fields are written and reads them from the line it was parsed from
     * when asked: every filter line of every open document keeps its command, and the line keeps its
     * words anyway.
     */
    record FilterDefinition(boolean ipv6, boolean dynamic, Word id, int fieldCount, List<Word> triggers)
            implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.filterDefinition(this);
        }

        /** The action word of a static filter ({@code pass}, {@code reject-nolog} …); null for a dynamic one. */
        public Word action(ParsedLine line) {
            return dynamic ? null : line.word(idWord(line) + 1);
        }

        /** The fields as written, read from {@code line}, the line this command was parsed from. */
        public List<Word> fields(ParsedLine line) {
            int from = idWord(line) + (dynamic ? 1 : 2);
            return line.words(from, from + fieldCount);
        }

        private int idWord(ParsedLine line) {
            int i = line.wordStartingAt(id.start());
            // the position only: a message that quotes config text may reach the server log
            if (i < 0) throw new IllegalArgumentException("not the line of this command: no word starts at column " + id.start());
            return i;
        }
    }

    record SecureFilter(boolean ipv6, Word iface, Word direction, List<Word> filters, List<Word> dynamics)
            implements Command {
        @Override
        public <R> R accept(Visitor<R> v) {
            return v.secureFilter(this);
        }
    }

    /**
     * {@code embedded file [-b] NAME <<TERMINATOR}: the lines after it, up to a line that is the terminator,
     * are the file's content (usually a Lua script), not commands. {@code terminator} is the word after
     * {@code <<}; {@code base64} for {@code -b}.
     */
    record EmbeddedFile(Word name, boolean base64, Word terminator) implements Command {
        /** The text of the line that ends the content. */
        public String terminatorText() {
            return terminator.text().substring(2);
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.embeddedFile(this);
        }
    }

    /**
     * A setting that carries one or more secrets (a line such as {@code pp auth username} or
     * {@code snmpv3 usm user} holds two). {@code subject} is the user name, gateway or peer id they belong
     * to (may be null). The secret words are already masked.
     */
    record SecretSetting(Word subject, List<SecretValue> values) implements Command {
        /** The first secret of the line (null when the line has none written). */
        public Word secret() {
            return values.isEmpty() ? null : values.get(0).secret();
        }

        @Override
        public <R> R accept(Visitor<R> v) {
            return v.secretSetting(this);
        }
    }

    /** One secret word of a line; {@code plaintext} is false for the {@code encrypted} forms. */
    record SecretValue(SecretKind kind, Word secret, boolean plaintext) { }

    enum SecretKind {
        PP_AUTH_USERNAME("PP user password", "connect as that PP user"),
        PP_AUTH_MYNAME("PP login password", "connect to the provider with your account"),
        WAN_AUTH_MYNAME("WAN login password", "connect to the provider with your account"),
        HB46PP_PASSWORD("provisioning server password", "fetch your IPv6 provisioning data"),
        IKE_PRE_SHARED_KEY("IKE pre-shared key", "set up a VPN to this router"),
        IKE_MYNAME("IKE EAP/XAUTH password", "authenticate to the VPN peer as you"),
        LOGIN_PASSWORD("login password", "log in to the router", true),
        ADMINISTRATOR_PASSWORD("administrator password", "take administrator rights on the router", true),
        LOGIN_USER_PASSWORD("login user password", "log in to the router as that user", true),
        AUTH_USER_PASSWORD("VPN user password", "connect as that VPN user"),
        L2TP_TUNNEL_AUTH("L2TP tunnel password", "authenticate an L2TP tunnel to this router"),
        RADIUS_SECRET("RADIUS shared secret", "forge or read RADIUS exchanges"),
        NGN_RADIUS_PASSWORD("NGN RADIUS password", "authenticate on the NGN network as you"),
        SNMP_COMMUNITY("SNMP community name", "read (or, read-write, change) the router's settings over SNMP"),
        SNMPV3_AUTH_PASSWORD("SNMPv3 authentication password", "query the router over SNMP as that user"),
        SNMPV3_PRIV_PASSWORD("SNMPv3 privacy password", "decrypt that user's SNMP traffic"),
        RIP_AUTH_KEY("RIP authentication key", "inject routes into this router"),
        BGP_PRE_SHARED_KEY("BGP neighbor key", "pose as that BGP neighbor"),
        HEARTBEAT_KEY("heartbeat pre-shared key", "forge heartbeat notices"),
        HEARTBEAT2_CRYPTO_KEY("heartbeat2 encryption key", "read heartbeat2 notices"),
        HEARTBEAT2_AUTH_KEY("heartbeat2 authentication key", "forge heartbeat2 notices"),
        HTTPD_API_PASSWORD("custom GUI API password", "drive the router through its web API"),
        MAIL_SERVER_PASSWORD("mail server password", "send and read mail as that account"),
        SIP_SERVER_PASSWORD("SIP server password", "register and place calls as that account"),
        VRRP_AUTH_TEXT("VRRP authentication text", "take over the virtual router address of this group");

        private final String label;
        private final String grants;
        private final boolean hasEncryptedForm;

        SecretKind(String label, String grants) {
            this(label, grants, false);
        }

        SecretKind(String label, String grants, boolean hasEncryptedForm) {
            this.label = label;
            this.grants = grants;
            this.hasEncryptedForm = hasEncryptedForm;
        }

        public String label() {
            return label;
        }

        /** What someone holding the value can do, for messages. */
        public String grants() {
            return grants;
        }

        /** Whether the command also takes the value in YAMAHA's {@code encrypted} form. */
        public boolean hasEncryptedForm() {
            return hasEncryptedForm;
        }

        /** Whether the setting names an IKE gateway (so the gateway counts as used). */
        public boolean namesIkeGateway() {
            return this == IKE_PRE_SHARED_KEY || this == IKE_MYNAME;
        }
    }

    /**
     * One method per kind of command, so that adding a command record makes the compiler list every
     * place that must decide what the new command means (the model builder, for instance).
     */
    interface Visitor<R> {
        R generic(Generic command);

        R interfaceAddress(InterfaceAddress command);

        R proxyArp(ProxyArp command);

        R natType(NatType command);

        R natAddress(NatAddress command);

        R natStatic(NatStatic command);

        R natMasqueradeStatic(NatMasqueradeStatic command);

        R natPortRange(NatPortRange command);

        R natMasqueradeIncoming(NatMasqueradeIncoming command);

        R natOtherSetting(NatOtherSetting command);

        R natBackwardCompatibility(NatBackwardCompatibility command);

        R natApply(NatApply command);

        R ppSelect(PpSelect command);

        R tunnelSelect(TunnelSelect command);

        R ppBind(PpBind command);

        R ppRemotePool(PpRemotePool command);

        R tunnelEncapsulation(TunnelEncapsulation command);

        R tunnelEndpoint(TunnelEndpoint command);

        R tunnelTemplate(TunnelTemplate command);

        R ipsecTunnel(IpsecTunnel command);

        R ipsecSaPolicy(IpsecSaPolicy command);

        R ipsecIke(IpsecIke command);

        R ipsecTransport(IpsecTransport command);

        R ipsecTransportTemplate(IpsecTransportTemplate command);

        R ipRoute(IpRoute command);

        R dhcpScope(DhcpScope command);

        R dhcpScopeRef(DhcpScopeRef command);

        R dhcpRelay(DhcpRelay command);

        R filterDefinition(FilterDefinition command);

        R secureFilter(SecureFilter command);

        R secretSetting(SecretSetting command);

        R embeddedFile(EmbeddedFile command);
    }
}
