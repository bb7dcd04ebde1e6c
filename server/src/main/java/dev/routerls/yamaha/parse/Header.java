package dev.routerls.yamaha.parse;

/** The model and firmware revision named in a {@code show config} header comment. */
public record Header(String model, String revision) {
}
