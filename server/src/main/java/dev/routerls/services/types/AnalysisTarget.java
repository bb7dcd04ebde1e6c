package dev.routerls.services.types;

import dev.routerls.core.AnalysisSettings;
import dev.routerls.openwrt.router.OpenWrtRelease;
import dev.routerls.yamaha.model.YamahaConfig;

import java.util.List;

/**
 * What a document is analysed as, for an editor's status line: the YAMAHA model and firmware revision,
 * or the OpenWrt release and its firewall, where that came from, and the values the user may choose
 * instead. Null fields are unknown.
 *
 * @param origin  {@link Origin#SETTING} when the user's setting chose it, {@link Origin#FILE} when the
 *                config's own header or the router's openwrt_release said it, else {@link Origin#NONE}
 * @param firewall "fw3" or "fw4" for OpenWrt when the release decides it, else null
 */
public record AnalysisTarget(String language, Platform platform, String model, String revision, String release,
                             String firewall, Origin origin, List<String> choices) {

    public enum Platform { YAMAHA, OPENWRT }

    public enum Origin { SETTING, FILE, NONE }

    /** Releases offered when choosing one: the fw3 and fw4 lines still met in the field. */
    public static final List<String> OPENWRT_RELEASES = List.of("19.07", "21.02", "22.03", "23.05", "24.10");

    public AnalysisTarget {
        choices = List.copyOf(choices);
    }

    /** A YAMAHA config: the model the analysis used; the revision only when it belongs to that model. */
    public static AnalysisTarget yamaha(String language, YamahaConfig config, AnalysisSettings settings, List<String> models) {
        Origin origin = settings.model().isPresent() ? Origin.SETTING : config.headerRange() != null ? Origin.FILE : Origin.NONE;
        return new AnalysisTarget(language, Platform.YAMAHA, config.model().orElse(null), config.revision().orElse(null),
                null, null, origin, models);
    }

    /** A file of an OpenWrt router: the release the router's analysis used. */
    public static AnalysisTarget openWrt(String language, OpenWrtRelease release) {
        Origin origin = switch (release.origin()) {
            case SETTING -> Origin.SETTING;
            case FILE -> Origin.FILE;
            case UNKNOWN -> Origin.NONE;
        };
        String firewall = switch (release.generation()) {
            case FW3 -> "fw3";
            case FW4 -> "fw4";
            case UNKNOWN -> null;
        };
        return new AnalysisTarget(language, Platform.OPENWRT, null, null, release.version(), firewall, origin, OPENWRT_RELEASES);
    }
}
