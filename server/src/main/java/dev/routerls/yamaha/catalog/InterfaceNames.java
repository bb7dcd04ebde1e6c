package dev.routerls.yamaha.catalog;

import java.util.regex.Pattern;

/**
 * Shapes of YAMAHA interface names, so that generic forms such as {@code ip interface address} match
 * {@code ip lan1 address}, {@code ip lan1/1 …}, {@code ip lan1.1 …}, {@code ip bridge1 …}, {@code ip pp …}.
 */
final class InterfaceNames {
    private static final String ONE = "(lan|vlan|bridge|loopback|onu|bri|pri|wan|tunnel|pp|null|usb|sd|wlan)\\d*([/.:]\\d+)*";
    /** One name, or a range such as tunnel2-tunnel4 (pp bind under pp select anonymous). */
    private static final Pattern SHAPE = Pattern.compile(ONE + "(-" + ONE + ")?", Pattern.CASE_INSENSITIVE);

    private InterfaceNames() {
    }

    static boolean looksLikeInterface(String word) {
        return CatalogToken.ANY.equals(word) || SHAPE.matcher(word).matches();
    }
}
