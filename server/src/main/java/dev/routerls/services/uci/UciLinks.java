package dev.routerls.services.uci;

import dev.routerls.openwrt.router.FirewallInclude;
import dev.routerls.openwrt.router.Router;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.LinkParticipant;
import dev.routerls.services.types.DocumentLink;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code path} of a firewall {@code config include} leads to that file of the same router (the path is
 * the router's, so it is read under the router's {@code etc/} folder's parent).
 */
final class UciLinks implements LinkParticipant {
    @Override
    public List<DocumentLink> links(FeatureContext c) {
        Router router = c.router();
        List<DocumentLink> out = new ArrayList<>();
        if (router.rootUri() == null) return out;
        String root = router.rootUri().endsWith("/") ? router.rootUri() : router.rootUri() + "/";
        for (FirewallInclude inc : router.includes()) {
            if (!inc.uri().equals(c.uri())) continue;
            inc.section().value("path").ifPresent(v -> {
                String path = v.text().trim();
                if (!path.startsWith("/etc/") || v.isMissing() || !v.hasExactColumns()) return;
                out.add(new DocumentLink(v.range(), root + path.substring("/etc/".length()), null, path + " on this router"));
            });
        }
        return out;
    }
}
