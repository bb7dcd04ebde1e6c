package dev.routerls.services;

import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.LinkParticipant;
import dev.routerls.services.types.DocumentLink;

import java.util.List;

/** Document links: every participant's links. */
final class DocumentLinks {
    private final Languages languages;

    DocumentLinks(Languages languages) {
        this.languages = languages;
    }

    List<DocumentLink> links(FeatureContext c) {
        return languages.collect(c, LinkParticipant.class, p -> p.links(c));
    }
}
