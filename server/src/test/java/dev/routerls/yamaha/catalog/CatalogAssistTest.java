package dev.routerls.yamaha.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Completion, hover and model facts as the language server will use them. */
class CatalogAssistTest {
    private final CommandCatalog catalog = CommandCatalog.standard();

    private List<String> texts(List<String> before) {
        return catalog.completions(before, null).stream().map(CommandCatalog.Completion::text).toList();
    }

    @Test
    void completesCommandWordsKeywordsAndSlots() {
        assertTrue(texts(List.of()).containsAll(List.of("ip", "nat", "pp", "tunnel", "ipsec")));
        assertTrue(texts(List.of("nat", "descriptor")).containsAll(List.of("type", "address", "static", "masquerade", "backward-compatibility")));
        List<CommandCatalog.Completion> types = catalog.completions(List.of("nat", "descriptor", "type", "1"), null);
        assertEquals(List.of("none", "nat", "masquerade", "nat-masquerade"), types.stream().map(CommandCatalog.Completion::text).toList());
        assertEquals(CommandCatalog.Completion.Type.KEYWORD, types.get(0).type());
        assertTrue(texts(List.of("nat", "descriptor", "type", "1", "masquerade")).contains("hairpin="));
        CommandCatalog.Completion slot = catalog.completions(List.of("nat", "descriptor", "type"), null).get(0);
        assertEquals("<nat_descriptor>", slot.text());
        assertTrue(slot.label().contains("integer 1..2147483647"), slot.label());
        assertTrue(texts(List.of("ip", "lan1")).containsAll(List.of("address", "nat", "proxyarp", "secure")));
        assertTrue(texts(List.of("no", "tunnel")).contains("select"));
    }

    @Test
    void describesMatchedCommandWithoutLineValues() {
        CommandDescription d = catalog.describe(LineWords.split("nat descriptor type 1 masquerade", 0)).orElseThrow();
        assertEquals("nat descriptor type", d.command());
        assertTrue(d.meaning().startsWith("Sets how a NAT descriptor translates"));
        assertTrue(d.syntax().contains("nat descriptor type <nat_descriptor> <type> [hairpin=<sw>]"), d.syntax().toString());
        assertEquals("one of: none, nat, masquerade, nat-masquerade; default none", d.parameters().get("type"));
        assertTrue(d.toText().contains("\"hairpin\": RTX1210 needs a revision later than Rev.15.02.23"), d.toText());

        CommandDescription mapE = catalog.describe(LineWords.split("tunnel map-e type v6plus", 0)).orElseThrow();
        assertTrue(mapE.limits().contains("RTX1210 needs Rev.14.01.34 or later"), mapE.limits().toString());
        assertEquals(List.of("RTX1300", "RTX1220", "RTX1210", "RTX840", "RTX830"), mapE.models());

        CommandDescription psk = catalog.describe(LineWords.split("ipsec ike pre-shared-key 1 text S3cretKey", 0)).orElseThrow();
        assertFalse(psk.toText().contains("S3cretKey"));
        assertTrue(psk.meaning() != null);

        assertTrue(catalog.describe(LineWords.split("frobnicate now", 0)).isEmpty());
    }

    @Test
    void everyWrittenMeaningNamesACatalogCommand() {
        for (String name : CommandMeanings.load().keySet()) {
            assertTrue(catalog.entry(name).isPresent(), "meaning for unknown command: " + name);
        }
        assertTrue(CommandMeanings.load().size() >= 40);
    }

    @Test
    void modelProfilesComeFromTheReferenceAndTheFieldReport() {
        ModelProfile rtx1210 = catalog.profile("RTX1210").orElseThrow();
        assertEquals("14.01", rtx1210.revisionLine());
        assertEquals(Boolean.TRUE, rtx1210.portSavingByDefault());
        assertEquals("14.01.34", rtx1210.nativeMapESince());
        assertEquals(Boolean.FALSE, catalog.profile("RTX5000").orElseThrow().portSavingByDefault());
        ModelProfile nvr500 = catalog.profile("nvr500").orElseThrow();
        assertEquals(Boolean.FALSE, nvr500.portSavingByDefault());
        assertEquals(Boolean.FALSE, nvr500.nativeMapE());
        assertFalse(nvr500.inReference());
        ModelProfile nvr510 = catalog.profile("NVR510").orElseThrow();
        assertEquals(Boolean.TRUE, nvr510.portSavingByDefault());
        assertEquals(null, nvr510.nativeMapE()); // not known: rules must not guess
        assertFalse(catalog.coversModel("NVR510"));
        assertTrue(catalog.coversModel("rtx830"));
        assertTrue(catalog.profile("RT57i").isEmpty());
    }

    @Test
    void revisionsCompareAcrossLines() {
        assertTrue(Revision.parse("14.01.34").atOrBefore(Revision.parse("Rev.14.01.34")));
        assertFalse(Revision.parse("14.01.34").atOrBefore(Revision.parse("14.01.20")));
        assertTrue(Revision.parse("15.04").atOrAfter(Revision.parse("15.04.99")));
        assertTrue(Revision.parse("15.04").atOrAfter(Revision.parse("14.01.42")));
        assertFalse(Revision.parse("15.04").atOrAfter(Revision.parse("23.00.01")));
    }
}
