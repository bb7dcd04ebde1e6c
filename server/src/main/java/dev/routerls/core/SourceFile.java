package dev.routerls.core;

/**
 * A document to analyse: its URI (file:… for files on disk), its text, and the language it was
 * recognised as. {@code routerRoot} is the URI of the OpenWrt {@code etc/} folder it belongs to,
 * or null when it is not part of an OpenWrt router. {@code encoding} says how the text was stored (UCI
 * files are read byte by byte, as libuci reads them); text from an editor is taken as UTF-8.
 */
public record SourceFile(String uri, String text, LanguageId language, String routerRoot, TextEncoding encoding) {

    public SourceFile {
        if (encoding == null) encoding = TextEncoding.UTF_8;
    }

    public SourceFile(String uri, String text, LanguageId language, String routerRoot) {
        this(uri, text, language, routerRoot, TextEncoding.UTF_8);
    }

    /** The same file with other text, still stored the same way. */
    public SourceFile withText(String newText) {
        return new SourceFile(uri, newText, language, routerRoot, encoding);
    }
}
