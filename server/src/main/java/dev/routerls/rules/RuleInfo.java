package dev.routerls.rules;

import dev.routerls.core.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything said about a rule, in the one place it is said: its stable id (e.g.
 * {@code yamaha/nat-outer-proxy-arp}), the severity it reports at unless settings say otherwise, a
 * one-line summary, why the problem matters, a config that triggers it and one that does not, whether it
 * offers fixes, and tags. The registry, {@code routerls rules}, {@code routerls explain}, the README table,
 * the rule doc pages and SARIF rule metadata are all generated from it. Each rule builds its own with
 * {@link #rule(String, Severity)}.
 */
public record RuleInfo(String id, Severity defaultSeverity, String summary, String rationale,
                       Optional<Example> bad, Optional<Example> good, boolean fixable, List<String> tags) {

    public RuleInfo {
        Objects.requireNonNull(id);
        Objects.requireNonNull(defaultSeverity);
        Objects.requireNonNull(summary);
        rationale = rationale == null ? "" : rationale.strip();
        bad = bad == null ? Optional.empty() : bad;
        good = good == null ? Optional.empty() : good;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The language part of the id: {@code yamaha}, {@code openwrt} or {@code routerls}. */
    public String language() {
        int slash = id.indexOf('/');
        return slash < 0 ? id : id.substring(0, slash);
    }

    /** The part after the language: {@code nat-outer-proxy-arp}. */
    public String shortName() {
        return id.substring(id.indexOf('/') + 1);
    }

    public static Builder rule(String id, Severity severity) {
        return new Builder(id, severity);
    }

    /** Spells the metadata out field by field, so a rule's definition reads top to bottom. */
    public static final class Builder {
        private final String id;
        private final Severity severity;
        private String summary;
        private String rationale;
        private Example bad;
        private Example good;
        private boolean fixable;
        private List<String> tags = List.of();

        private Builder(String id, Severity severity) {
            this.id = id;
            this.severity = severity;
        }

        /** One line: what the rule finds (the README table and {@code routerls rules} show it). */
        public Builder summary(String s) {
            summary = s;
            return this;
        }

        /** A few sentences: why it matters, what goes wrong on the router. */
        public Builder rationale(String s) {
            rationale = s;
            return this;
        }

        /** A config the rule reports (a test runs the analyzer on it). */
        public Builder bad(Example e) {
            bad = e;
            return this;
        }

        /** The same config written correctly: the rule stays quiet on it (tested too). */
        public Builder good(Example e) {
            good = e;
            return this;
        }

        /** The rule offers a quick fix (for {@code routerls fix} and editors) on its bad example. */
        public Builder fixable() {
            fixable = true;
            return this;
        }

        public Builder tags(String... t) {
            tags = List.of(t);
            return this;
        }

        public RuleInfo build() {
            return new RuleInfo(id, severity, summary, rationale, Optional.ofNullable(bad), Optional.ofNullable(good),
                    fixable, tags);
        }
    }
}
