package dev.routerls.yamaha.parse;

import java.util.List;

/**
 * The meaning of one command line the analysis reads. Lines without an explicit grammar rule are
 * {@link Generic}. Components are {@link Word}s so every value keeps its columns.
 */
public sealed interface Command {

    record Generic() implements Command { }

    /** {@code ip|ipv6 IF address VALUE [secondary]} or {@code ip IF secondary address VALUE}. */
    record InterfaceAddress(boolean ipv6, Word iface, Word value, boolean secondary) implements Command { }

    record ProxyArp(Word iface, Word state) implements Command { }

    record NatType(Word id, Word kind) implements Command { }

    /** {@code nat descriptor address outer|inner ID ITEM...}. */
    record NatAddress(Word id, boolean outer, List<Word> items) implements Command { }

    /** {@code nat descriptor static ID ENTRY OUTER=INNER[/MASK] [COUNT]}. */
    record NatStatic(Word id, Word entry, Word pair, Word count) implements Command { }

    record NatMasqueradeStatic(Word id, Word entry, Word inner, Word protocol, Word ports) implements Command { }

    record NatPortRange(Word id, List<Word> ranges) implements Command { }

    record NatBackwardCompatibility(Word value) implements Command { }

    /** {@code ip IF nat descriptor [LIST] [reverse LIST]}. */
    record NatApply(Word iface, List<Word> forward, List<Word> reverse) implements Command { }

    record PpSelect(Word target) implements Command { }

    record TunnelSelect(Word target) implements Command { }

    record PpBind(List<Word> targets) implements Command { }

    record PpRemotePool(List<Word> items) implements Command { }

    record TunnelEncapsulation(Word kind) implements Command { }

    record TunnelEndpoint(Word first, Word second) implements Command { }

    record TunnelTemplate(List<Word> targets) implements Command { }

    record IpsecTunnel(Word policy) implements Command { }

    record IpsecSaPolicy(Word policy, Word gateway) implements Command { }

    /** Any {@code ipsec ike … GATEWAY …} setting (the gateway id is what the analysis needs). */
    record IpsecIke(Word gateway) implements Command { }

    record IpsecTransport(Word transport, Word policy) implements Command { }

    record IpsecTransportTemplate(Word source, List<Word> targets) implements Command { }

    record IpRoute(Word destination, List<RouteGateway> gateways) implements Command { }

    record RouteGateway(GatewayKind kind, Word target, List<Word> filters) { }

    enum GatewayKind { ADDRESS, PP, TUNNEL, OTHER }

    record DhcpScope(Word id, Word range) implements Command { }

    /** {@code dhcp scope bind|option ID …}: uses scope ID. */
    record DhcpScopeRef(Word id) implements Command { }

    record DhcpRelay(Word iface, List<Word> servers) implements Command { }

    record FilterDefinition(boolean ipv6, boolean dynamic, Word id) implements Command { }

    record SecureFilter(boolean ipv6, Word iface, Word direction, List<Word> filters, List<Word> dynamics)
            implements Command { }

    /**
     * A setting that carries a secret. {@code secret} is already masked; {@code plaintext} is false for
     * {@code encrypted} forms. {@code subject} is the user name or gateway id it belongs to (may be null).
     */
    record SecretSetting(SecretKind kind, Word subject, Word secret, boolean plaintext) implements Command { }

    enum SecretKind {
        PP_AUTH_USERNAME("PP user password"), PP_AUTH_MYNAME("PP login password"),
        IKE_PRE_SHARED_KEY("IKE pre-shared key"), LOGIN_PASSWORD("login password"),
        ADMINISTRATOR_PASSWORD("administrator password"), L2TP_TUNNEL_AUTH("L2TP tunnel password");

        private final String label;

        SecretKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
