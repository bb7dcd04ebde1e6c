package dev.routerls.yamaha.catalog;

import java.util.List;

/**
 * Checks one command line (its words, as the parser split them) against the command reference:
 * unknown command, wrong keyword, number out of range, command or keyword not on the model/firmware.
 * {@code model} and {@code revision} come from the config header or settings and may be null (unknown):
 * then nothing model-specific is reported.
 */
public interface CommandChecker {
    List<CatalogFinding> check(List<CatalogToken> words, String model, String revision);

    /**
     * Whether the words start like a command the checker knows on some model (its command words match),
     * whatever the parameters. The reader uses it to tell a wrapped line's continuation from a command.
     */
    default boolean knowsCommand(List<String> words) {
        return true;
    }

    /** Whether some command (on some model) starts with this word. */
    default boolean knowsFirstWord(String word) {
        return true;
    }

    /** How many leading words name the command the words start like (the longest known), 0 when unknown. */
    default int commandWordCount(List<String> words) {
        return 0;
    }

    /** The syntax of the command the words start like, for messages (empty when unknown). */
    default java.util.Optional<String> syntaxOf(List<String> words) {
        return java.util.Optional.empty();
    }

    /** Reports nothing; for tests that exercise the parser and model alone. */
    CommandChecker NONE = (words, model, revision) -> List.of();
}
