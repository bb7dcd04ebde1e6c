package dev.routerls.cli;

import dev.routerls.analysis.AnalysisSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What the analysing commands (lint, fix) read, and the options that override what the files say about the router. */
final class AnalysisOptions {
    @Option(names = "--model", description = "YAMAHA model, overriding the config header (e.g. RTX830, NVR510)")
    String model;

    @Option(names = "--openwrt-release", description = "OpenWrt release, overriding etc/openwrt_release (e.g. 21.02, 23.05)")
    String openwrtRelease;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    AnalysisSettings settings() {
        return new AnalysisSettings(model, openwrtRelease, Map.of());
    }
}
