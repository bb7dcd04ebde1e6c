package dev.routerls.yamaha;

import dev.routerls.analysis.YamahaAnalyzer;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.Cancellation;
import dev.routerls.yamaha.catalog.CommandCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Parsed lines are shared between documents and versions ({@link LineCache}): the cache holds exactly the
 * distinct lines of the documents it keeps, a re-read after any edit gives what a fresh reader gives, and a
 * cancelled read leaves the cache as it was.
 */
class SharedLinesTest {
    private static final AnalysisSettings SETTINGS = AnalysisSettings.DEFAULT;

    private static String filters(int from, int to) {
        StringBuilder b = new StringBuilder("# RTX830 Rev.15.02.20 (Mon Mar 13 10:00:00 2023)\n");
        for (int i = from; i <= to; i++) b.append("ip filter ").append(i).append(" pass * * tcp * ").append(1000 + i).append('\n');
        return b.toString();
    }

    @Test
    void documentsShareTheirCommonLinesAndForgettingOneDropsOnlyItsOwn() {
        YamahaReader reader = new YamahaReader(CommandCatalog.standard()); // no lines from other readers
        LineCache cache = cacheOf(reader);
        reader.read("file:///a.conf", filters(1, 100), SETTINGS);
        assertEquals(102, cache.parses()); // + header and last empty line
        assertEquals(102, cache.sharedLines());
        assertEquals(102, reader.read("file:///b.conf", filters(51, 150), SETTINGS).freshlyParsed(), "all new to b");
        assertEquals(152, cache.parses(), "only the lines a does not have are parsed");
        assertEquals(152, cache.sharedLines());
        reader.forget("file:///a.conf");
        assertEquals(152, cache.sharedLines(), "a closed document's lines stay a while");
        assertEquals(0, reader.read("file:///a.conf", filters(1, 100), SETTINGS).freshlyParsed(), "reopened: nothing new");
        assertEquals(152, cache.parses());
        reader.forget("file:///a.conf");
        for (int d = 0; d < LineCache.CLOSED_KEPT; d++) {
            reader.read("file:///closed" + d + ".conf", "ip filter " + (1000 + d) + " pass * * * * *\n", SETTINGS);
            reader.forget("file:///closed" + d + ".conf");
        }
        assertEquals(102 + LineCache.CLOSED_KEPT, cache.sharedLines(),
                "lines only a had went when later closed documents pushed it out; shared ones stay for b");
        reader.forget("file:///b.conf");
        for (int d = 0; d < LineCache.CLOSED_KEPT; d++) {
            reader.read("file:///later" + d + ".conf", "", SETTINGS);
            reader.forget("file:///later" + d + ".conf");
        }
        assertEquals(1, cache.sharedLines(), "only the empty line of the last closed documents");
    }

    @Test
    void aReaderOfFilesReadOnceKeepsNoDocumentAndReadsAsAnEditorsReaderDoes() {
        YamahaAnalyzer once = YamahaAnalyzer.readingEachOnce();
        YamahaAnalyzer kept = new YamahaAnalyzer();
        String bad = "ip filter 7 pass * * tcp * 99999\nip lan1 secure filter in 7 8\n";
        for (String text : List.of(filters(1, 100), filters(51, 150) + bad, filters(1, 100) + bad)) {
            YamahaAnalyzer.Result a = once.analyze("file:///a.conf", text, SETTINGS);
            YamahaAnalyzer.Result b = kept.analyze("file:///a.conf", text, SETTINGS);
            assertEquals(b.diagnostics(), a.diagnostics());
            assertEquals(describe(b), describe(a));
        }
        assertEquals(0, once.reader().lineCache().sharedLines(), "no document version is kept");
        assertEquals(102, once.analyze("file:///a.conf", filters(1, 100), SETTINGS).freshlyParsed(),
                "a second read of a file finds no last version to take lines from");
    }

    @Test
    void anEditDropsTheLineItReplacedAndEvictedDocumentsReleaseTheirLines() {
        YamahaReader reader = new YamahaReader(CommandCatalog.standard());
        LineCache cache = cacheOf(reader);
        String text = filters(1, 100);
        reader.read("file:///a.conf", text, SETTINGS);
        assertEquals(1, reader.read("file:///a.conf", text.replace("ip filter 7 ", "ip filter 7  "), SETTINGS).freshlyParsed());
        assertEquals(102, cache.sharedLines(), "the line before the edit is no longer kept");
        for (int d = 0; d < LineCache.MAX_DOCUMENTS; d++) {
            reader.read("file:///other" + d + ".conf", "ip filter " + (1000 + d) + " pass * * * * *\n", SETTINGS);
        }
        assertEquals(LineCache.MAX_DOCUMENTS + 1, cache.sharedLines(), "a.conf was the least recently read: its lines went");
    }

    @Test
    void aCancelledReadStopsAndLeavesTheCacheAsItWas() {
        YamahaReader reader = new YamahaReader(CommandCatalog.standard());
        LineCache cache = cacheOf(reader);
        reader.read("file:///a.conf", filters(1, 1000), SETTINGS);
        int[] looks = {0};
        Cancellation cancelLater = () -> {
            if (++looks[0] == 2) throw new CancellationException("a newer version came");
        };
        assertThrows(CancellationException.class, () -> reader.read("file:///a.conf", filters(1001, 2000), SETTINGS, cancelLater));
        assertEquals(1002, cache.sharedLines());
        assertEquals(0, reader.read("file:///a.conf", filters(1, 1000), SETTINGS).freshlyParsed());
    }

    /**
     * Random edits of every kind (characters and line breaks typed and deleted anywhere, CR and CRLF ends,
     * wrapped lines split and joined) on a document, each read compared with a fresh reader's read.
     */
    @Test
    void afterAnyEditTheReadEqualsAFreshRead() {
        Random random = new Random(7);
        YamahaAnalyzer analyzer = new YamahaAnalyzer(CommandCatalog.standard());
        StringBuilder doc = new StringBuilder(filters(1, 40));
        doc.append("pp select 1\n pp auth myname user secret\r\n ip pp nat descriptor 1000\rpp select none\n");
        doc.append("ip lan1 address 192.168.100.1/24 ip lan1 secure filter in 1 2 3 4 5 6 7 8 9 10 11 12 13\n");
        // a line wrapped by the terminal at 80 columns inside a word, re-joined by the reader
        String wrapped = "ip filter 500 pass 192.168.100.0/24 * tcp * www,https,smtp,pop3,domain,ftp,telnet,ntp,sip";
        doc.append(wrapped, 0, 80).append('\n').append(wrapped.substring(80)).append('\n');
        assertEquals(1, analyzer.analyze("file:///e.conf", doc.toString(), SETTINGS).lines().stream()
                .filter(l -> l.lastLine() > l.firstLine()).count(), "the wrapped line is read as one");
        String alphabet = "ip filter 0123456789 \n\r*#x";
        for (int k = 0; k < 400; k++) {
            int at = random.nextInt(doc.length() + 1);
            if (random.nextBoolean() && at < doc.length()) {
                doc.deleteCharAt(at);
            } else {
                doc.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (k % 50 == 0) doc.insert(0, "ip filter 99 reject * * * * *\n"); // every line moves
            String text = doc.toString();
            YamahaAnalyzer.Result incremental = analyzer.analyze("file:///e.conf", text, SETTINGS);
            YamahaAnalyzer.Result fresh = new YamahaAnalyzer().analyze("file:///e.conf", text, SETTINGS);
            assertEquals(fresh.diagnostics(), incremental.diagnostics(), "after edit " + k);
            assertEquals(describe(fresh), describe(incremental), "after edit " + k);
            YamahaAnalyzer once = new YamahaAnalyzer(CommandCatalog.standard());
            once.analyze("file:///e.conf", text, SETTINGS);
            assertEquals(once.reader().lineCache().sharedLines(), analyzer.reader().lineCache().sharedLines(),
                    "after edit " + k + " the cache keeps exactly the lines of the current version");
        }
    }

    private static List<String> describe(YamahaAnalyzer.Result r) {
        return r.lines().stream().map(l -> l.firstLine() + "-" + l.lastLine() + " " + l.context() + " " + l.parsed().text()).toList();
    }

    private static LineCache cacheOf(YamahaReader reader) {
        return reader.lineCache();
    }
}
