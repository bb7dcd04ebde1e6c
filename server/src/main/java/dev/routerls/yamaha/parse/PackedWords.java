package dev.routerls.yamaha.parse;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of words that are all plain spans of one line, kept as that line and one {@code long}
 * per word (8 bytes instead of a 24-byte {@link Word} and its slot in an array); a word is made again when
 * asked for. Parsed commands of every open document keep their word lists, and a config may have thousands
 * of {@code ip filter} lines of five fields each.
 */
final class PackedWords extends AbstractList<Word> implements RandomAccess {
    private final String line;
    private final long[] bits;

    private PackedWords(String line, long[] bits) {
        this.line = line;
        this.bits = bits;
    }

    /** {@code words} packed when they are all spans of one line, otherwise an immutable copy. */
    static List<Word> of(List<Word> words) {
        if (words.size() < 2) return List.copyOf(words);
        String line = words.get(0).line();
        if (line == null) return List.copyOf(words);
        long[] bits = new long[words.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = words.get(i).spanBits(line);
            if (bits[i] < 0) return List.copyOf(words);
        }
        return new PackedWords(line, bits);
    }

    @Override
    public Word get(int index) {
        return Word.inLine(line, bits[index]);
    }

    @Override
    public int size() {
        return bits.length;
    }
}
