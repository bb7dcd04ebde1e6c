package dev.routerls.services.feature;

import dev.routerls.services.types.DocumentLink;

import java.util.List;

/** Words that name another file or a block of this one ({@code include} paths, {@code emfs:} files). */
public interface LinkParticipant {
    List<DocumentLink> links(FeatureContext context);
}
