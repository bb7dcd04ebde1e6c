package dev.routerls.analysis;

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

    /** The router root of {@code file}, or null when the file is not inside one. */
    public static Path rootOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) return null;
        for (Path p = parent; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("etc")) return p;
        }
        if (parent.getFileName() != null && parent.getFileName().toString().equals("config")) {
            return parent.getParent();
        }
        return null;
    }

    /** Every file of the router under {@code root}: config/*, firewall.user, rc.local, openwrt_release, nftables.d/*.nft. */
    public static List<Path> routerFiles(Path root) {
        List<Path> out = new ArrayList<>();
        addChildren(root.resolve("config"), out, null);
        for (String name : new String[]{"firewall.user", "rc.local", "openwrt_release"}) {
            Path p = root.resolve(name);
            if (Files.isRegularFile(p)) out.add(p);
        }
        addChildren(root.resolve("nftables.d"), out, ".nft");
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
