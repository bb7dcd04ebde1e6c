package dev.routerls.yamaha.catalog;

/**
 * What is known of one router model: its firmware line, whether port-saving masquerade is on by default,
 * whether it has native MAP-E ({@code tunnel encapsulation map-e}). {@code null} means unknown — rules
 * must not report from an unknown. {@code inReference} says whether the command reference covers the
 * model (only then are its commands and keywords checked).
 */
public record ModelProfile(String model, String revisionLine, Boolean portSavingByDefault, Boolean nativeMapE,
                           String nativeMapESince, boolean inReference, String source) {
}
