package dev.routerls.yamaha.parse;

import dev.routerls.grammar.YamahaLexer;
import dev.routerls.grammar.YamahaParser.*;
import dev.routerls.grammar.YamahaParserBaseVisitor;
import dev.routerls.yamaha.parse.Command.SecretKind;
import dev.routerls.core.Utf16Columns;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parse tree of one line → {@link Command}: one {@code visit…} method per alternative of the grammar's
 * {@code command} rule ({@code CommandGrammarTest} fails when an alternative has none). Secret words are
 * recorded as they are read, so the line's words can be masked afterwards. One instance per line.
 */
final class CommandConverter extends YamahaParserBaseVisitor<Command> {
    private final Utf16Columns cols;
    private final List<int[]> secretSpans = new ArrayList<>();

    CommandConverter(Utf16Columns cols) {
        this.cols = cols;
    }

    private Word w(Token t) {
        return t == null ? null : LineParser.word(t, cols);
    }

    private Word w(TerminalNode n) {
        return n == null ? null : w(n.getSymbol());
    }

    private Word w(ParserRuleContext ctx) {
        if (ctx == null) return null;
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (start == stop) return w(start);
        String raw = ctx.getText();
        return new Word(raw, cols.utf16(start.getStartIndex()), cols.utf16(stop.getStopIndex() + 1),
                start.getType(), false);
    }

    private Word secret(ParserRuleContext ctx) {
        Word x = w(ctx);
        if (x == null) return null;
        secretSpans.add(new int[]{x.start(), x.end()});
        return x.masked();
    }

    /** A secret of the line (masked), or null when the line does not write it. */
    private Command.SecretValue value(SecretKind kind, ParserRuleContext ctx, boolean plaintext) {
        // `show config` prints a password that is set as `*`: the value is not in the text at all
        // nor is a template placeholder a secret written out
        boolean shownAsSet = ctx != null && (ctx.getText().equals(SHOWN_AS_SET) || ctx.getStart().getType() == YamahaLexer.PLACEHOLDER);
        Word x = secret(ctx);
        return x == null ? null : new Command.SecretValue(kind, x, plaintext && !shownAsSet);
    }

    /** How {@code show config} writes a password or key that is set without showing it. */
    private static final String SHOWN_AS_SET = "*";

    private Command.SecretValue plain(SecretKind kind, ParserRuleContext ctx) {
        return value(kind, ctx, true);
    }

    private Command.SecretSetting secrets(Word subject, Command.SecretValue... values) {
        List<Command.SecretValue> written = new ArrayList<>(values.length);
        for (Command.SecretValue v : values) if (v != null) written.add(v);
        return new Command.SecretSetting(subject, fixed(written));
    }

    private List<Word> ws(List<? extends ParseTree> nodes) {
        List<Word> out = new ArrayList<>(nodes.size());
        for (ParseTree n : nodes) {
            if (n instanceof TerminalNode t) out.add(w(t));
            else if (n instanceof ParserRuleContext c) out.add(w(c));
        }
        return fixed(out);
    }

    private List<Word> tokens(List<Token> ts) {
        List<Word> out = new ArrayList<>(ts.size());
        for (Token t : ts) out.add(w(t));
        return PackedWords.of(out); // read-only, as every list a command keeps (see fixed)
    }

    /** The line's words with secret values replaced by masks. */
    List<Word> applySecrets(List<Word> words) {
        if (secretSpans.isEmpty()) return words;
        List<Word> out = new ArrayList<>(words.size());
        for (Word x : words) {
            int[] span = secretSpans.stream().filter(s -> s[0] >= x.start() && s[1] <= x.end() && s[0] < s[1])
                    .findFirst().orElse(null);
            if (span == null) {
                out.add(x);
            } else if (span[0] == x.start() && span[1] == x.end()) {
                out.add(x.masked());
            } else {
                // the secret is the end of the word (auth=TEXT): the keyword part stays readable
                String keep = x.text().substring(0, Math.min(x.text().length(), span[0] - x.start()));
                out.add(new Word(keep + Word.MASK, x.start(), x.end(), x.type(), true));
            }
        }
        return out;
    }

    /** The text after {@code auth=} among VRRP options, as a secret of its own columns (null when absent). */
    private Command.SecretValue vrrpAuth(List<WordContext> options) {
        for (WordContext o : options) {
            Word x = w(o);
            if (x.text().length() <= 5 || !x.text().regionMatches(true, 0, "auth=", 0, 5) || x.end() - x.start() <= 5) continue;
            Word secret = new Word(Word.MASK, x.start() + 5, x.end(), x.type(), true);
            secretSpans.add(new int[]{secret.start(), secret.end()});
            return new Command.SecretValue(SecretKind.VRRP_AUTH_TEXT, secret, true);
        }
        return null;
    }

    /** The command of a line's {@code command} subtree. */
    Command convert(CommandContext c) {
        Command command = visit(c.getChild(0));
        if (command == null) throw new IllegalStateException("no conversion for " + c.getChild(0).getClass().getSimpleName());
        return command;
    }

    @Override
    public Command visitGeneric(GenericContext x) {
        return new Command.Generic();
    }

    @Override
    public Command visitInterfaceAddress(InterfaceAddressContext x) {
        return new Command.InterfaceAddress(x.family().IPV6() != null, w(x.iface()), w(x.value),
                x.SECONDARY() != null);
    }

    @Override
    public Command visitSecondaryAddress(SecondaryAddressContext x) {
        return new Command.InterfaceAddress(x.family().IPV6() != null, w(x.iface()), w(x.value), true);
    }

    @Override
    public Command visitProxyArp(ProxyArpContext x) {
        return new Command.ProxyArp(w(x.iface()), w(x.state));
    }

    @Override
    public Command visitNatType(NatTypeContext x) {
        return new Command.NatType(w(x.id), w(x.kind));
    }

    @Override
    public Command visitNatAddressOuter(NatAddressOuterContext x) {
        return new Command.NatAddress(w(x.id), true, ws(x.natAddressItem()));
    }

    @Override
    public Command visitNatAddressInner(NatAddressInnerContext x) {
        return new Command.NatAddress(w(x.id), false, ws(x.natAddressItem()));
    }

    @Override
    public Command visitNatStatic(NatStaticContext x) {
        return new Command.NatStatic(w(x.id), w(x.entry), w(x.pair), w(x.count));
    }

    @Override
    public Command visitNatMasqueradeStatic(NatMasqueradeStaticContext x) {
        return new Command.NatMasqueradeStatic(w(x.id), w(x.entry), w(x.inner), w(x.protocol), w(x.ports));
    }

    @Override
    public Command visitNatPortRange(NatPortRangeContext x) {
        return new Command.NatPortRange(w(x.id), ws(x.portRange()));
    }

    @Override
    public Command visitNatMasqueradeIncoming(NatMasqueradeIncomingContext x) {
        return new Command.NatMasqueradeIncoming(w(x.id), w(x.action), w(x.address));
    }

    @Override
    public Command visitNatOtherSetting(NatOtherSettingContext x) {
        return new Command.NatOtherSetting(w(x.id), String.join(" ", x.setting.stream().map(Token::getText).toList()));
    }

    @Override
    public Command visitNatBackwardCompatibility(NatBackwardCompatibilityContext x) {
        return new Command.NatBackwardCompatibility(w(x.value));
    }

    @Override
    public Command visitNatApply(NatApplyContext x) {
        return new Command.NatApply(w(x.iface()), tokens(x.forward), tokens(x.reverse));
    }

    @Override
    public Command visitPpSelect(PpSelectContext x) {
        return new Command.PpSelect(w(x.target));
    }

    @Override
    public Command visitTunnelSelect(TunnelSelectContext x) {
        return new Command.TunnelSelect(w(x.target));
    }

    @Override
    public Command visitPpBind(PpBindContext x) {
        return new Command.PpBind(ws(x.bindTarget()));
    }

    @Override
    public Command visitPpRemotePool(PpRemotePoolContext x) {
        return new Command.PpRemotePool(ws(x.poolItem()));
    }

    @Override
    public Command visitPpAuthUsername(PpAuthUsernameContext x) {
        return secrets(w(x.user), plain(SecretKind.PP_AUTH_USERNAME, x.secret),
                plain(SecretKind.PP_AUTH_MYNAME, x.mysecret));
    }

    @Override
    public Command visitPpAuthMyname(PpAuthMynameContext x) {
        return secrets(w(x.user), plain(SecretKind.PP_AUTH_MYNAME, x.secret));
    }

    @Override
    public Command visitWanAuthMyname(WanAuthMynameContext x) {
        return secrets(w(x.user), plain(SecretKind.WAN_AUTH_MYNAME, x.secret));
    }

    @Override
    public Command visitTunnelHb46ppAuth(TunnelHb46ppAuthContext x) {
        return secrets(w(x.user), plain(SecretKind.HB46PP_PASSWORD, x.secret));
    }

    @Override
    public Command visitTunnelEncapsulation(TunnelEncapsulationContext x) {
        return new Command.TunnelEncapsulation(w(x.kind));
    }

    @Override
    public Command visitTunnelEndpoint(TunnelEndpointContext x) {
        return new Command.TunnelEndpoint(w(x.first), w(x.second));
    }

    @Override
    public Command visitTunnelTemplate(TunnelTemplateContext x) {
        return new Command.TunnelTemplate(ws(x.templateTarget()));
    }

    @Override
    public Command visitIpsecTunnel(IpsecTunnelContext x) {
        return new Command.IpsecTunnel(w(x.policy));
    }

    @Override
    public Command visitIpsecSaPolicy(IpsecSaPolicyContext x) {
        return new Command.IpsecSaPolicy(w(x.policy), w(x.gateway));
    }

    // a hex key (0x…) is the key itself in another notation, not an encrypted form
    @Override
    public Command visitIpsecPreSharedKey(IpsecPreSharedKeyContext x) {
        return secrets(w(x.gateway), plain(SecretKind.IKE_PRE_SHARED_KEY, x.secret));
    }

    @Override
    public Command visitIpsecIkeMyname(IpsecIkeMynameContext x) {
        return secrets(w(x.gateway), plain(SecretKind.IKE_MYNAME, x.secret));
    }

    @Override
    public Command visitIpsecIkeId(IpsecIkeIdContext x) {
        return new Command.IpsecIke(w(x.gateway));
    }

    @Override
    public Command visitIpsecIke(IpsecIkeContext x) {
        return new Command.IpsecIke(w(x.gateway));
    }

    @Override
    public Command visitIpsecTransportTemplate(IpsecTransportTemplateContext x) {
        return new Command.IpsecTransportTemplate(w(x.source), ws(x.templateTarget()));
    }

    @Override
    public Command visitIpsecTransport(IpsecTransportContext x) {
        return new Command.IpsecTransport(w(x.transport), w(x.policy));
    }

    @Override
    public Command visitIpRoute(IpRouteContext x) {
        List<Command.RouteGateway> gws = new ArrayList<>();
        for (RouteGatewayContext g : x.routeGateway()) gws.add(gateway(g));
        return new Command.IpRoute(w(x.destination), fixed(gws));
    }

    @Override
    public Command visitDhcpScopeBind(DhcpScopeBindContext x) {
        return new Command.DhcpScopeRef(w(x.id));
    }

    @Override
    public Command visitDhcpScopeOption(DhcpScopeOptionContext x) {
        return new Command.DhcpScopeRef(w(x.id));
    }

    @Override
    public Command visitDhcpScope(DhcpScopeContext x) {
        return new Command.DhcpScope(w(x.id), w(x.range));
    }

    @Override
    public Command visitDhcpRelay(DhcpRelayContext x) {
        return new Command.DhcpRelay(w(x.iface()), tokens(x.servers));
    }

    @Override
    public Command visitIpFilterDynamic(IpFilterDynamicContext x) {
        return new Command.FilterDefinition(x.family().IPV6() != null, true, w(x.id), present(x.src, x.dst, x.protocol),
                tokens(x.triggers));
    }

    @Override
    public Command visitIpFilter(IpFilterContext x) {
        return new Command.FilterDefinition(x.family().IPV6() != null, false, w(x.id),
                present(x.src, x.dst, x.protocol, x.srcPorts, x.dstPorts), List.of());
    }

    /** How many of the optional fields are written (an omitted one ends them). */
    private static int present(ParserRuleContext... fields) {
        int n = 0;
        while (n < fields.length && fields[n] != null) n++;
        return n;
    }

    /**
     * A list a command keeps, read-only: parsed lines are shared between documents and threads
     * ({@code LineCache}), so no reader may change one.
     */
    private static <T> List<T> fixed(List<T> built) {
        return Collections.unmodifiableList(built);
    }

    @Override
    public Command visitSecureFilter(SecureFilterContext x) {
        return new Command.SecureFilter(x.family().IPV6() != null, w(x.iface()), w(x.direction),
                tokens(x.filters), tokens(x.dynamics));
    }

    @Override
    public Command visitLoginPassword(LoginPasswordContext x) {
        return secrets(null, value(SecretKind.LOGIN_PASSWORD, x.secret, x.ENCRYPTED() == null));
    }

    @Override
    public Command visitAdministratorPassword(AdministratorPasswordContext x) {
        return secrets(null, value(SecretKind.ADMINISTRATOR_PASSWORD, x.secret, x.ENCRYPTED() == null));
    }

    @Override
    public Command visitLoginUser(LoginUserContext x) {
        return secrets(w(x.user), value(SecretKind.LOGIN_USER_PASSWORD, x.secret, x.ENCRYPTED() == null));
    }

    @Override
    public Command visitL2tpTunnelAuth(L2tpTunnelAuthContext x) {
        return secrets(null, plain(SecretKind.L2TP_TUNNEL_AUTH, x.secret));
    }

    @Override
    public Command visitAuthUser(AuthUserContext x) {
        return secrets(w(x.user), plain(SecretKind.AUTH_USER_PASSWORD, x.secret));
    }

    @Override
    public Command visitRadiusSecret(RadiusSecretContext x) {
        return secrets(null, plain(SecretKind.RADIUS_SECRET, x.secret));
    }

    @Override
    public Command visitNgnRadiusPassword(NgnRadiusPasswordContext x) {
        return secrets(null, plain(SecretKind.NGN_RADIUS_PASSWORD, x.secret));
    }

    @Override
    public Command visitSnmpCommunity(SnmpCommunityContext x) {
        return secrets(null, plain(SecretKind.SNMP_COMMUNITY, x.secret));
    }

    @Override
    public Command visitSnmpTrapCommunity(SnmpTrapCommunityContext x) {
        return secrets(null, plain(SecretKind.SNMP_COMMUNITY, x.secret));
    }

    @Override
    public Command visitSnmpHost(SnmpHostContext x) {
        return secrets(w(x.host), plain(SecretKind.SNMP_COMMUNITY, x.readOnly), plain(SecretKind.SNMP_COMMUNITY, x.readWrite));
    }

    @Override
    public Command visitSnmpTrapHost(SnmpTrapHostContext x) {
        return secrets(w(x.host), plain(SecretKind.SNMP_COMMUNITY, x.secret));
    }

    @Override
    public Command visitSnmpv3User(Snmpv3UserContext x) {
        return secrets(w(x.user), plain(SecretKind.SNMPV3_AUTH_PASSWORD, x.authSecret),
                plain(SecretKind.SNMPV3_PRIV_PASSWORD, x.privSecret));
    }

    @Override
    public Command visitRipAuthKey(RipAuthKeyContext x) {
        return secrets(w(x.iface()), plain(SecretKind.RIP_AUTH_KEY, x.secret));
    }

    @Override
    public Command visitBgpPreSharedKey(BgpPreSharedKeyContext x) {
        return secrets(w(x.id), plain(SecretKind.BGP_PRE_SHARED_KEY, x.secret));
    }

    @Override
    public Command visitHeartbeatPreSharedKey(HeartbeatPreSharedKeyContext x) {
        return secrets(null, plain(SecretKind.HEARTBEAT_KEY, x.secret));
    }

    @Override
    public Command visitHeartbeat2Keys(Heartbeat2KeysContext x) {
        return secrets(w(x.id), plain(SecretKind.HEARTBEAT2_CRYPTO_KEY, x.crypto), plain(SecretKind.HEARTBEAT2_AUTH_KEY, x.auth));
    }

    @Override
    public Command visitHttpdApiPassword(HttpdApiPasswordContext x) {
        return secrets(null, plain(SecretKind.HTTPD_API_PASSWORD, x.secret));
    }

    @Override
    public Command visitMailServerSmtp(MailServerSmtpContext x) {
        return secrets(w(x.user), plain(SecretKind.MAIL_SERVER_PASSWORD, x.secret));
    }

    @Override
    public Command visitMailServerPop(MailServerPopContext x) {
        // PROTOCOL USER PASSWORD (after an optional port=): the password is the last of at least three
        List<WordContext> rest = x.rest;
        return rest.size() < 3 ? secrets(null) : secrets(w(rest.get(rest.size() - 2)),
                plain(SecretKind.MAIL_SERVER_PASSWORD, rest.get(rest.size() - 1)));
    }

    @Override
    public Command visitSipServer(SipServerContext x) {
        return secrets(w(x.user), plain(SecretKind.SIP_SERVER_PASSWORD, x.secret));
    }

    @Override
    public Command visitVrrpSetting(VrrpSettingContext x) {
        return secrets(w(x.vrid), vrrpAuth(x.options));
    }

    @Override
    public Command visitEmbeddedFile(EmbeddedFileContext x) {
        return new Command.EmbeddedFile(w(x.name), x.base64 != null && x.base64.getText().equals("-b"), w(x.terminator));
    }

    private Command.RouteGateway gateway(RouteGatewayContext g) {
        RouteTargetContext t = g.routeTarget();
        Command.GatewayKind kind;
        Word target;
        if (t.IPV4_ADDR() != null) {
            kind = Command.GatewayKind.ADDRESS;
            target = w(t.IPV4_ADDR());
        } else if (t.PP() != null) {
            kind = Command.GatewayKind.PP;
            target = w(t.ppTarget);
        } else if (t.TUNNEL() != null) {
            kind = Command.GatewayKind.TUNNEL;
            target = w(t.tunnelTarget);
        } else if (t.dhcpIface != null) {
            kind = Command.GatewayKind.DHCP;
            target = w(t.dhcpIface);
        } else if (t.TUNNEL_ID() != null) {
            kind = Command.GatewayKind.TUNNEL;
            Word id = w(t.TUNNEL_ID());
            target = new Word(id.text().substring(6), id.start() + 6, id.end(), YamahaLexer.NUMBER, false);
        } else {
            kind = Command.GatewayKind.OTHER;
            target = w(t);
        }
        List<Word> filters = new ArrayList<>();
        for (RouteOptionContext o : g.routeOption()) filters.addAll(tokens(o.filters));
        return new Command.RouteGateway(kind, target, fixed(filters));
    }
}
