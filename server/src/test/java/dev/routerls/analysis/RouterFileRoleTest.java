package dev.routerls.analysis;

import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceFile;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterFileRole;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.core.AnalysisSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The router's layout is stated once ({@link RouterFileRole}); the language detector, the router reader and the
 * locator of a router's files agree with it about every file of a router laid out on disk.
 */
class RouterFileRoleTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/r/etc/config/network,             UCI",
            "/r/etc/config/firewall,            UCI",
            "/r/etc/firewall.user,              FIREWALL_USER",
            "/r/etc/firewall.user.bak,          FIREWALL_USER",
            "C:\\r\\etc\\Firewall.User,         FIREWALL_USER",
            "/r/etc/rc.local,                   RC_LOCAL",
            "/r/etc/openwrt_release,            RELEASE",
            "/r/etc/nftables.d/10-mape.nft,     NFTABLES",
            "file:///r/etc/nftables.d/x.nft,    NFTABLES",
            "/r/config/network,                 OTHER",
            "/r/etc/hosts,                      OTHER",
            "/r/rtx1210.conf,                   OTHER",
    })
    void aPathSaysItsRole(String path, RouterFileRole role) {
        assertEquals(role, RouterFileRole.ofPath(path));
    }

    @Test
    void theDetectorTheReaderAndTheLocatorAgreeOnARouterOnDisk(@TempDir Path dir) throws IOException {
        Path etc = dir.resolve("etc");
        List<Path> expected = new ArrayList<>();
        expected.add(write(etc.resolve("config/firewall"), "config zone\n\toption name 'lan'\n"));
        expected.add(write(etc.resolve("config/network"), "config interface 'lan'\n\toption proto 'static'\n"));
        expected.add(write(etc.resolve("firewall.user"), "iptables -A forwarding_rule -j ACCEPT\n"));
        expected.add(write(etc.resolve("rc.local"), "exit 0\n"));
        expected.add(write(etc.resolve("openwrt_release"), "DISTRIB_ID='OpenWrt'\nDISTRIB_RELEASE='21.02.7'\n"));
        expected.add(write(etc.resolve("nftables.d/10-ssh.nft"), "chain user_input {\n}\n"));
        write(etc.resolve("nftables.d/README"), "not a snippet\n");
        write(etc.resolve("hosts"), "127.0.0.1 localhost\n");

        assertEquals(expected, RouterLocator.routerFiles(etc));
        List<SourceFile> files = new ArrayList<>();
        for (Path p : expected) {
            assertEquals(etc.toAbsolutePath().normalize(), RouterLocator.rootOf(p), p.toString());
            String text = Files.readString(p);
            LanguageId language = LanguageDetector.detect(p.toString(), text);
            RouterFileRole role = RouterFileRole.ofPath(p.toString());
            assertEquals(role, RouterFileRole.of(p.toString(), language), p + " read as " + language);
            assertEquals(languageOf(role), language, p.toString());
            files.add(new SourceFile(p.toUri().toString(), text, language, etc.toUri().toString()));
        }
        Router router = RouterReader.read(files, AnalysisSettings.DEFAULT);
        assertEquals(2, router.uciFiles().size());
        assertEquals(true, router.firewallUser().isPresent());
        assertEquals(true, router.rcLocal().isPresent());
        assertEquals(1, router.nftables().size());
        assertEquals("21.02.7", router.release().version());
    }

    /** The language each role's files are read in (the release file is shell assignments). */
    private static LanguageId languageOf(RouterFileRole role) {
        return switch (role) {
            case UCI -> LanguageId.OPENWRT_UCI;
            case NFTABLES -> LanguageId.OPENWRT_NFTABLES;
            case FIREWALL_USER, RC_LOCAL, RELEASE -> LanguageId.OPENWRT_FIREWALL_USER;
            case OTHER -> LanguageId.UNKNOWN;
        };
    }

    private static Path write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }
}
