package dev.routerls.rules;

import dev.routerls.core.Severity;

/**
 * What a rule is: its stable id (e.g. {@code yamaha/nat-outer-proxy-arp}), the severity it reports at
 * unless settings say otherwise, and one line that says what it checks (shown by {@code routerls rules}).
 */
public record RuleInfo(String id, Severity defaultSeverity, String summary) {
}
