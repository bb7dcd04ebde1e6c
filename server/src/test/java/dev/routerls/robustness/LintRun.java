package dev.routerls.robustness;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.routerls.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the {@code routerls} CLI in-process, with what it printed on stdout and stderr.
 * System.out/err are swapped while it runs, so runs are serialised.
 */
public record LintRun(int exit, String out, String err) {

    public static synchronized LintRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new LintRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The non-empty lines of stdout. */
    public List<String> lines() {
        return out.isBlank() ? List.of() : List.of(out.strip().split("\\R"));
    }

    /** stdout read as the lint JSON report. */
    public JsonObject json() {
        return JsonParser.parseString(out).getAsJsonObject();
    }

    /** The {@code files} array of the JSON report, as objects. */
    public List<JsonObject> files() {
        List<JsonObject> out = new ArrayList<>();
        JsonArray arr = json().getAsJsonArray("files");
        for (JsonElement e : arr) out.add(e.getAsJsonObject());
        return out;
    }

    /** Every diagnostic object of the JSON report, across files. */
    public List<JsonObject> diagnostics() {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject f : files()) {
            for (JsonElement d : f.getAsJsonArray("diagnostics")) out.add(d.getAsJsonObject());
        }
        return out;
    }

    public String describe() {
        return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
