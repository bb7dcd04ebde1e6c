package dev.routerls.rules.openwrt;

import dev.routerls.core.Fix;
import dev.routerls.core.Severity;
import dev.routerls.core.TextEdit;
import dev.routerls.openwrt.schema.OptionSpec;
import dev.routerls.openwrt.schema.SectionSchema;
import dev.routerls.openwrt.schema.UciSchema;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciOption;
import dev.routerls.openwrt.uci.UciSection;
import dev.routerls.rules.Findings;
import dev.routerls.rules.BaseRule;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options that the package's consumer does not read, for section types whose options the schema
 * lists completely. Such options are silently ignored, which usually means a typo.
 */
public final class UciUnknownOptionRule extends BaseRule<UciConfigs> {
    private final UciSchema schema;

    /** {@code schema} null: the standard one. */
    public UciUnknownOptionRule(UciSchema schema) {
        super(RuleInfo.rule("openwrt/unknown-option", Severity.WARNING)
                .summary("an option that OpenWrt does not read for this section type (usually a typo), with a suggestion")
                .rationale("""
                        OpenWrt ignores an option that the program reading the section does not know, without an \
                        error or a log line. A misspelt `ipaddr`, or an option that belongs to another `proto`, \
                        therefore just has no effect. routerls knows which options netifd, the firewall and the \
                        other services read for each section type and protocol, and suggests the nearest known \
                        name.""")
                .bad(Example.openwrt("etc/config/network", """
                        config interface 'lan'
                        	option device 'br-lan'
                        	option proto 'static'
                        	option ipadr '192.168.1.1'
                        	option netmask '255.255.255.0'
                        """))
                .good(Example.openwrt("etc/config/network", """
                        config interface 'lan'
                        	option device 'br-lan'
                        	option proto 'static'
                        	option ipaddr '192.168.1.1'
                        	option netmask '255.255.255.0'
                        """))
                .fixable()
                .tags("schema")
                .build());
        this.schema = schema;
    }

    public UciUnknownOptionRule() {
        this(null);
    }



    @Override
    public void check(UciConfigs model, Findings out) {
        for (SchemaSection x : SchemaSection.all(model, UciSchema.orStandard(schema))) {
            if (!x.type().knowsAllOptionsOf(x.section())) continue;
            Map<String, ?> known = x.type().optionsFor(x.section());
            for (UciOption o : x.section().options()) {
                // names starting with '_' are private notes of LuCI and scripts, never read as settings
                if (known.containsKey(o.name()) || o.name().startsWith("_")) continue;
                // a rename must not make the value wrong: ip3addr with an IPv6 address is ip6addr, not ipaddr
                Set<String> fitting = new LinkedHashSet<>();
                for (String name : known.keySet()) if (valueFits(x, name, o)) fitting.add(name);
                report(x.file(), x.section(), x.type(), o, fitting, out);
            }
        }
    }

    /** Whether option {@code name} of the section would accept {@code o}'s value (true when the schema does not say). */
    private static boolean valueFits(SchemaSection x, String name, UciOption o) {
        Optional<OptionSpec> spec = x.type().option(x.section(), name);
        if (spec.isEmpty() || spec.get().type().isAnything() || o.value().isEmpty()) return true;
        return spec.get().elements(o.value()).stream().allMatch(v -> spec.get().type().accepts(v.text()));
    }

    private void report(UciFile f, UciSection s, SectionSchema type, UciOption o, Set<String> known,
                        Findings out) {
        String where = "config " + s.type() + " '" + s.ref() + "'";
        String variant = type.variantKey(s);
        if (variant != null && !variant.isEmpty()) where += " (" + type.selector() + " '" + variant + "')";
        StringBuilder msg = new StringBuilder("'" + o.name() + "' is not an option of " + where + ": "
                + UciNames.consumer(f.packageName()) + " ignores it, so the setting has no effect.");
        List<String> elsewhere = type.variants().entrySet().stream()
                .filter(e -> !e.getKey().isEmpty() && e.getValue().options().containsKey(o.name()))
                .map(Map.Entry::getKey).toList();
        Optional<String> suggestion = UciNames.closest(o.name(), known);
        if (suggestion.isPresent()) {
            msg.append(" Did you mean '").append(suggestion.get()).append("'?");
            out.report(f.uri(), o.nameRange(), msg.toString(), List.of(new Fix("Rename to '" + suggestion.get() + "'",
                    List.of(new TextEdit(f.uri(), o.nameRange(), suggestion.get())))));
            return;
        }
        if (!elsewhere.isEmpty()) {
            msg.append(" It belongs to ").append(type.selector()).append(" ")
                    .append(String.join(", ", elsewhere.stream().map(v -> "'" + v + "'").toList())).append('.');
        } else {
            msg.append(" Check the option name against the OpenWrt documentation or remove it.");
        }
        out.report(f.uri(), o.nameRange(), msg.toString());
    }
}
