package dev.routerls.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A small configuration shown in a rule's documentation: one YAMAHA file, the files of an OpenWrt
 * router by their path under {@code /etc} (e.g. {@code etc/config/network}, {@code etc/firewall.user}),
 * or a {@code .routerls.json}.
 */
public record Example(List<File> files) {
    /** One file of an example; {@code path} also decides how it is read (as the CLI decides by path). */
    public record File(String path, String text) {
    }

    public Example {
        files = List.copyOf(files);
    }

    /** A YAMAHA {@code show config} text. */
    public static Example yamaha(String text) {
        return new Example(List.of(new File("router.conf", text)));
    }

    /** A {@code .routerls.json} settings file. */
    public static Example settings(String text) {
        return new Example(List.of(new File(SETTINGS_FILE, text)));
    }

    /** The name of the settings file routerls reads in each folder. */
    public static final String SETTINGS_FILE = ".routerls.json";

    /** Whether the example is a settings file (not a router config). */
    public boolean isSettings() {
        return files.stream().allMatch(f -> f.path().endsWith(SETTINGS_FILE));
    }

    /** OpenWrt files given as path, text, path, text… */
    public static Example openwrt(String... pathsAndTexts) {
        if (pathsAndTexts.length % 2 != 0) throw new IllegalArgumentException("paths and texts come in pairs");
        List<File> out = new ArrayList<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) out.add(new File(pathsAndTexts[i], pathsAndTexts[i + 1]));
        return new Example(out);
    }
}
