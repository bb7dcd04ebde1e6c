package dev.routerls.core;

/** The languages routerls understands; {@link #id()} is the LSP language id. */
public enum LanguageId {
    YAMAHA_RTX("yamaha-rtx"),
    OPENWRT_UCI("openwrt-uci"),
    OPENWRT_FIREWALL_USER("openwrt-firewall-user"),
    /** an nftables snippet fw4 includes from /etc/nftables.d/ */
    OPENWRT_NFTABLES("openwrt-nftables"),
    UNKNOWN("plaintext");

    private final String id;

    LanguageId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** True for the files of an OpenWrt router, which are analysed together. */
    public boolean isOpenWrt() {
        return this == OPENWRT_UCI || this == OPENWRT_FIREWALL_USER || this == OPENWRT_NFTABLES;
    }

    public static LanguageId fromId(String id) {
        for (LanguageId l : values()) if (l.id.equals(id)) return l;
        return UNKNOWN;
    }
}
