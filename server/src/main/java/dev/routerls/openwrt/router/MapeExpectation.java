package dev.routerls.openwrt.router;

import dev.routerls.mape.MapRule;
import dev.routerls.mape.MapeResult;

/**
 * What a MAP-E interface should use, computed from the delegated prefix in the config: the IPv4
 * address, PSID and port set (RFC 7597). {@code rule} is the ISP's rule from the bundled table when
 * one covers the prefix ({@code ruleFromTable}), else the interface's own consistent options.
 */
public record MapeExpectation(MapInterface iface, MapRule rule, boolean ruleFromTable, DelegatedPrefix prefix,
                              MapeResult result) {
}
