package dev.routerls.openwrt.uci;

import java.util.List;
import java.util.Optional;

/**
 * The UCI files of one router, as the UCI rules see it. The router model implements this; tests and
 * the analyzer can wrap a plain list with {@link #of(List)}.
 */
public interface UciConfigs {
    List<UciFile> uciFiles();

    /** The file holding package {@code name} (e.g. "network"), if the router has one. */
    default Optional<UciFile> uciPackage(String name) {
        return uciFiles().stream().filter(f -> name.equals(f.packageName())).findFirst();
    }

    static UciConfigs of(List<UciFile> files) {
        List<UciFile> copy = List.copyOf(files);
        return () -> copy;
    }
}
