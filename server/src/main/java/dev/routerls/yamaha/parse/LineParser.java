package dev.routerls.yamaha.parse;

import dev.routerls.grammar.YamahaLexer;
import dev.routerls.grammar.YamahaParser;
import dev.routerls.grammar.YamahaParser.*;
import dev.routerls.yamaha.parse.Command.SecretKind;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses one YAMAHA config line with the ANTLR grammar and turns the tree into a compact
 * {@link ParsedLine}. Stateless and thread safe; callers cache results by line text.
 */
public final class LineParser {

    /** Parses one line (no line terminator). Never throws for any input. */
    public ParsedLine parse(String text) {
        Parsed<LineContext> p = run(text, YamahaParser::line);
        ColumnMap cols = new ColumnMap(text);
        List<Word> words = new ArrayList<>();
        Word comment = null;
        for (Token t : p.tokens.getTokens()) {
            if (t.getChannel() != Token.DEFAULT_CHANNEL || t.getType() == Token.EOF) continue;
            Word w = word(t, cols);
            if (t.getType() == YamahaLexer.COMMENT) comment = w;
            else words.add(w);
        }
        if (p.error != null) {
            return new ParsedLine(text, words, comment, false, null, p.error.mapped(cols));
        }
        LineContext line = p.tree;
        Command command = null;
        if (line.command() != null) {
            Converter c = new Converter(cols);
            command = c.convert(line.command());
            words = c.applySecrets(words);
            if (command instanceof Command.Generic && line.NO() == null) {
                // `no` forms may drop trailing parameters, so only positive lines are held to the form
                String form = ExplicitForms.expectedFormOf(words);
                if (form != null) {
                    Word last = words.get(words.size() - 1);
                    LineError e = new LineError("its parameters do not have the expected form `" + form + "`",
                            words.get(0).start(), last.end());
                    return new ParsedLine(text, words, comment, false, null, e);
                }
            }
        }
        return new ParsedLine(text, words, comment, line.NO() != null, command, null);
    }

    /** Reads a header comment's text (after '#'): model name and firmware revision, if it is one. */
    public Optional<Header> parseHeader(String commentBody) {
        Parsed<HeaderContext> p = run(commentBody, YamahaParser::header);
        if (p.error != null || p.tree.model == null || p.tree.revision == null) return Optional.empty();
        String model = p.tree.model.getText();
        // a model name is letters followed by digits (RTX1210, NVR510, vRX, RT57i, FWX120 …)
        if (!model.matches("(?i)[a-z]{2,4}[0-9]*[a-z]*") || model.chars().noneMatch(Character::isUpperCase)) {
            return Optional.empty();
        }
        String rev = p.tree.revision.getText().substring(4);
        return Optional.of(new Header(model, rev));
    }

    // ---------------------------------------------------------------------------------------------

    private record Parsed<T>(T tree, CommonTokenStream tokens, RawError error) { }

    /** A syntax error with code point columns, mapped to UTF-16 columns once the line is known. */
    private record RawError(String message, int start, int end) {
        LineError mapped(ColumnMap cols) {
            return new LineError(message, cols.utf16(start), cols.utf16(end));
        }
    }

    private static <T extends ParserRuleContext> Parsed<T> run(String text, Function<YamahaParser, T> entry) {
        YamahaLexer lexer = new YamahaLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        YamahaParser parser = new YamahaParser(tokens);
        parser.removeErrorListeners();
        // fast SLL pass first; only lines it cannot decide get the full LL pass with error reporting
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            return new Parsed<>(entry.apply(parser), tokens, null);
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            FirstError listener = new FirstError();
            parser.addErrorListener(listener);
            T tree = entry.apply(parser);
            return new Parsed<>(tree, tokens, listener.error);
        }
    }

    private static final class FirstError extends BaseErrorListener {
        RawError error;

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
                                RecognitionException e) {
            if (error != null) return;
            if (offending instanceof Token t && t.getType() != Token.EOF) {
                error = new RawError(describe(t), t.getStartIndex(), t.getStopIndex() + 1);
            } else {
                error = new RawError("the line ends before the command is complete", col, col + 1);
            }
        }

        // Never quotes the word itself: it may be part of a password on a wrapped line.
        private static String describe(Token t) {
            String text = t.getText();
            if (t.getType() == YamahaLexer.ERROR_CHAR) {
                char c = text.isEmpty() ? ' ' : text.charAt(0);
                if (c == '"' || c == '\'') return "a quote that is never closed";
                if (c == '\\') return "a backslash with nothing to escape";
                return "a control character (U+" + String.format("%04X", (int) c) + "), binary data in the text";
            }
            return "a command must start with a command name, not this word";
        }
    }

    private static Word word(Token t, ColumnMap cols) {
        String raw = t.getText();
        String text = t.getType() == YamahaLexer.WORD ? unescape(raw) : raw;
        return new Word(text, cols.utf16(t.getStartIndex()), cols.utf16(t.getStopIndex() + 1), t.getType(), false);
    }

    /** Resolves {@code \x} escapes and {@code "…"}/{@code '…'} quoting as the router does. */
    static String unescape(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else b.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '\\' && i + 1 < raw.length()) {
                b.append(raw.charAt(++i));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** ANTLR counts code points; editors count UTF-16 units. Only lines with surrogates differ. */
    private static final class ColumnMap {
        private final int[] utf16;

        ColumnMap(String text) {
            int cps = text.codePointCount(0, text.length());
            if (cps == text.length()) {
                utf16 = null;
            } else {
                utf16 = new int[cps + 1];
                int u = 0;
                for (int i = 0; i < cps; i++) {
                    utf16[i] = u;
                    u += Character.charCount(text.codePointAt(u));
                }
                utf16[cps] = u;
            }
        }

        int utf16(int codePoint) {
            if (utf16 == null) return codePoint;
            return utf16[Math.max(0, Math.min(codePoint, utf16.length - 1))];
        }
    }

    /** Parse tree → {@link Command}. */
    private static final class Converter {
        private final ColumnMap cols;
        private final List<int[]> secretSpans = new ArrayList<>();

        Converter(ColumnMap cols) {
            this.cols = cols;
        }

        Word w(Token t) {
            return t == null ? null : word(t, cols);
        }

        Word w(TerminalNode n) {
            return n == null ? null : w(n.getSymbol());
        }

        Word w(ParserRuleContext ctx) {
            if (ctx == null) return null;
            Token start = ctx.getStart();
            Token stop = ctx.getStop();
            if (start == stop) return w(start);
            String raw = ctx.getText();
            return new Word(raw, cols.utf16(start.getStartIndex()), cols.utf16(stop.getStopIndex() + 1),
                    start.getType(), false);
        }

        Word secret(ParserRuleContext ctx) {
            Word x = w(ctx);
            if (x == null) return null;
            secretSpans.add(new int[]{x.start(), x.end()});
            return x.masked();
        }

        /** A secret of the line (masked), or null when the line does not write it. */
        Command.SecretValue value(SecretKind kind, ParserRuleContext ctx, boolean plaintext) {
            Word x = secret(ctx);
            return x == null ? null : new Command.SecretValue(kind, x, plaintext);
        }

        Command.SecretValue plain(SecretKind kind, ParserRuleContext ctx) {
            return value(kind, ctx, true);
        }

        /** The text after {@code auth=} among VRRP options, as a secret of its own columns (null when absent). */
        Command.SecretValue vrrpAuth(List<WordContext> options) {
            for (WordContext o : options) {
                Word x = w(o);
                if (x.text().length() <= 5 || !x.text().regionMatches(true, 0, "auth=", 0, 5) || x.end() - x.start() <= 5) continue;
                Word secret = new Word(Word.MASK, x.start() + 5, x.end(), x.type(), true);
                secretSpans.add(new int[]{secret.start(), secret.end()});
                return new Command.SecretValue(SecretKind.VRRP_AUTH_TEXT, secret, true);
            }
            return null;
        }

        Command.SecretSetting secrets(Word subject, Command.SecretValue... values) {
            List<Command.SecretValue> written = new ArrayList<>(values.length);
            for (Command.SecretValue v : values) if (v != null) written.add(v);
            return new Command.SecretSetting(subject, written);
        }

        List<Word> ws(List<? extends ParseTree> nodes) {
            List<Word> out = new ArrayList<>(nodes.size());
            for (ParseTree n : nodes) {
                if (n instanceof TerminalNode t) out.add(w(t));
                else if (n instanceof ParserRuleContext c) out.add(w(c));
            }
            return out;
        }

        List<Word> tokens(List<Token> ts) {
            List<Word> out = new ArrayList<>(ts.size());
            for (Token t : ts) out.add(w(t));
            return out;
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

        Command convert(CommandContext c) {
            ParseTree k = c.getChild(0);
            if (k instanceof InterfaceAddressContext x) {
                return new Command.InterfaceAddress(x.family().IPV6() != null, w(x.iface()), w(x.value),
                        x.SECONDARY() != null);
            }
            if (k instanceof SecondaryAddressContext x) {
                return new Command.InterfaceAddress(x.family().IPV6() != null, w(x.iface()), w(x.value), true);
            }
            if (k instanceof ProxyArpContext x) return new Command.ProxyArp(w(x.iface()), w(x.state));
            if (k instanceof NatTypeContext x) return new Command.NatType(w(x.id), w(x.kind));
            if (k instanceof NatAddressOuterContext x) return new Command.NatAddress(w(x.id), true, ws(x.natAddressItem()));
            if (k instanceof NatAddressInnerContext x) return new Command.NatAddress(w(x.id), false, ws(x.natAddressItem()));
            if (k instanceof NatStaticContext x) return new Command.NatStatic(w(x.id), w(x.entry), w(x.pair), w(x.count));
            if (k instanceof NatMasqueradeStaticContext x) {
                return new Command.NatMasqueradeStatic(w(x.id), w(x.entry), w(x.inner), w(x.protocol), w(x.ports));
            }
            if (k instanceof NatPortRangeContext x) return new Command.NatPortRange(w(x.id), ws(x.portRange()));
            if (k instanceof NatBackwardCompatibilityContext x) return new Command.NatBackwardCompatibility(w(x.value));
            if (k instanceof NatApplyContext x) return new Command.NatApply(w(x.iface()), tokens(x.forward), tokens(x.reverse));
            if (k instanceof PpSelectContext x) return new Command.PpSelect(w(x.target));
            if (k instanceof TunnelSelectContext x) return new Command.TunnelSelect(w(x.target));
            if (k instanceof PpBindContext x) return new Command.PpBind(ws(x.bindTarget()));
            if (k instanceof PpRemotePoolContext x) return new Command.PpRemotePool(ws(x.poolItem()));
            if (k instanceof PpAuthUsernameContext x) {
                return secrets(w(x.user), plain(SecretKind.PP_AUTH_USERNAME, x.secret),
                        plain(SecretKind.PP_AUTH_MYNAME, x.mysecret));
            }
            if (k instanceof PpAuthMynameContext x) return secrets(w(x.user), plain(SecretKind.PP_AUTH_MYNAME, x.secret));
            if (k instanceof WanAuthMynameContext x) return secrets(w(x.user), plain(SecretKind.WAN_AUTH_MYNAME, x.secret));
            if (k instanceof TunnelHb46ppAuthContext x) return secrets(w(x.user), plain(SecretKind.HB46PP_PASSWORD, x.secret));
            if (k instanceof TunnelEncapsulationContext x) return new Command.TunnelEncapsulation(w(x.kind));
            if (k instanceof TunnelEndpointContext x) return new Command.TunnelEndpoint(w(x.first), w(x.second));
            if (k instanceof TunnelTemplateContext x) return new Command.TunnelTemplate(ws(x.templateTarget()));
            if (k instanceof IpsecTunnelContext x) return new Command.IpsecTunnel(w(x.policy));
            if (k instanceof IpsecSaPolicyContext x) return new Command.IpsecSaPolicy(w(x.policy), w(x.gateway));
            // a hex key (0x…) is the key itself in another notation, not an encrypted form
            if (k instanceof IpsecPreSharedKeyContext x) return secrets(w(x.gateway), plain(SecretKind.IKE_PRE_SHARED_KEY, x.secret));
            if (k instanceof IpsecIkeMynameContext x) return secrets(w(x.gateway), plain(SecretKind.IKE_MYNAME, x.secret));
            if (k instanceof IpsecIkeContext x) return new Command.IpsecIke(w(x.gateway));
            if (k instanceof IpsecTransportTemplateContext x) {
                return new Command.IpsecTransportTemplate(w(x.source), ws(x.templateTarget()));
            }
            if (k instanceof IpsecTransportContext x) return new Command.IpsecTransport(w(x.transport), w(x.policy));
            if (k instanceof IpRouteContext x) return route(x);
            if (k instanceof DhcpScopeBindContext x) return new Command.DhcpScopeRef(w(x.id));
            if (k instanceof DhcpScopeOptionContext x) return new Command.DhcpScopeRef(w(x.id));
            if (k instanceof DhcpScopeContext x) return new Command.DhcpScope(w(x.id), w(x.range));
            if (k instanceof DhcpRelayContext x) return new Command.DhcpRelay(w(x.iface()), tokens(x.servers));
            if (k instanceof IpFilterDynamicContext x) {
                return new Command.FilterDefinition(x.family().IPV6() != null, true, w(x.id));
            }
            if (k instanceof IpFilterContext x) return new Command.FilterDefinition(x.family().IPV6() != null, false, w(x.id));
            if (k instanceof SecureFilterContext x) {
                return new Command.SecureFilter(x.family().IPV6() != null, w(x.iface()), w(x.direction),
                        tokens(x.filters), tokens(x.dynamics));
            }
            if (k instanceof LoginPasswordContext x) {
                return secrets(null, value(SecretKind.LOGIN_PASSWORD, x.secret, x.ENCRYPTED() == null));
            }
            if (k instanceof AdministratorPasswordContext x) {
                return secrets(null, value(SecretKind.ADMINISTRATOR_PASSWORD, x.secret, x.ENCRYPTED() == null));
            }
            if (k instanceof LoginUserContext x) {
                return secrets(w(x.user), value(SecretKind.LOGIN_USER_PASSWORD, x.secret, x.ENCRYPTED() == null));
            }
            if (k instanceof L2tpTunnelAuthContext x) return secrets(null, plain(SecretKind.L2TP_TUNNEL_AUTH, x.secret));
            if (k instanceof AuthUserContext x) return secrets(w(x.user), plain(SecretKind.AUTH_USER_PASSWORD, x.secret));
            if (k instanceof RadiusSecretContext x) return secrets(null, plain(SecretKind.RADIUS_SECRET, x.secret));
            if (k instanceof NgnRadiusPasswordContext x) return secrets(null, plain(SecretKind.NGN_RADIUS_PASSWORD, x.secret));
            if (k instanceof SnmpCommunityContext x) return secrets(null, plain(SecretKind.SNMP_COMMUNITY, x.secret));
            if (k instanceof SnmpTrapCommunityContext x) return secrets(null, plain(SecretKind.SNMP_COMMUNITY, x.secret));
            if (k instanceof SnmpHostContext x) {
                return secrets(w(x.host), plain(SecretKind.SNMP_COMMUNITY, x.readOnly), plain(SecretKind.SNMP_COMMUNITY, x.readWrite));
            }
            if (k instanceof SnmpTrapHostContext x) return secrets(w(x.host), plain(SecretKind.SNMP_COMMUNITY, x.secret));
            if (k instanceof Snmpv3UserContext x) {
                return secrets(w(x.user), plain(SecretKind.SNMPV3_AUTH_PASSWORD, x.authSecret),
                        plain(SecretKind.SNMPV3_PRIV_PASSWORD, x.privSecret));
            }
            if (k instanceof RipAuthKeyContext x) return secrets(w(x.iface()), plain(SecretKind.RIP_AUTH_KEY, x.secret));
            if (k instanceof BgpPreSharedKeyContext x) return secrets(w(x.id), plain(SecretKind.BGP_PRE_SHARED_KEY, x.secret));
            if (k instanceof HeartbeatPreSharedKeyContext x) return secrets(null, plain(SecretKind.HEARTBEAT_KEY, x.secret));
            if (k instanceof Heartbeat2KeysContext x) {
                return secrets(w(x.id), plain(SecretKind.HEARTBEAT2_CRYPTO_KEY, x.crypto), plain(SecretKind.HEARTBEAT2_AUTH_KEY, x.auth));
            }
            if (k instanceof HttpdApiPasswordContext x) return secrets(null, plain(SecretKind.HTTPD_API_PASSWORD, x.secret));
            if (k instanceof MailServerSmtpContext x) return secrets(w(x.user), plain(SecretKind.MAIL_SERVER_PASSWORD, x.secret));
            if (k instanceof MailServerPopContext x) {
                // PROTOCOL USER PASSWORD (after an optional port=): the password is the last of at least three
                List<WordContext> rest = x.rest;
                return rest.size() < 3 ? secrets(null) : secrets(w(rest.get(rest.size() - 2)),
                        plain(SecretKind.MAIL_SERVER_PASSWORD, rest.get(rest.size() - 1)));
            }
            if (k instanceof SipServerContext x) return secrets(w(x.user), plain(SecretKind.SIP_SERVER_PASSWORD, x.secret));
            if (k instanceof VrrpSettingContext x) return secrets(w(x.vrid), vrrpAuth(x.options));
            return new Command.Generic();
        }

        private Command route(IpRouteContext x) {
            List<Command.RouteGateway> gws = new ArrayList<>();
            for (RouteGatewayContext g : x.routeGateway()) {
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
                gws.add(new Command.RouteGateway(kind, target, filters));
            }
            return new Command.IpRoute(w(x.destination), gws);
        }
    }
}
