package dev.routerls.yamaha.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed resource is exactly what the compiler makes of the reference, and holds no vendor prose; the
 * packed form the build makes of it reads back to the same catalog.
 */
class CatalogResourceTest {
    private static final Path SHARED = Path.of(System.getProperty("routerls.sharedDir", "../shared"));
    private static final Path PROJECT = Path.of(System.getProperty("routerls.projectDir", ".."));

    @Test
    void regeneratingYieldsTheCommittedResource() throws IOException {
        Path reference = SHARED.resolve(CatalogCompiler.REFERENCE_PATH);
        Path committed = PROJECT.resolve(CatalogCompiler.RESOURCE_PATH);
        dev.routerls.testing.Shared.require(Files.isRegularFile(reference) && Files.isRegularFile(committed), "../shared/reference");
        String regenerated = CatalogCompiler.compile(Files.readString(reference, StandardCharsets.UTF_8),
                Files.readString(PROJECT.resolve(CatalogCompiler.SUPPLEMENT_PATH), StandardCharsets.UTF_8));
        String onDisk = Files.readString(committed, StandardCharsets.UTF_8);
        // assertEquals on 370 kB strings prints too much: compare, then point at the first difference
        if (!regenerated.equals(onDisk)) {
            int i = 0;
            while (i < Math.min(regenerated.length(), onDisk.length()) && regenerated.charAt(i) == onDisk.charAt(i)) i++;
            throw new AssertionError("command-catalog.json is stale (run CatalogCompiler); first difference at "
                    + i + ": " + onDisk.substring(i, Math.min(onDisk.length(), i + 120)));
        }
    }

    @Test
    void resourceHoldsNoJapaneseProse() throws IOException {
        String text;
        try (var in = CatalogResourceTest.class.getResourceAsStream(CatalogLoader.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertFalse(Pattern.compile("[\\u3040-\\u30ff\\u4e00-\\u9fff]").matcher(text).find(), "Japanese text in the resource");
        assertTrue(text.length() < 500_000, "resource size " + text.length());
    }

    @Test
    void packedResourceReadsBackAsTheJson() throws IOException {
        CatalogLoader.Loaded json = CatalogLoader.fromJsonResource();
        CommandCatalog.Source packed;
        try (var in = CatalogResourceTest.class.getResourceAsStream(CatalogPack.RESOURCE)) {
            assertTrue(in != null, "the build packs the catalog (process-classes)");
            packed = CatalogPack.unpack(in);
        }
        assertEquals(json.models(), packed.models());
        assertEquals(json.profiles(), packed.profiles());
        assertEquals(json.commands().size(), packed.commands().size());
        for (int i = 0; i < json.commands().size(); i++) {
            CommandEntry e = json.commands().get(i);
            CommandCatalog.Indexed p = packed.commands().get(i);
            // the command words stored up front are those of the command decoded later
            List<CommandCatalog.FormHead> heads = CommandCatalog.formHeads(e);
            assertEquals(heads.size(), p.forms().size(), e.id());
            for (int j = 0; j < heads.size(); j++) {
                assertEquals(heads.get(j).negated(), p.forms().get(j).negated(), e.id());
                assertEquals(heads.get(j).index(), p.forms().get(j).index(), e.id());
                assertArrayEquals(heads.get(j).headText(), p.forms().get(j).headText(), e.id());
            }
            assertEquals(e, p.command().entry());
        }
        // and the bundled catalog is built from that packed form
        assertEquals(json.commands(), new CommandCatalog(CatalogLoader.standardSource(), Map.of()).entries());
    }
}
