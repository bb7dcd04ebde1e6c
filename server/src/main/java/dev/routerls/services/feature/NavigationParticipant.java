package dev.routerls.services.feature;

import dev.routerls.services.types.Highlight;
import dev.routerls.services.types.Location;

import java.util.List;

/**
 * Where the name at a position is defined and used: go to definition, find references and the highlights
 * of the same name in the document, all from one table of the language's names.
 */
public interface NavigationParticipant {
    List<Location> definition(FeatureContext context, int line, int column);

    List<Location> references(FeatureContext context, int line, int column, boolean includeDeclaration);

    /** Uses of the name at the position in this document; {@code write} marks where it is defined or set. */
    List<Highlight> highlights(FeatureContext context, int line, int column);
}
