package dev.routerls.services.feature;

import dev.routerls.core.TextEdit;

import java.util.List;
import java.util.Optional;

/** Renames the name at a position everywhere; empty when nothing renameable is there or the new name is invalid. */
public interface RenameParticipant {
    /** @throws dev.routerls.services.types.RenameRefusedException when the rename would leave the config broken */
    Optional<List<TextEdit>> rename(FeatureContext context, int line, int column, String newName);
}
