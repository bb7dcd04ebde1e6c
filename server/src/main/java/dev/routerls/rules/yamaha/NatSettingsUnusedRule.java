package dev.routerls.rules.yamaha;

import dev.routerls.core.Severity;
import dev.routerls.core.SourceRange;
import dev.routerls.core.Spelling;
import dev.routerls.rules.Example;
import dev.routerls.rules.RuleInfo;
import dev.routerls.rules.Findings;
import dev.routerls.yamaha.model.YamahaConfig;
import dev.routerls.yamaha.model.YamahaConfig.NatDescriptor;
import dev.routerls.yamaha.model.YamahaConfig.NatUse;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code yamaha/nat-settings-unused} (warning): settings (timer, masquerade incoming/static, address
 * outer/inner, static) of a NAT descriptor that is never given a type and that no interface applies. They
 * do nothing; usually the number is a typo for a descriptor that is in use ({@code nat descriptor timer
 * 1000 600} beside {@code ip lan2 nat descriptor 1}). A descriptor with a type that is merely not applied
 * is {@code yamaha/unused-definition}'s hint instead: one finding per root cause.
 */
public final class NatSettingsUnusedRule extends YamahaRule {
    public static final String ID = "yamaha/nat-settings-unused";

    public NatSettingsUnusedRule() {
        super(RuleInfo.rule(ID, Severity.WARNING)
                .summary("settings of a NAT descriptor that has no type and that no interface applies")
                .rationale("""
                        A NAT descriptor only acts once it has a type (`nat descriptor type N masquerade`) and an \
                        interface applies it (`ip lan2 nat descriptor N`). Timers, `masquerade incoming`, \
                        `masquerade static`, outer and inner addresses and static entries set for a number that has \
                        neither do nothing at all; most often the number is a typo for the descriptor that is in use, \
                        so the intended timer or port forwarding is silently missing.""")
                .bad(Example.yamaha("""
                        ip lan2 address 192.0.2.2/24
                        ip lan2 nat descriptor 1
                        nat descriptor type 1 masquerade
                        nat descriptor timer 1000 600
                        """))
                .good(Example.yamaha("""
                        ip lan2 address 192.0.2.2/24
                        ip lan2 nat descriptor 1
                        nat descriptor type 1 masquerade
                        nat descriptor timer 1 600
                        """))
                .tags("nat")
                .build());
    }

    @Override
    public void check(YamahaConfig m, Findings out) {
        Set<Integer> applied = m.natUses().stream().map(NatUse::descriptor).collect(Collectors.toCollection(TreeSet::new));
        for (NatDescriptor d : m.natDescriptors().values()) {
            if (d.typeRange() != null || applied.contains(d.id())) continue;
            List<SourceRange> lines = d.settingLines();
            if (lines.isEmpty()) continue;
            String where = lines.size() == 1 ? "line " + (lines.get(0).startLine() + 1)
                    : lines.size() + " lines (" + lines.stream().map(r -> Integer.toString(r.startLine() + 1))
                    .collect(Collectors.joining(", ")) + ")";
            String meant = meant(d.id(), applied);
            out.report(d.firstRange(), "NAT descriptor " + d.id() + " is never given a type (`nat descriptor type "
                    + d.id() + " …`) and no interface applies it, so its settings on " + where + " do nothing."
                    + (meant == null ? " Correct the number, or type the descriptor and apply it to an interface."
                    : " Did you mean " + meant + "? It is the descriptor in use."));
        }
    }

    /** The descriptor in use the number was probably meant to be: the only one, or the one a digit away. */
    private static String meant(int id, Set<Integer> applied) {
        if (applied.size() == 1) return applied.iterator().next().toString();
        Set<String> ids = applied.stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
        return Spelling.closest(Integer.toString(id), ids, 1).orElse(null);
    }
}
