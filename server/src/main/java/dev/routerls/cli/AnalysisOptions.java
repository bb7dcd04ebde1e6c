package dev.routerls.cli;

import dev.routerls.core.AnalysisSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** What the analysing commands (lint, fix) read, and the options that override what the files say about the router. */
final class AnalysisOptions {
    @Option(names = "--model", description = "YAMAHA model, overriding the config header (e.g. RTX830, NVR510)")
    String model;

    @Option(names = "--openwrt-release", description = "OpenWrt release, overriding etc/openwrt_release (e.g. 21.02, 23.05)")
    String openwrtRelease;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "files or folders")
    List<Path> paths;

    /** The nearest .routerls.json above the first path, overridden by the flags (see {@link CliSettings}). */
    AnalysisSettings settings() throws IOException {
        return CliSettings.resolve(paths.get(0), model, openwrtRelease);
    }
}
