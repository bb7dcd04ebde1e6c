package dev.routerls.openwrt.nft;

import dev.routerls.core.LineIndex;
import dev.routerls.core.SourceRange;
import dev.routerls.openwrt.shell.EvaluatedCommand;
import dev.routerls.openwrt.shell.EvaluatedWord;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rule statements of the {@code nft} commands a script runs ({@code nft add rule inet fw4 srcnat …}),
 * read with the same grammar as an nftables.d snippet. nft joins its arguments with spaces before parsing
 * them, and so does this reader; each term's range points back into the script: exactly where the word is
 * written as it is (bare, or whole in one pair of quotes), else the whole word.
 *
 * <p>Commands with a value routerls cannot compute, or that read a file ({@code -f}), are skipped; a
 * command inside a loop is read once.
 */
public final class NftCommands {
    private NftCommands() {
    }

    public static List<NftRule> read(String uri, String scriptText, List<EvaluatedCommand> commands) {
        List<NftRule> out = new ArrayList<>();
        Set<SourceRange> seen = new HashSet<>();
        LineIndex lines = new LineIndex(scriptText);
        for (EvaluatedCommand c : commands) {
            if (!c.isNft() || !c.known() || !seen.add(c.range())) continue;
            List<EvaluatedWord> words = c.argv().subList(1, c.argv().size());
            if (words.stream().anyMatch(w -> w.text().equals("-f") || w.text().startsWith("--file"))) continue;
            int first = 0;
            while (first < words.size() && words.get(first).text().startsWith("-")) first++;
            List<EvaluatedWord> body = words.subList(first, words.size());
            if (body.isEmpty()) continue;
            StringBuilder joined = new StringBuilder();
            int[] starts = new int[body.size()];
            for (int i = 0; i < body.size(); i++) {
                if (i > 0) joined.append(' ');
                starts[i] = joined.length();
                joined.append(body.get(i).text());
            }
            WordPositions positions = new WordPositions(body, starts, scriptText, lines);
            out.addAll(NftSnippetReader.read(uri, joined.toString(), positions).rules());
        }
        return out;
    }

    /** Places offsets of the joined arguments in the script. */
    private record WordPositions(List<EvaluatedWord> words, int[] starts, String script, LineIndex lines)
            implements NftSnippetReader.Positions {

        @Override
        public SourceRange range(int start, int end) {
            int a = wordAt(start), b = wordAt(Math.max(start, end - 1));
            int[] from = place(a, start - starts[a], false);
            int[] to = place(b, Math.max(start, end - 1) - starts[b], true);
            return new SourceRange(from[0], from[1], to[0], to[1]);
        }

        private int wordAt(int offset) {
            int i = starts.length - 1;
            while (i > 0 && starts[i] > offset) i--;
            return i;
        }

        /** Line and column of character {@code inner} of word {@code i} (just after it when {@code after}). */
        private int[] place(int i, int inner, boolean after) {
            EvaluatedWord w = words.get(i);
            SourceRange r = w.range();
            if (r == null) return new int[]{0, 0};
            String value = w.text();
            int shift = verbatimShift(r, value);
            inner = Math.max(0, Math.min(inner, value.length()));
            if (shift < 0 || inner >= value.length() && !after) {
                return after ? new int[]{r.endLine(), r.endColumn()} : new int[]{r.startLine(), r.startColumn()};
            }
            return new int[]{r.startLine(), r.startColumn() + shift + inner + (after ? 1 : 0)};
        }

        /** 0 when the word is written bare as its value, 1 when in one pair of quotes, −1 otherwise. */
        private int verbatimShift(SourceRange r, String value) {
            if (r.startLine() != r.endLine() || value.contains("\n")) return -1;
            int from = lines.offset(r.startLine(), r.startColumn());
            int to = lines.offset(r.endLine(), r.endColumn());
            if (from < 0 || to > script.length() || from > to) return -1;
            String source = script.substring(from, to);
            if (source.equals(value)) return 0;
            if (source.length() == value.length() + 2 && source.substring(1, source.length() - 1).equals(value)
                    && (source.charAt(0) == '\'' && source.endsWith("'") || source.charAt(0) == '"' && source.endsWith("\"")
                    && !value.contains("\\") && !value.contains("$") && !value.contains("`"))) {
                return 1;
            }
            return -1;
        }
    }
}
