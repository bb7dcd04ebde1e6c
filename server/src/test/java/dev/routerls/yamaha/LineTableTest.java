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

/** The open-addressed line table answers as a map by text would, through growth, collisions and removals. */
class LineTableTest {
    @Test
    void behavesLikeAMapOfLinesByText() {
        LineParser parser = new LineParser();
        // "Aa" and "BB" share a hash code: texts made of them collide in whole groups
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            StringBuilder b = new StringBuilder("ip filter ");
            for (int bit = 0; bit < 6; bit++) b.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            texts.add(b.toString());
        }
        for (int i = 0; i < 400; i++) texts.add("ip filter " + i + " pass * * * * *");
        Map<String, CachedLine> lines = new HashMap<>();
        for (String t : texts) lines.put(t, new CachedLine(parser.parse(t)));

        LineTable table = new LineTable();
        Map<String, CachedLine> expected = new HashMap<>();
        Random random = new Random(3);
        for (int k = 0; k < 20_000; k++) {
            String t = texts.get(random.nextInt(texts.size()));
            CachedLine line = lines.get(t);
            switch (random.nextInt(3)) {
                case 0 -> {
                    table.putIfAbsent(line);
                    expected.putIfAbsent(t, line);
                }
                case 1 -> {
                    table.remove(line);
                    expected.remove(t, line);
                }
                default -> {
                    // another object of the same text is neither added over the first nor removes it
                    CachedLine twin = new CachedLine(line.parsed);
                    table.putIfAbsent(twin);
                    expected.putIfAbsent(t, twin);
                    table.remove(twin);
                    expected.remove(t, twin);
                }
            }
            assertEquals(expected.size(), table.size());
            for (String probe : List.of(t, texts.get(random.nextInt(texts.size())))) {
                assertSame(expected.get(probe), table.get(probe), probe);
            }
        }
        for (String t : texts) assertSame(expected.get(t), table.get(t), t);
    }
}
