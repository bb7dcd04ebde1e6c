package dev.routerls.cli;

import dev.routerls.analysis.AnalysisSettings;
import picocli.CommandLine.Option;

import java.util.Map;

/** The options that override what the files say about the router, shared by the commands that analyse. */
final class AnalysisOptions {
    @Option(names = "--model", description = "YAMAHA model, overriding the config header (e.g. RTX830, NVR510)")
    String model;

    @Option(names = "--openwrt-release", description = "OpenWrt release, overriding etc/openwrt_release (e.g. 21.02, 23.05)")
    String openwrtRelease;

    AnalysisSettings settings() {
        return new AnalysisSettings(model, openwrtRelease, Map.of());
    }
}
