package dev.routerls.yamaha.mape;

/**
 * The shape of a MAP-E port set (RFC 7597): PSID offset {@code a}, PSID length {@code k}, and the PSID
 * when a mapping rule fixes it (null when only the shape is known). Ports of PSID p are the blocks
 * {@code A·2^(16-a) + p·2^m … + 2^m - 1} for A = 1 … 2^a - 1, with m = 16 - a - k.
 */
public record PortSetProfile(String name, int a, int k, Integer psid) {
    /** v6plus and BIGLOBE: 15 blocks of 16 ports, 4096 apart. */
    public static final PortSetProfile V6PLUS_BIGLOBE = new PortSetProfile("v6plus/BIGLOBE", 4, 8, null);
    /** OCN: 63 blocks of 16 ports, 1024 apart. */
    public static final PortSetProfile OCN = new PortSetProfile("OCN", 6, 6, null);

    public int m() {
        return 16 - a - k;
    }

    public int blockSize() {
        return 1 << m();
    }

    public int stride() {
        return 1 << (16 - a);
    }

    public int blockCount() {
        return (1 << a) - 1;
    }

    public PortSetProfile withPsid(int p) {
        return new PortSetProfile(name, a, k, p);
    }
}
