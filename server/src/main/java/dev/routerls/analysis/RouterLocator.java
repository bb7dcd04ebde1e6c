package dev.routerls.analysis;

import dev.routerls.openwrt.router.RouterFileRole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the OpenWrt router a file belongs to: the {@code etc/} folder above it (or the folder holding
 * its {@code config/} folder), and the files that make up that router.
 */
public final class RouterLocator {
    private RouterLocator() {
    }

    /** The router root of {@code file}, or null when the file is not inside one ({@link RouterFileRole#rootOf}). */
    public static Path rootOf(Path file) {
        return RouterFileRole.rootOf(file);
    }

    /**
     * Every file of the router under {@code root}, role by role where {@link RouterFileRole} says the router keeps
     * them: config/*, firewall.user, rc.local, openwrt_release, nftables.d/*.nft.
     */
    public static List<Path> routerFiles(Path root) {
        List<Path> out = new ArrayList<>();
        for (RouterFileRole role : RouterFileRole.values()) {
            RouterFileRole.Place place = role.place();
            if (place.folder() != null) {
                addChildren(root.resolve(place.folder()), out, place.fileName());
            } else if (place.fileName() != null && Files.isRegularFile(root.resolve(place.fileName()))) {
                out.add(root.resolve(place.fileName()));
            }
        }
        return out;
    }

    private static void addChildren(Path dir, List<Path> out, String suffix) {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> suffix == null || p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            // an unreadable folder contributes no files; the files the user named still get analysed
        }
    }
}
