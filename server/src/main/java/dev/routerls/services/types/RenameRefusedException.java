package dev.routerls.services.types;

/**
 * A rename that would leave the configuration broken, so none of it is offered; the message says
 * what the user has to change by hand.
 */
public final class RenameRefusedException extends RuntimeException {
    public RenameRefusedException(String message) {
        super(message);
    }
}
