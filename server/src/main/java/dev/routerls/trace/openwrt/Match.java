package dev.routerls.trace.openwrt;

/**
 * Whether a rule's conditions hold: {@code unknown} names the condition the trace cannot judge (then the
 * rule is taken as not matching, and the step says so).
 */
record Match(boolean matches, String unknown) {
    static final Match YES = new Match(true, null);
    static final Match NO = new Match(false, null);

    static Match unknown(String what) {
        return new Match(false, what);
    }

    boolean isUnknown() {
        return unknown != null;
    }
}
