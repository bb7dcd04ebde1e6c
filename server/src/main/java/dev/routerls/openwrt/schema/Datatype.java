package dev.routerls.openwrt.schema;

import java.util.List;

/**
 * What values an option accepts, in the spirit of OpenWrt's {@code validate_data} datatypes.
 * {@link #describe()} says it in words for messages ("an IPv4 address").
 */
public interface Datatype {
    boolean accepts(String value);

    String describe();

    /**
     * The named values this type accepts, in the order to offer them: the words of an enum, {@code 1}/{@code 0}
     * for a boolean, the enum words inside an {@code or(…)}. Values of open sets (numbers, addresses) are not
     * listed, so an empty list means "nothing to name", not "nothing accepted".
     */
    default List<String> suggestions() {
        return List.of();
    }

    /** True for the catch-all type that accepts anything (nothing to check). */
    default boolean isAnything() {
        return false;
    }
}
