package dev.routerls.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The start-up shortcut that builds only the invoked subcommand knows every subcommand by its own name. */
class MainTest {
    @Test
    void everySubcommandIsMadeByTheNameItsAnnotationGives() {
        for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
            String name = c.getAnnotation(Command.class).name();
            Object made = Main.subcommand(name);
            if (name.equals("completion")) {
                assertNull(made, "completion is served by the whole tree");
            } else {
                assertEquals(c, made == null ? null : made.getClass(), name);
            }
        }
        assertNull(Main.subcommand("no-such-command"));
    }
}
