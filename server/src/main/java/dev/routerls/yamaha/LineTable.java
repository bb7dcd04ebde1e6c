package dev.routerls.yamaha;

/**
 * The lines of {@link LineCache} by text, in one open-addressed array: with hundreds of thousands of lines
 * across open documents, a hash map's entry per line would weigh as much as the line's parse. Linear
 * probing; removal shifts the following entries back, so no tombstones pile up. Not thread safe.
 */
final class LineTable {
    private CachedLine[] slots = new CachedLine[64];
    private int size;

    int size() {
        return size;
    }

    CachedLine get(String text) {
        int mask = slots.length - 1;
        for (int i = home(text, mask); ; i = (i + 1) & mask) {
            CachedLine c = slots[i];
            if (c == null || c.parsed.text().equals(text)) return c;
        }
    }

    /** Adds {@code line} unless a line of the same text is there already. */
    void putIfAbsent(CachedLine line) {
        if ((size + 1) * 4 > slots.length * 3) grow();
        int mask = slots.length - 1;
        String text = line.parsed.text();
        for (int i = home(text, mask); ; i = (i + 1) & mask) {
            CachedLine c = slots[i];
            if (c == null) {
                slots[i] = line;
                size++;
                return;
            }
            if (c.parsed.text().equals(text)) return;
        }
    }

    /** Removes this very line, if it is the one the table has for its text. */
    void remove(CachedLine line) {
        int mask = slots.length - 1;
        String text = line.parsed.text();
        for (int i = home(text, mask); ; i = (i + 1) & mask) {
            CachedLine c = slots[i];
            if (c == null) return;
            if (c == line) {
                removeAt(i);
                return;
            }
        }
    }

    /** Empties slot {@code i} and moves back the entries after it that would no longer be found. */
    private void removeAt(int i) {
        int mask = slots.length - 1;
        slots[i] = null;
        size--;
        for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            int k = home(slots[j].parsed.text(), mask);
            // the entry at j stays when its home slot lies cyclically in (i, j]
            boolean stays = i <= j ? i < k && k <= j : i < k || k <= j;
            if (!stays) {
                slots[i] = slots[j];
                slots[j] = null;
                i = j;
            }
        }
    }

    private void grow() {
        CachedLine[] old = slots;
        slots = new CachedLine[old.length * 2];
        size = 0;
        for (CachedLine c : old) if (c != null) putIfAbsent(c);
    }

    private static int home(String text, int mask) {
        int h = text.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }
}
