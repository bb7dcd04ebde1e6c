package dev.routerls.cli;

import dev.routerls.core.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Stable identities of findings, for baselines and SARIF/GitLab fingerprints: a hash of the rule, the
 * file's relative path and the masked text of the line the finding starts on (whitespace-normalised),
 * (none for a line no parser could read, which may hold a secret), plus a count for identical ones in the same file. Line numbers are not part of it, so findings keep
 * their identity when lines are added or removed elsewhere in the file; secrets never enter it.
 */
final class Fingerprints {
    private final Map<String, Integer> seen = new HashMap<>();
    private final String relativePath;

    /** One instance per file: identical findings in a file are told apart by their order. */
    Fingerprints(String relativePath) {
        this.relativePath = relativePath;
    }

    String of(Diagnostic d, String maskedLine) {
        String line = maskedLine == null ? "" : maskedLine.strip().replaceAll("\\s+", " ");
        String base = hash(d.ruleId() + "\u0000" + relativePath + "\u0000" + line);
        int n = seen.merge(base, 1, Integer::sum);
        return base + ":" + n;
    }

    private static String hash(String s) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
