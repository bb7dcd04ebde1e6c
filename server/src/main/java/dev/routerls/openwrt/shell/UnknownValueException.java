package dev.routerls.openwrt.shell;

/** Thrown inside a computation that needs a value the evaluator does not know. */
final class UnknownValueException extends RuntimeException {
    UnknownValueException(String what) {
        super(what, null, false, false);
    }
}
