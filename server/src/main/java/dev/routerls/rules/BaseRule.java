package dev.routerls.rules;

/**
 * The base of every rule, YAMAHA and OpenWrt alike: holds the rule's {@link RuleInfo}, which the
 * subclass builds in its constructor, so a rule's metadata is written once, beside its check.
 */
public abstract class BaseRule<M> implements Rule<M> {
    private final RuleInfo info;

    protected BaseRule(RuleInfo info) {
        this.info = info;
    }

    @Override
    public final RuleInfo info() {
        return info;
    }
}
