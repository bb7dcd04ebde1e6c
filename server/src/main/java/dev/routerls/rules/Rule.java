package dev.routerls.rules;

/**
 * One check over a semantic model {@code M}. Rules read the model only (never the raw text) and report
 * through {@link Findings}; they hold no state between runs.
 */
public interface Rule<M> {
    RuleInfo info();

    void check(M model, Findings out);
}
