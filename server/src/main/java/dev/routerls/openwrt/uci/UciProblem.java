package dev.routerls.openwrt.uci;

import dev.routerls.core.SourceRange;

/**
 * A syntax problem found while reading a UCI file. {@code message} starts with libuci's own wording
 * where libuci reports the same problem; {@code rejectsFile} says whether libuci refuses the whole
 * file because of it (true for all of libuci's parse errors), as opposed to a quirk it reads silently.
 * The rules that report each kind ({@code UciSyntaxRule}, {@code UciIgnoredTextRule}) give it its severity.
 */
public record UciProblem(String message, SourceRange range, boolean rejectsFile) {
}
