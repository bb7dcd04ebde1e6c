package dev.routerls.core;

/** Replace {@code range} of document {@code uri} with {@code newText}. */
public record TextEdit(String uri, SourceRange range, String newText) {
}
