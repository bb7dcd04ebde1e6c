package dev.routerls.openwrt.router;

/**
 * Which firewall a release runs: fw3 (iptables, up to 21.02) or fw4 (nftables, 22.03 and later).
 * firewall.user and hand-written iptables rules behave differently under the two.
 */
public enum FirewallGeneration {
    FW3, FW4, UNKNOWN;

    /**
     * The generation of a release string such as {@code 21.02.0}, {@code 23.05.0-rc1} or {@code SNAPSHOT}.
     * Snapshots have used fw4 since before 22.03 branched.
     */
    public static FirewallGeneration ofRelease(String release) {
        if (release == null) return UNKNOWN;
        String r = release.trim();
        if (r.equalsIgnoreCase("snapshot")) return FW4;
        int i = 0;
        int major = 0;
        int digits = 0;
        while (i < r.length() && Character.isDigit(r.charAt(i)) && digits < 4) {
            major = major * 10 + (r.charAt(i++) - '0');
            digits++;
        }
        if (digits == 0) return UNKNOWN;
        int minor = 0;
        if (i < r.length() && r.charAt(i) == '.') {
            i++;
            int md = 0;
            while (i < r.length() && Character.isDigit(r.charAt(i)) && md < 4) {
                minor = minor * 10 + (r.charAt(i++) - '0');
                md++;
            }
        }
        // releases before 17.01 were numbered 15.05 etc.; all of them predate fw4
        return major > 22 || major == 22 && minor >= 3 ? FW4 : FW3;
    }
}
