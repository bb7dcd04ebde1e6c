package dev.routerls.cli;

/** The version routerls reports (--version, SARIF's tool.driver). */
final class Version {
    static final String VERSION = "0.1.0";

    private Version() {
    }
}
