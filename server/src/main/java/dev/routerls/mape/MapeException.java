package dev.routerls.mape;

/** A MAP-E calculation that cannot be done; the message says why in terms a user can act on. */
public final class MapeException extends IllegalArgumentException {
    public MapeException(String message) {
        super(message);
    }
}
