package dev.routerls.rules.openwrt;

import dev.routerls.core.Severity;
import dev.routerls.openwrt.schema.OptionSpec;
import dev.routerls.openwrt.schema.UciSchema;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciValue;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.Optional;

/** Option values that do not match the datatype the consumer expects (e.g. an IPv4 address with 300 in it). */
public final class UciInvalidValueRule extends BaseRule<UciConfigs> {
    private final UciSchema schema;

    /** {@code schema} null: the standard one. */
    public UciInvalidValueRule(UciSchema schema) {
        super(RuleInfo.rule("openwrt/invalid-value", Severity.ERROR)
                .summary("an option value that is not of the datatype OpenWrt expects (address, port, boolean, number, choice)")
                .rationale("""
                        Options have datatypes: an IPv4 or IPv6 address, a port, a boolean, a number, one word of a \
                        fixed list. The program that reads a value of the wrong type cannot use it; depending on \
                        the option it ignores the option or does not set the section up, leaving at most a line in \
                        the system log. An address with 300 in it, or `yes please` for a boolean, is caught here \
                        before the router runs it.""")
                .bad(Example.openwrt("etc/config/network", """
                        config interface 'lan'
                        	option device 'br-lan'
                        	option proto 'static'
                        	option ipaddr '192.168.1.300'
                        	option netmask '255.255.255.0'
                        """))
                .good(Example.openwrt("etc/config/network", """
                        config interface 'lan'
                        	option device 'br-lan'
                        	option proto 'static'
                        	option ipaddr '192.168.1.1'
                        	option netmask '255.255.255.0'
                        """))
                .tags("schema")
                .build());
        this.schema = schema;
    }

    public UciInvalidValueRule() {
        this(null);
    }


    @Override
    public void check(UciConfigs model, Findings out) {
        for (SchemaSection x : SchemaSection.all(model, UciSchema.orStandard(schema))) {
            for (UciOption o : x.section().options()) {
                Optional<OptionSpec> spec = x.type().option(x.section(), o.name());
                if (spec.isEmpty() || spec.get().type().isAnything() || o.value().isEmpty()) continue;
                for (UciValue v : spec.get().elements(o.value())) {
                    if (spec.get().type().accepts(v.text())) continue;
                    out.report(x.file().uri(), v.contentRange(), message(x.file(), o, v, spec.get()));
                }
            }
        }
    }

    private static String message(UciFile f, UciOption o, UciValue v, OptionSpec spec) {
        String shown = o.isSecret() ? "this value" : "'" + v.text() + "'";
        return shown + " is not a valid " + o.name() + ": " + UciNames.consumer(f.packageName())
                + " expects " + spec.type().describe() + ", and rejects or misreads anything else. Correct the value.";
    }
}
