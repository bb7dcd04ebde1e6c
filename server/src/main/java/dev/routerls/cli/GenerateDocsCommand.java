package dev.routerls.cli;

import dev.routerls.analysis.RuleRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code routerls generate-docs [--check] [PROJECT_DIR]} (hidden, for maintainers): writes
 * {@code docs/rules/<id>.md} for every rule and the README's rule table from the rule metadata, and
 * removes pages of rules that no longer exist. With {@code --check} it writes nothing and exits 1 when a
 * file differs from what it would write (the drift test does the same).
 */
@Command(name = "generate-docs", hidden = true, mixinStandardHelpOptions = true,
        description = "Regenerate docs/rules/*.md and the README rule table from the rule metadata.")
final class GenerateDocsCommand implements Callable<Integer> {
    @Option(names = "--check", description = "change nothing; exit 1 when a generated file is out of date")
    boolean check;

    @Parameters(arity = "0..1", paramLabel = "PROJECT_DIR", defaultValue = ".",
            description = "the project folder (holding README.md) (default: ${DEFAULT-VALUE})")
    Path project;

    @Override
    public Integer call() throws IOException {
        List<String> stale = drift(project);
        if (check) {
            stale.forEach(s -> System.out.println("out of date: " + s));
            return stale.isEmpty() ? 0 : 1;
        }
        write(project);
        System.out.println(stale.isEmpty() ? "rule docs are up to date" : "updated " + stale.size() + " file(s)");
        return 0;
    }

    /** The generated files that differ from what is on disk (project-relative paths). */
    static List<String> drift(Path project) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> page : RuleDocs.pages()) {
            Path f = project.resolve(page.getKey());
            if (!Files.isRegularFile(f) || !Files.readString(f, StandardCharsets.UTF_8).equals(page.getValue())) {
                out.add(page.getKey());
            }
        }
        for (Path extra : stalePages(project)) out.add(project.relativize(extra).toString().replace('\\', '/') + " (no such rule)");
        String readme = Files.readString(project.resolve("README.md"), StandardCharsets.UTF_8);
        if (!RuleDocs.withTable(readme, RuleRegistry.all()).equals(readme)) out.add("README.md (rule table)");
        return out;
    }

    static void write(Path project) throws IOException {
        for (Map.Entry<String, String> page : RuleDocs.pages()) {
            Path f = project.resolve(page.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, page.getValue(), StandardCharsets.UTF_8);
        }
        for (Path extra : stalePages(project)) Files.delete(extra);
        Path readme = project.resolve("README.md");
        Files.writeString(readme, RuleDocs.withTable(Files.readString(readme, StandardCharsets.UTF_8), RuleRegistry.all()),
                StandardCharsets.UTF_8);
    }

    private static List<Path> stalePages(Path project) throws IOException {
        Path dir = project.resolve("docs/rules");
        if (!Files.isDirectory(dir)) return List.of();
        List<String> wanted = RuleDocs.pages().stream().map(Map.Entry::getKey).toList();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !wanted.contains(project.relativize(p).toString().replace('\\', '/'))).toList();
        }
    }
}
