package dev.routerls.openwrt.router;

import dev.routerls.core.SourceRange;
import dev.routerls.mape.Ipv6Prefix;

/**
 * The IPv6 prefix the ISP delegated, as the config records it (seed 000 step 5: the WAN6PD
 * interface's {@code ip6prefix}), or failing that the /64 of an address the config gives.
 *
 * @param interfaceName the interface whose option holds it
 * @param option        the option it was read from ({@code ip6prefix} or {@code ip6addr})
 * @param explicitLength true when the config wrote the prefix length (an address only tells its /64)
 */
public record DelegatedPrefix(Ipv6Prefix prefix, String interfaceName, String option, String uri, SourceRange range,
                              boolean explicitLength) {
}
