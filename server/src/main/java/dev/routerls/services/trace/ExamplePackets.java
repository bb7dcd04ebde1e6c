package dev.routerls.services.trace;

/** What the trace lenses of every language send: example packets between a LAN host and a remote server. */
final class ExamplePackets {
    private ExamplePackets() {
    }

    /** An example destination outside the router (TEST-NET-2). */
    static final String REMOTE = "198.51.100.1";

    /** The first host address of a subnet that is not the router's own. */
    static long host(long network, long router) {
        return network + 1 == router ? network + 2 : network + 1;
    }
}
