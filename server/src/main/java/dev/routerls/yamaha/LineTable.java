package dev.routerls.yamaha;

/**
 * The lines of {@link LineCache} by text, each with how many kept document versions use it, in one
 * open-addressed array: with hundreds of thousands of lines across open documents, a hash map's entry per
 * line would weigh as much as the line's parse. Counted by text, not by object, since a line object may be
 * shared with other caches (and two reads may parse the same text at once). Linear probing; removal shifts
 * the following entries back, so no tombstones pile up. A byte of each slot's hash is kept beside it: a
 * probe reaches a line's text (three objects away) only when that byte matches, so looking up a line no
 * document has yet costs a few reads of one array instead of a cache miss per probe. Not thread safe.
 */
final class LineTable {
    private CachedLine[] slots = new CachedLine[64];
    private int[] uses = new int[64];
    private byte[] tags = new byte[64];
    private int size;

    int size() {
        return size;
    }

    CachedLine get(String text) {
        int i = find(text);
        return i < 0 ? null : slots[i];
    }

    /** One more use of {@code line}'s text; the line becomes the table's for that text if it has none. */
    void retain(CachedLine line) {
        String text = line.parsed.text();
        int i = find(text);
        if (i >= 0) {
            uses[i]++;
            return;
        }
        if ((size + 1) * 4 > slots.length * 3) grow();
        int mask = slots.length - 1;
        for (i = home(text, mask); slots[i] != null; i = (i + 1) & mask) {
            // probe to the first free slot
        }
        slots[i] = line;
        uses[i] = 1;
        tags[i] = tag(text);
        size++;
    }

    /** One use of {@code line}'s text fewer; the text leaves the table with its last use. */
    void release(CachedLine line) {
        int i = find(line.parsed.text());
        if (i >= 0 && --uses[i] == 0) removeAt(i);
    }

    private int find(String text) {
        int mask = slots.length - 1;
        byte tag = tag(text);
        for (int i = home(text, mask); ; i = (i + 1) & mask) {
            CachedLine c = slots[i];
            if (c == null) return -1;
            if (tags[i] == tag && c.parsed.text().equals(text)) return i;
        }
    }

    /** Empties slot {@code i} and moves back the entries after it that would no longer be found. */
    private void removeAt(int i) {
        int mask = slots.length - 1;
        slots[i] = null;
        uses[i] = 0;
        size--;
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int k = home(slots[j].parsed.text(), mask);
            // the entry at j stays when its home slot lies cyclically in (i, j]
            boolean stays = i <= j ? i < k && k <= j : i < k || k <= j;
            if (!stays) {
                slots[i] = slots[j];
                uses[i] = uses[j];
                tags[i] = tags[j];
                slots[j] = null;
                uses[j] = 0;
                i = j;
            }
        }
    }

    private void grow() {
        CachedLine[] oldSlots = slots;
        int[] oldUses = uses;
        byte[] oldTags = tags;
        slots = new CachedLine[oldSlots.length * 2];
        uses = new int[slots.length];
        tags = new byte[slots.length];
        int mask = slots.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] == null) continue;
            int i = home(oldSlots[j].parsed.text(), mask);
            while (slots[i] != null) i = (i + 1) & mask;
            slots[i] = oldSlots[j];
            uses[i] = oldUses[j];
            tags[i] = oldTags[j];
        }
    }

    /** The top byte of the text's hash: compared before the texts are. */
    private static byte tag(String text) {
        return (byte) (text.hashCode() >>> 24);
    }

    private static int home(String text, int mask) {
        int h = text.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
