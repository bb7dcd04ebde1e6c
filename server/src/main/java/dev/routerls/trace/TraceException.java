package dev.routerls.trace;

/** The trace cannot run on this input (unknown interface, an address that is not one …); the message says why. */
public final class TraceException extends Exception {
    public TraceException(String message) {
        super(message);
    }
}
