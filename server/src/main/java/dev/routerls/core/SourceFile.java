package dev.routerls.core;

import dev.routerls.core.LanguageId;

/**
 * A document to analyse: its URI (file:… for files on disk), its text, and the language it was
 * recognised as. {@code routerRoot} is the URI of the OpenWrt {@code etc/} folder it belongs to,
 * or null when it is not part of an OpenWrt router.
 */
public record SourceFile(String uri, String text, LanguageId language, String routerRoot) {
}
