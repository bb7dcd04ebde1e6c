package dev.routerls.yamaha.parse;

/** Why a line did not parse, and the column span of the word where parsing stopped. */
public record LineError(String message, int start, int end) {
}
