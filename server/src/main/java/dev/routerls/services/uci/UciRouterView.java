package dev.routerls.services.uci;

import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.services.feature.FeatureContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The UCI files of one router by URI, as the router model read them (open documents at their current
 * text, the other files from disk), together with that model for MAP-E facts.
 */
public final class UciRouterView {
    private final Router router;
    private final Map<String, UciFile> files = new LinkedHashMap<>();

    /** The view of the router a feature's document belongs to. */
    public static UciRouterView of(FeatureContext c) {
        return new UciRouterView(c.router());
    }

    public UciRouterView(Router router) {
        this.router = router;
        for (UciFile f : router.uciFiles()) files.put(f.uri(), f);
    }

    public Router router() {
        return router;
    }

    public Map<String, UciFile> files() {
        return files;
    }

    public Optional<UciFile> file(String uri) {
        return Optional.ofNullable(files.get(uri));
    }

    /** The file of package {@code pkg} (network, firewall, dhcp …) in this router. */
    public Optional<UciFile> pkg(String pkg) {
        return files.values().stream().filter(f -> pkg.equals(f.packageName())).findFirst();
    }
}
