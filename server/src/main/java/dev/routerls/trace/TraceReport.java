package dev.routerls.trace;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.PrintStream;
import java.util.function.Function;

/**
 * The two renderings of a trace, for the CLI and the editor alike. JSON is the contract: exactly the fields
 * {@code routerls trace} documents, lines 1-based. A step of an OpenWrt trace names its file at the start of
 * its detail (the JSON keeps the one {@code line} field). Text is for people.
 */
public final class TraceReport {
    private TraceReport() {
    }

    /** {@code fileOf} gives the file a step's uri names, as the user knows it, or null for a single-file config. */
    public static String toJson(TraceResult r, Function<String, String> fileOf) {
        return gson(json(r, fileOf));
    }

    /** The JSON contract as a tree (the language server returns it from {@code routerls.trace}). */
    public static JsonObject json(TraceResult r, Function<String, String> fileOf) {
        JsonObject o = new JsonObject();
        o.addProperty("disposition", r.disposition().label());
        o.addProperty("egress", r.egress());
        o.addProperty("src", r.src());
        o.addProperty("srcPorts", r.srcPorts());
        o.addProperty("dst", r.dst());
        JsonArray nat = new JsonArray();
        for (NatApplied n : r.nat()) {
            JsonObject j = new JsonObject();
            j.addProperty("descriptor", n.descriptor());
            j.addProperty("kind", n.kind());
            j.addProperty("line", n.line());
            nat.add(j);
        }
        o.add("nat", nat);
        if (r.filter() == null) {
            o.add("filter", null);
        } else {
            JsonObject f = new JsonObject();
            f.addProperty("number", r.filter().number());
            f.addProperty("line", r.filter().line());
            o.add("filter", f);
        }
        JsonArray steps = new JsonArray();
        for (TraceStep s : r.steps()) {
            JsonObject j = new JsonObject();
            j.addProperty("step", s.kind());
            j.addProperty("line", s.line());
            String file = s.uri() == null ? null : fileOf.apply(s.uri());
            j.addProperty("detail", file == null ? s.detail() : file + ": " + s.detail());
            steps.add(j);
        }
        o.add("steps", steps);
        return o;
    }

    public static String toJson(ArpAnswer a) {
        JsonObject o = new JsonObject();
        o.addProperty("answeredBy", a.answeredBy());
        o.addProperty("reason", a.reason());
        o.addProperty("line", a.line());
        return gson(o);
    }

    private static String gson(JsonObject o) {
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(o);
    }

    public static void printText(TraceResult r, String from, String original, Function<String, String> fileOf, PrintStream out) {
        out.print(text(r, from, original, fileOf));
    }

    /** The text rendering: a summary line, the addresses the packet leaves with, then one line per step. */
    public static String text(TraceResult r, String from, String original, Function<String, String> fileOf) {
        java.io.StringWriter w = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(w);
        out.println(r.disposition().label() + ": " + original + " from " + from
                + (r.egress() == null ? "" : ", out of " + r.egress()));
        out.println("  leaves as  src " + r.src() + (r.srcPorts() == null ? "" : " ports " + r.srcPorts()) + ", dst " + r.dst());
        for (NatApplied n : r.nat()) {
            out.println("  nat        " + (n.descriptor() == null ? "" : "descriptor " + n.descriptor() + " ") + n.kind()
                    + where(n.uri(), n.line(), fileOf));
        }
        if (r.filter() != null) {
            out.println("  decided by " + (r.filter().number() == null ? "" : "filter " + r.filter().number() + " ")
                    .concat(where(r.filter().uri(), r.filter().line(), fileOf).trim()));
        }
        for (TraceStep s : r.steps()) {
            String at = s.line() == null ? "" : where(s.uri(), s.line(), fileOf).trim();
            out.printf("  %-11s %-22s %s%n", s.kind(), at, s.detail());
        }
        out.flush();
        return w.toString();
    }

    public static void printText(ArpAnswer a, String address, String on, PrintStream out) {
        out.println("ARP for " + address + " on " + on + ": answered by " + a.answeredBy()
                + (a.line() == null ? "" : " (line " + a.line() + ")"));
        out.println("  " + a.reason());
    }

    private static String where(String uri, Integer line, Function<String, String> fileOf) {
        if (line == null) return "";
        String file = uri == null ? null : fileOf.apply(uri);
        return " (" + (file == null ? "line " + line : file + ":" + line) + ")";
    }
}
