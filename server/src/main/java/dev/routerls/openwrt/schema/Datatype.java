package dev.routerls.openwrt.schema;

/**
 * What values an option accepts, in the spirit of OpenWrt's {@code validate_data} datatypes.
 * {@link #describe()} says it in words for messages ("an IPv4 address").
 */
public interface Datatype {
    boolean accepts(String value);

    String describe();

    /** True for the catch-all type that accepts anything (nothing to check). */
    default boolean isAnything() {
        return false;
    }
}
