package dev.routerls.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciProblem;
import dev.routerls.openwrt.uci.UciReader;
import dev.routerls.openwrt.uci.UciShow;
import dev.routerls.openwrt.uci.UciSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code routerls uci show PATH…}: each UCI file's tree after libuci's reading, printed as
 * {@code uci show} prints it (or as JSON). A folder stands for the files directly in it, as
 * {@code /etc/config} holds packages. A file libuci would reject is not shown: its errors go to stderr
 * and the exit code is 1. Secret values are masked.
 */
@Command(name = "show", mixinStandardHelpOptions = true, description = {"Print UCI files as `uci show` prints them, after libuci's reading.",
        "A folder stands for the files in it (e.g. etc/config). Secret values are masked."})
final class UciShowCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "UCI files or folders of them")
    List<Path> paths;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("routerls: --format must be text or json, not '" + format + "'");
            return 2;
        }
        List<Path> files = new ArrayList<>();
        try {
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        s.filter(Files::isRegularFile).sorted().forEach(files::add);
                    }
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    System.err.println("routerls: " + p + ": no such file or folder");
                    return 2;
                }
            }
        } catch (IOException e) {
            System.err.println("routerls: " + e.getMessage());
            return 2;
        }
        PrintStream out = System.out;
        JsonArray packages = new JsonArray();
        boolean rejected = false;
        for (Path p : files) {
            UciFile f;
            try {
                f = UciReader.read(p.toUri().toString(), UciReader.packageNameOf(p.toString()),
                        UciSource.fromBytes(Files.readAllBytes(p)));
            } catch (IOException e) {
                System.err.println("routerls: " + p + ": " + e.getMessage());
                return 2;
            }
            List<UciProblem> errors = f.problems().stream().filter(UciProblem::rejectsFile).toList();
            for (UciProblem e : errors) {
                System.err.printf("%s:%d:%d: libuci would not load this file: %s%n", p, e.range().startLine() + 1,
                        e.range().startColumn() + 1, e.message());
            }
            rejected |= !errors.isEmpty();
            if (format.equals("json")) {
                JsonObject o = new JsonObject();
                o.addProperty("path", p.toString());
                o.addProperty("package", f.packageName());
                o.addProperty("accepted", errors.isEmpty());
                o.add("sections", errors.isEmpty() ? UciShow.toJson(f, true) : new JsonArray());
                packages.add(o);
            } else if (errors.isEmpty()) {
                out.writeBytes(UciShow.show(f, true));
            }
        }
        if (format.equals("json")) {
            JsonObject root = new JsonObject();
            root.add("packages", packages);
            new PrintStream(out, true, StandardCharsets.UTF_8)
                    .println(new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeNulls().create().toJson(root));
        }
        out.flush();
        return rejected ? 1 : 0;
    }
}
