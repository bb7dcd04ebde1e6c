package dev.routerls.openwrt.shell;

/** A computation the shell itself would reject (bad number, division by zero, bad expression). */
final class ShellErrorException extends RuntimeException {
    ShellErrorException(String message) {
        super(message, null, false, false);
    }
}
