package dev.routerls.openwrt.router;

import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.shell.ShellCommand;
import dev.routerls.openwrt.shell.ShellScript;

import java.util.Optional;

/**
 * The OpenWrt release a router runs and where that was learnt: the user's setting (wins), the
 * {@code DISTRIB_RELEASE} line of {@code etc/openwrt_release}, or nothing.
 *
 * @param uri   the openwrt_release file when the version came from it, else null
 * @param range the DISTRIB_RELEASE assignment in that file, else null
 */
public record OpenWrtRelease(String version, FirewallGeneration generation, Origin origin, String uri, SourceRange range) {

    public enum Origin { SETTING, FILE, UNKNOWN }

    public static final OpenWrtRelease UNKNOWN = new OpenWrtRelease(null, FirewallGeneration.UNKNOWN, Origin.UNKNOWN, null, null);

    public static OpenWrtRelease fromSetting(String version) {
        return new OpenWrtRelease(version, FirewallGeneration.ofRelease(version), Origin.SETTING, null, null);
    }

    /** Reads DISTRIB_RELEASE from openwrt_release, which is a file of shell assignments. */
    public static Optional<OpenWrtRelease> fromFile(ShellScript file) {
        for (ShellCommand c : file.commands()) {
            if (!(c instanceof ShellCommand.Simple s)) continue;
            for (ShellCommand.Assignment a : s.assignments()) {
                if (!a.name().equals("DISTRIB_RELEASE") || a.value() == null) continue;
                String v = a.value().literalValue();
                if (v == null || v.isBlank()) continue;
                return Optional.of(new OpenWrtRelease(v.trim(), FirewallGeneration.ofRelease(v), Origin.FILE,
                        file.uri(), a.range()));
            }
        }
        return Optional.empty();
    }

    /** How the release is named in messages, e.g. "OpenWrt 23.05.0 (from etc/openwrt_release)". */
    public String describe() {
        return switch (origin) {
            case SETTING -> "OpenWrt " + version + " (from the openwrt-release setting)";
            case FILE -> "OpenWrt " + version + " (from openwrt_release)";
            case UNKNOWN -> "an unknown OpenWrt release";
        };
    }
}
