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
    private MessageDigest sha256;

    /** One instance per file: identical findings in a file are told apart by their order. */
    Fingerprints(String relativePath) {
        this.relativePath = relativePath;
    }

    String of(Diagnostic d, String maskedLine) {
        String line = maskedLine == null ? "" : collapseWhitespace(maskedLine.strip());
        String base = hash(d.ruleId() + "\u0000" + relativePath + "\u0000" + line);
        int n = seen.merge(base, 1, Integer::sum);
        return base + ":" + n;
    }

    /** Each run of the whitespace {@code \\s} matches (space, tab, line breaks, form feed) as one space. */
    static String collapseWhitespace(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isSpace(c)) {
                sb.append(c);
                inRun = false;
            } else if (!inRun) {
                sb.append(' ');
                inRun = true;
            }
        }
        return sb.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private String hash(String s) {
        try {
            if (sha256 == null) sha256 = MessageDigest.getInstance("SHA-256");
            byte[] h = sha256.digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
