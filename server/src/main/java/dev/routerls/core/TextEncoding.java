package dev.routerls.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a document's text was stored on disk: the charset its bytes were decoded with and whether a UTF-8
 * byte-order mark preceded them. Readers that must see the file as bytes (libuci reads UCI files byte by
 * byte) encode the text back with it; editors hand over text only, which is taken as UTF-8.
 */
public record TextEncoding(Charset charset, boolean byteOrderMark) {
    public static final TextEncoding UTF_8 = new TextEncoding(StandardCharsets.UTF_8, false);
}
