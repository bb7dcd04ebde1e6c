package dev.routerls.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.routerls.analysis.RouterLocator;
import dev.routerls.core.AnalysisSettings;
import dev.routerls.core.LanguageId;
import dev.routerls.core.SourceFile;
import dev.routerls.core.TextDecoder;
import dev.routerls.openwrt.router.Router;
import dev.routerls.openwrt.router.RouterReader;
import dev.routerls.openwrt.router.ScriptRunListing;
import dev.routerls.openwrt.shell.LoopIteration;
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
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code routerls eval FIREWALL_USER}: the firewall commands the script would run, in order, as the
 * rules check them, and what stayed unknown. Inside an OpenWrt {@code etc/} tree the script is read with
 * that router, as {@code lint} reads it.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, description = {"Print the firewall commands a firewall.user script would run, in order,",
        "with the source line of each and what routerls could not work out."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
    String format;

    @Parameters(index = "0", paramLabel = "FIREWALL_USER", description = "the script (e.g. etc/firewall.user)")
    Path script;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("routerls: --format must be text or json, not '" + format + "'");
            return 2;
        }
        if (!Files.isRegularFile(script)) {
            System.err.println("routerls: " + script + ": no such file");
            return 2;
        }
        Router router;
        try {
            router = RouterReader.read(routerFiles(), AnalysisSettings.DEFAULT);
        } catch (IOException e) {
            System.err.println("routerls: " + e.getMessage());
            return 2;
        }
        Optional<ScriptRunListing> run = ScriptRunListing.of(router);
        if (run.isEmpty()) {
            // rc.local and openwrt_release are read as what their names say, not as firewall.user
            System.err.println("routerls: " + script + " is not read as a firewall.user script");
            return 2;
        }
        ScriptRunListing listing = run.get();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (format.equals("json")) {
            out.println(toJson(listing));
        } else {
            printText(listing, out);
        }
        return 0;
    }

    /** The script, read as firewall.user whatever its name, and the rest of its router when it has one. */
    private List<SourceFile> routerFiles() throws IOException {
        Path root = RouterLocator.rootOf(script);
        String uri = script.toAbsolutePath().normalize().toUri().toString();
        TextDecoder.Decoded d = TextDecoder.decodeDetailed(Files.readAllBytes(script));
        List<SourceFile> files = new ArrayList<>();
        files.add(new SourceFile(uri, d.text(), LanguageId.OPENWRT_FIREWALL_USER,
                root == null ? null : root.toUri().toString(), d.encoding()));
        if (root != null) {
            for (SourceFile f : new FileCollector().collect(List.of(root))) {
                if (!f.uri().equals(uri) && f.language() != LanguageId.OPENWRT_FIREWALL_USER) files.add(f);
            }
        }
        return files;
    }

    private void printText(ScriptRunListing l, PrintStream out) {
        long conditional = l.commands().stream().filter(ScriptRunListing.Entry::conditional).count();
        out.printf("%s: %d firewall command(s)%s, %d place(s) not worked out%s%n", script, l.commands().size(),
                conditional > 0 ? " (" + conditional + " only under a condition routerls cannot decide)" : "",
                l.unknown().size(), l.complete() ? "" : "; evaluation stopped at its step limit");
        for (ScriptRunListing.Entry e : l.commands()) {
            StringBuilder line = new StringBuilder();
            line.append(String.format("%5d  %s%s", e.range().startLine() + 1, e.conditional() ? "? " : "", e.display()));
            List<String> notes = new ArrayList<>();
            for (LoopIteration it : e.loops()) notes.add("loop at line " + (it.loop().startLine() + 1) + ", pass " + it.iteration());
            for (ScriptRunListing.Device dev : e.devices()) {
                notes.add(dev.device() + " = " + dev.interfaceName().map(i -> "interface '" + i + "'"
                        + dev.proto().map(p -> " (proto " + p + ")").orElse("")).orElse("no interface of this router"));
            }
            if (!notes.isEmpty()) line.append("    # ").append(String.join("; ", notes));
            out.println(line);
        }
        if (!l.unknown().isEmpty()) {
            out.println("not worked out:");
            for (ScriptRunListing.Unknown u : l.unknown()) {
                out.printf("%5d:%d  %s%n", u.range().startLine() + 1, u.range().startColumn() + 1, u.reason());
            }
        }
    }

    private String toJson(ScriptRunListing l) {
        JsonObject root = new JsonObject();
        root.addProperty("path", script.toString());
        root.addProperty("complete", l.complete());
        JsonArray commands = new JsonArray();
        for (ScriptRunListing.Entry e : l.commands()) {
            JsonObject c = new JsonObject();
            c.addProperty("line", e.range().startLine() + 1);
            c.addProperty("command", e.display());
            JsonArray argv = new JsonArray();
            e.argv().forEach(argv::add);
            c.add("argv", argv);
            c.addProperty("known", e.known());
            c.addProperty("conditional", e.conditional());
            JsonArray loops = new JsonArray();
            for (LoopIteration it : e.loops()) {
                JsonObject o = new JsonObject();
                o.addProperty("line", it.loop().startLine() + 1);
                o.addProperty("pass", it.iteration());
                loops.add(o);
            }
            c.add("loops", loops);
            JsonArray devices = new JsonArray();
            for (ScriptRunListing.Device dev : e.devices()) {
                JsonObject o = new JsonObject();
                o.addProperty("device", dev.device());
                o.addProperty("interface", dev.interfaceName().orElse(null));
                o.addProperty("proto", dev.proto().orElse(null));
                devices.add(o);
            }
            c.add("devices", devices);
            commands.add(c);
        }
        root.add("commands", commands);
        JsonArray unknown = new JsonArray();
        for (ScriptRunListing.Unknown u : l.unknown()) {
            JsonObject o = new JsonObject();
            o.addProperty("line", u.range().startLine() + 1);
            o.addProperty("column", u.range().startColumn() + 1);
            o.addProperty("reason", u.reason());
            unknown.add(o);
        }
        root.add("unknown", unknown);
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().serializeNulls().create().toJson(root);
    }
}
