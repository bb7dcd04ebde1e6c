package dev.routerls.services.types;

import dev.routerls.core.SourceRange;

/** A place in a document: target of go-to-definition, one hit of find-references. */
public record Location(String uri, SourceRange range) {
}
