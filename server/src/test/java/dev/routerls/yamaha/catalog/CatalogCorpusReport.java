package dev.routerls.yamaha.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark-style harness (not a test): prints how many non-comment lines of the YAMAHA corpus the
 * catalog recognises, and how long loading the catalog takes.
 * Run: {@code java -cp <test+main classpath> dev.routerls.yamaha.catalog.CatalogCorpusReport ../shared [-v]}
 */
public final class CatalogCorpusReport {
    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        boolean verbose = args.length > 1 && args[1].equals("-v");
        long t0 = System.nanoTime();
        CommandCatalog.Source loaded = CatalogLoader.standardSource();
        long t1 = System.nanoTime();
        CommandCatalog catalog = new CommandCatalog(loaded, CommandMeanings.load());
        long t2 = System.nanoTime();
        System.out.printf("catalog: %d commands; resource read %.1f ms, index built %.1f ms (first load, cold JVM)%n",
                catalog.commandCount(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);

        long t3 = System.nanoTime();
        new CommandCatalog(CatalogLoader.standardSource(), CommandMeanings.load());
        System.out.printf("second load (warm JVM): %.1f ms%n", (System.nanoTime() - t3) / 1e6);
        if (args.length > 1 && args[1].equals("--names")) {
            for (CommandEntry e : catalog.entries()) System.out.println(e.id() + "\t" + e.name());
            return;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(shared.resolve("corpus/yamaha"))) {
            s.sorted().forEach(files::add);
        }
        int lines = 0, known = 0, full = 0, findings = 0;
        for (Path f : files) {
            int lineNo = 0;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                lineNo++;
                List<CatalogToken> words = LineWords.split(line, lineNo - 1);
                if (words.isEmpty()) continue;
                lines++;
                List<String> texts = words.stream().map(CatalogToken::text).toList();
                CommandCatalog.Resolution r = catalog.resolve(texts);
                if (r.known()) known++;
                if (r.fullyMatched() || r.known() && r.negated()) full++;
                var fs = catalog.check(words, null, null);
                findings += fs.size();
                if (verbose && (!r.fullyMatched() && !r.negated() || !fs.isEmpty())) {
                    System.out.printf("%s:%d: %s%s  %s%n", f.getFileName(), lineNo, r.known() ? "[params] " : "[UNKNOWN] ",
                            line.strip(), fs.isEmpty() ? "" : fs.get(0).kind() + " " + fs.get(0).message());
                }
            }
        }
        System.out.printf("corpus: %d non-comment lines; command recognised %d (%.1f %%); all words fit a form %d (%.1f %%); findings %d%n",
                lines, known, 100.0 * known / lines, full, 100.0 * full / lines, findings);
    }
}
