package dev.routerls.yamaha;

import dev.routerls.yamaha.parse.LineParser;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The open-addressed line table answers as a map of counted lines by text would, through growth, hash
 * collisions and removals, and counts a text's uses whichever object of that text is retained.
 */
class LineTableTest {
    @Test
    void behavesLikeAMapOfCountedLinesByText() {
        LineParser parser = new LineParser();
        // "Aa" and "BB" share a hash code: texts made of them collide in whole groups
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            StringBuilder b = new StringBuilder("ip filter ");
            for (int bit = 0; bit < 6; bit++) b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            texts.add(b.toString());
        }
        for (int i = 0; i < 400; i++) texts.add("ip filter " + i + " pass * * * * *");
        Map<String, List<CachedLine>> objects = new HashMap<>(); // two objects per text
        for (String t : texts) objects.put(t, List.of(new CachedLine(parser.parse(t)), new CachedLine(parser.parse(t))));

        LineTable table = new LineTable();
        Map<String, CachedLine> first = new HashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        Random random = new Random(3);
        for (int k = 0; k < 40_000; k++) {
            String t = texts.get(random.nextInt(texts.size()));
            CachedLine line = objects.get(t).get(random.nextInt(2));
            if (random.nextInt(5) < 3) {
                table.retain(line);
                uses.merge(t, 1, Integer::sum);
                first.putIfAbsent(t, line);
            } else if (uses.containsKey(t)) {
                table.release(line);
                if (uses.merge(t, -1, Integer::sum) == 0) {
                    uses.remove(t);
                    first.remove(t);
                }
            }
            assertEquals(uses.size(), table.size());
            for (String probe : List.of(t, texts.get(random.nextInt(texts.size())))) {
                assertSame(first.get(probe), table.get(probe), probe);
            }
        }
        for (String t : texts) assertSame(first.get(t), table.get(t), t);
    }
}
