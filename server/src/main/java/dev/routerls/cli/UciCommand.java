package dev.routerls.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code routerls uci}: inspection commands that mirror OpenWrt's {@code uci} tool. */
@Command(name = "uci", mixinStandardHelpOptions = true, description = "Show UCI files as OpenWrt's uci tool sees them.",
        subcommands = {UciShowCommand.class})
final class UciCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
