package dev.routerls.openwrt.router;

import dev.routerls.core.LanguageId;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a file is to an OpenWrt router, from its place under {@code etc/}: the one statement of the layout, which
 * the language detector, the router reader and the locator of a router's files all read. Each role but
 * {@link #OTHER} names where the router keeps its files of that role (in that order a router's files are listed).
 */
public enum RouterFileRole {
    /** {@code etc/config/<package>}: a UCI package. */
    UCI("config", null),
    /** {@code etc/firewall.user}: the shell script fw3 runs after building the firewall. */
    FIREWALL_USER(null, "firewall.user"),
    /** {@code etc/rc.local}: the shell script run at the end of boot. */
    RC_LOCAL(null, "rc.local"),
    /** {@code etc/openwrt_release}: the release, as shell assignments. */
    RELEASE(null, "openwrt_release"),
    /** {@code etc/nftables.d/*.nft}: snippets fw4 includes in its table. */
    NFTABLES("nftables.d", ".nft"),
    OTHER(null, null);

    /**
     * Where under {@code etc/} a router keeps the files of a role: in {@code folder}, their names ending in
     * {@code fileName} (null: any name), or when the folder is null, the one file {@code fileName}.
     */
    public record Place(String folder, String fileName) {
    }

    private final Place place;

    RouterFileRole(String folder, String fileName) {
        place = new Place(folder, fileName);
    }

    /** Where the router keeps the files of this role ({@link #OTHER}: no folder and no name). */
    public Place place() {
        return place;
    }

    /**
     * The role a path says before the file's content is read: the script and release files by their names (copies
     * such as {@code firewall.user.bak} count as the script), snippets by their ending, and the files of an
     * {@code etc/config/} folder. Anything else is {@link #OTHER}; a file in a {@code config/} folder that is not
     * under {@code etc/} may still be UCI ({@link #inConfigFolder}), which only its content can tell.
     */
    public static RouterFileRole ofPath(String pathOrUri) {
        String p = pathOrUri == null ? "" : pathOrUri.replace('\\', '/');
        String fileName = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (fileName.equals(RELEASE.place.fileName())) return RELEASE;
        if (fileName.equals(RC_LOCAL.place.fileName())) return RC_LOCAL;
        if (fileName.equals(FIREWALL_USER.place.fileName()) || fileName.startsWith(FIREWALL_USER.place.fileName() + ".")) return FIREWALL_USER;
        if (fileName.endsWith(NFTABLES.place.fileName())) return NFTABLES;
        if (p.contains("/etc/" + UCI.place.folder() + "/")) return UCI;
        return OTHER;
    }

    /** True when the path lies in a folder named {@code config} (a router's UCI folder, even when not under {@code etc/}). */
    public static boolean inConfigFolder(String pathOrUri) {
        return pathOrUri != null && pathOrUri.replace('\\', '/').contains("/" + UCI.place.folder() + "/");
    }

    /**
     * The role of a document whose language is known (detected from its path and content, or chosen in the
     * editor): the scripts and the release file by their names, snippets and UCI files by their language.
     */
    public static RouterFileRole of(String pathOrUri, LanguageId language) {
        RouterFileRole byPath = ofPath(pathOrUri);
        if (byPath == RELEASE || byPath == RC_LOCAL || byPath == FIREWALL_USER) return byPath;
        return switch (language) {
            case OPENWRT_NFTABLES -> NFTABLES;
            case OPENWRT_UCI -> UCI;
            case OPENWRT_FIREWALL_USER -> FIREWALL_USER;
            default -> OTHER;
        };
    }

    /**
     * The router root ({@code etc/} folder) a file belongs to: the nearest folder named {@code etc} above it, or
     * the folder holding its {@code config/} folder; null when it is in neither.
     */
    public static Path rootOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) return null;
        for (Path p = parent; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals("etc")) return p;
        }
        if (parent.getFileName() != null && parent.getFileName().toString().equals(UCI.place.folder())) {
            return parent.getParent();
        }
        return null;
    }
}
