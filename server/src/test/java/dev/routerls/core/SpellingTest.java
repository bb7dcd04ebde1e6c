package dev.routerls.core;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpellingTest {
    @Test
    void distanceCountsInsertDeleteReplaceAndTransposition() {
        assertEquals(0, Spelling.distance("lan1", "lan1"));
        assertEquals(1, Spelling.distance("adress", "address"));
        assertEquals(1, Spelling.distance("proxyarp", "proxyapr"));
        assertEquals(1, Spelling.distance("ipaddr", "ipadr"));
        assertEquals(3, Spelling.distance("", "abc"));
    }

    @Test
    void closestRespectsTheLimitAndIgnoresCase() {
        List<String> names = List.of("wan_map", "WAN6PD", "lan");
        assertEquals(Optional.of("WAN6PD"), Spelling.closest("wan6pd", names, 0));
        assertEquals(Optional.of("wan_map"), Spelling.closest("wan_mpa", names, 1));
        assertEquals(Optional.empty(), Spelling.closest("ppp0", names, 1));
    }
}
