package dev.routerls.services.feature;

import dev.routerls.services.types.FoldRange;
import dev.routerls.services.types.OutlineSymbol;

import java.util.List;

/** The document's structure: its outline (also the source of workspace symbols) and the ranges that fold. */
public interface OutlineParticipant {
    List<OutlineSymbol> outline(FeatureContext context);

    List<FoldRange> folding(FeatureContext context);
}
