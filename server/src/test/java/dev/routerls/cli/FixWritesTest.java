package dev.routerls.cli;

import dev.routerls.robustness.LintRun;
import dev.routerls.testing.SampleRouters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code routerls fix} never loses a byte: a file that changed since it was read is left alone, a read-only
 * file is refused, a symbolic link stays a link (its target is fixed), permissions survive, and no temporary
 * file is left behind.
 */
class FixWritesTest {
    private static final String NETWORK = "etc/config/network";

    @Test
    void aFileChangedSinceItWasReadIsNotWritten(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("router.conf"), "login password x\n");
        byte[] read = Files.readAllBytes(file);
        // someone saves the file while the fix is being computed
        Files.writeString(file, "login password y\nip lan1 address 192.0.2.1/24\n");
        byte[] theirs = Files.readAllBytes(file);
        FileUpdates.Refused refused = assertThrows(FileUpdates.Refused.class, () -> FileUpdates.apply(List.of(
                new FileUpdates.Change(file, "router.conf", read, "fixed\n".getBytes(StandardCharsets.UTF_8)))));
        assertTrue(refused.getMessage().contains("changed while routerls was fixing it"), refused.getMessage());
        assertArrayEquals(theirs, Files.readAllBytes(file));
        assertEquals(List.of(file), listing(tmp));
    }

    @Test
    void whenOneFileIsRefusedNoFileIsWritten(@TempDir Path tmp) throws IOException {
        Path a = Files.writeString(tmp.resolve("a.conf"), "a\n");
        Path b = Files.writeString(tmp.resolve("b.conf"), "b\n");
        assertThrows(FileUpdates.Refused.class, () -> FileUpdates.apply(List.of(
                new FileUpdates.Change(a, "a.conf", "a\n".getBytes(StandardCharsets.UTF_8), "A\n".getBytes(StandardCharsets.UTF_8)),
                new FileUpdates.Change(b, "b.conf", "not what it was\n".getBytes(StandardCharsets.UTF_8), "B\n".getBytes(StandardCharsets.UTF_8)))));
        assertEquals("a\n", Files.readString(a));
        assertEquals("b\n", Files.readString(b));
        assertEquals(List.of(a, b), listing(tmp));
    }

    @Test
    void aReadOnlyFileIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws IOException {
        Path router = SampleRouters.copy("wrong-psid", tmp.resolve("r"));
        Path script = router.resolve("etc/firewall.user");
        byte[] before = Files.readAllBytes(script);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("r--r--r--"));
        LintRun r = LintRun.of("fix", router.toString());
        assertEquals(2, r.exit(), r.describe());
        assertTrue(r.err().contains("firewall.user is read-only"), r.describe());
        assertArrayEquals(before, Files.readAllBytes(script));
        assertEquals(PosixFilePermissions.fromString("r--r--r--"), Files.getPosixFilePermissions(script));
        assertTrue(listing(router.resolve("etc")).stream().noneMatch(p -> p.toString().endsWith(".routerls-fix")));
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsFixed(@TempDir Path tmp) throws IOException {
        Path router = SampleRouters.copy("missing-zone", tmp.resolve("r"));
        Path real = router.resolve("etc/config/firewall");
        Path kept = Files.move(real, tmp.resolve("firewall.real"));
        Files.createSymbolicLink(real, kept);
        String before = Files.readString(kept);
        LintRun r = LintRun.of("fix", router.toString());
        assertEquals(0, r.exit(), r.describe());
        assertTrue(Files.isSymbolicLink(real), "the link was replaced by a regular file");
        assertEquals(kept, Files.readSymbolicLink(real));
        assertTrue(!Files.readString(kept).equals(before), "the link's target got the fix:\n" + r.describe());
    }

    @Test
    void permissionsAreKept(@TempDir Path tmp) throws IOException {
        Path router = SampleRouters.copy("missing-zone", tmp.resolve("r"));
        Path firewall = router.resolve("etc/config/firewall");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(firewall, mode);
        String before = Files.readString(firewall);
        LintRun r = LintRun.of("fix", router.toString());
        assertEquals(0, r.exit(), r.describe());
        assertTrue(!Files.readString(firewall).equals(before), r.describe());
        assertEquals(mode, Files.getPosixFilePermissions(firewall));
        assertTrue(listing(router.resolve("etc/config")).stream().noneMatch(p -> p.toString().endsWith(".routerls-fix")));
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
