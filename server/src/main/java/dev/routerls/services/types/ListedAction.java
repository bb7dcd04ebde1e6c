package dev.routerls.services.types;

/** An action as listed for a document version: its number in the list (to resolve it later) and the offer. */
public record ListedAction(int index, ActionOffer offer) {
}
