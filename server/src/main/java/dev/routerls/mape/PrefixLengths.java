package dev.routerls.mape;

/** Parsing of the {@code /len} part shared by the IPv4 and IPv6 prefix types. */
final class PrefixLengths {
    private PrefixLengths() {
    }

    static int parse(String digits, int max, String whole) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + whole + "' has no valid /length");
        }
        int len = Integer.parseInt(digits);
        if (len > max) {
            throw new IllegalArgumentException("'" + whole + "': prefix length must be 0-" + max);
        }
        return len;
    }
}
