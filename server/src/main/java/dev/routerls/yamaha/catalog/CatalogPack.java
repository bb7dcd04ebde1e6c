package dev.routerls.yamaha.catalog;

import dev.routerls.core.pack.PackedReader;
import dev.routerls.core.pack.PackedWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command catalog resource in packed form ({@link PackedWriter}), made from {@code command-catalog.json}
 * at build time (Maven's process-classes phase runs {@link #main}) with the syntax forms already parsed,
 * so a cold {@code routerls lint} of a YAMAHA config reads it without Gson, reflection or form parsing.
 * Each command's command words come first; the rest of it is a block decoded only when a line reaches
 * the command ({@link CommandCatalog.Command}).
 */
public final class CatalogPack {
    static final String RESOURCE = "/dev/routerls/yamaha/command-catalog.bin";
    private static final String FORMAT = "routerls command catalog 2";

    private static final int WORD = 0, LOOSE_WORD = 1, OPTIONAL = 2, REPEAT = 3;
    private static final int LITERAL = 0, PARAM = 1;

    private CatalogPack() {
    }

    /** Build step: {@code CatalogPack <command-catalog.json> <command-catalog.bin>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CatalogPack <command-catalog.json> <command-catalog.bin>");
            System.exit(2);
        }
        CatalogLoader.Loaded loaded;
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            loaded = CatalogLoader.read(r);
        }
        Path out = Path.of(args[1]);
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.write(out, pack(loaded));
    }

    static byte[] pack(CatalogLoader.Loaded loaded) {
        PackedWriter w = new PackedWriter(FORMAT);
        w.strings(loaded.models());
        w.count(loaded.profiles().size());
        for (ModelProfile p : loaded.profiles()) {
            w.string(p.model()).string(p.revisionLine()).optionalBool(p.portSavingByDefault()).optionalBool(p.nativeMapE())
                    .string(p.nativeMapESince()).bool(p.inReference()).string(p.source());
        }
        w.count(loaded.commands().size());
        for (CommandEntry c : loaded.commands()) {
            List<CommandCatalog.FormHead> heads = CommandCatalog.formHeads(c);
            w.count(heads.size());
            for (CommandCatalog.FormHead h : heads) {
                w.bool(h.negated()).count(h.index()).count(h.headText().length);
                for (String t : h.headText()) w.string(t);
            }
            int block = w.startBlock();
            w.string(c.id());
            patterns(w, c.forms());
            patterns(w, c.noForms());
            w.count(c.params().size());
            for (Map.Entry<String, ParamSpec> e : c.params().entrySet()) {
                ParamSpec p = e.getValue();
                w.string(e.getKey()).string(p.kind()).strings(p.values()).optionalInt64(p.min()).optionalInt64(p.max())
                        .optionalBool(p.list()).string(p.defaultValue());
                w.bool(p.defaults() != null);
                if (p.defaults() != null) {
                    w.count(p.defaults().size());
                    for (ParamSpec.ModelDefault d : p.defaults()) w.string(d.value()).strings(d.models());
                }
            }
            w.strings(c.models());
            w.count(c.limits().size());
            for (RevisionLimit l : c.limits()) {
                w.string(l.keyword()).string(l.param()).string(l.model()).string(l.since()).string(l.after())
                        .optionalBool(l.never());
            }
            w.endBlock(block);
        }
        return w.toByteArray();
    }

    /** The catalog's source: models, profiles and each command's command words now, the rest on first use. */
    static CommandCatalog.Source unpack(InputStream in) throws IOException {
        PackedReader r = PackedReader.of(in, FORMAT);
        List<String> models = r.strings();
        ModelProfile[] profiles = new ModelProfile[r.count()];
        for (int i = 0; i < profiles.length; i++) {
            profiles[i] = new ModelProfile(r.string(), r.string(), r.optionalBool(), r.optionalBool(), r.string(), r.bool(),
                    r.string());
        }
        CommandCatalog.Indexed[] commands = new CommandCatalog.Indexed[r.count()];
        for (int i = 0; i < commands.length; i++) {
            CommandCatalog.FormHead[] heads = new CommandCatalog.FormHead[r.count()];
            for (int j = 0; j < heads.length; j++) {
                boolean negated = r.bool();
                int index = r.count();
                String[] text = new String[r.count()];
                for (int k = 0; k < text.length; k++) text[k] = r.string();
                heads[j] = new CommandCatalog.FormHead(negated, index, text);
            }
            PackedReader body = r.skipBlock();
            commands[i] = new CommandCatalog.Indexed(new CommandCatalog.Command(() -> entry(body)), List.of(heads));
        }
        if (!r.atEnd()) throw new IOException("packed command catalog has data past its last command");
        return new CommandCatalog.Source(models, List.of(profiles), List.of(commands));
    }

    /** One command's block (read once: {@link CommandCatalog.Command} keeps what it gives). */
    private static CommandEntry entry(PackedReader r) {
        String id = r.string();
        List<SyntaxPattern> forms = patterns(r);
        List<SyntaxPattern> noForms = patterns(r);
        int n = r.count();
        Map<String, ParamSpec> params = n == 0 ? Map.of() : new LinkedHashMap<>(n * 2);
        for (int j = 0; j < n; j++) {
            String name = r.string();
            String kind = r.string();
            List<String> values = r.strings();
            Long min = r.optionalInt64(), max = r.optionalInt64();
            Boolean list = r.optionalBool();
            String defaultValue = r.string();
            List<ParamSpec.ModelDefault> defaults = null;
            if (r.bool()) {
                ParamSpec.ModelDefault[] d = new ParamSpec.ModelDefault[r.count()];
                for (int k = 0; k < d.length; k++) d[k] = new ParamSpec.ModelDefault(r.string(), r.strings());
                defaults = List.of(d);
            }
            params.put(name, new ParamSpec(kind, values, min, max, list, defaultValue, defaults));
        }
        List<String> commandModels = r.strings();
        RevisionLimit[] limits = new RevisionLimit[r.count()];
        for (int j = 0; j < limits.length; j++) {
            limits[j] = new RevisionLimit(r.string(), r.string(), r.string(), r.string(), r.string(), r.optionalBool());
        }
        if (!r.atEnd()) throw new IllegalStateException("packed command " + id + " has data past its end");
        return new CommandEntry(id, forms, noForms, n == 0 ? params : Collections.unmodifiableMap(params), commandModels,
                List.of(limits));
    }

    private static void patterns(PackedWriter w, List<SyntaxPattern> patterns) {
        w.count(patterns.size());
        for (SyntaxPattern p : patterns) nodes(w, p.nodes());
    }

    private static void nodes(PackedWriter w, List<SyntaxPattern.Node> nodes) {
        w.count(nodes.size());
        for (SyntaxPattern.Node n : nodes) node(w, n);
    }

    private static void node(PackedWriter w, SyntaxPattern.Node n) {
        if (n instanceof SyntaxPattern.Word word) {
            w.count(word.loose() ? LOOSE_WORD : WORD).count(word.parts().size());
            for (SyntaxPattern.Part p : word.parts()) {
                if (p instanceof SyntaxPattern.Literal l) w.count(LITERAL).string(l.text());
                else w.count(PARAM).string(((SyntaxPattern.Param) p).name());
            }
        } else if (n instanceof SyntaxPattern.Optional o) {
            w.count(OPTIONAL);
            nodes(w, o.nodes());
        } else {
            w.count(REPEAT);
            node(w, ((SyntaxPattern.Repeat) n).node());
        }
    }

    private static List<SyntaxPattern> patterns(PackedReader r) {
        SyntaxPattern[] out = new SyntaxPattern[r.count()];
        for (int i = 0; i < out.length; i++) out[i] = new SyntaxPattern(nodes(r));
        return List.of(out);
    }

    private static List<SyntaxPattern.Node> nodes(PackedReader r) {
        SyntaxPattern.Node[] out = new SyntaxPattern.Node[r.count()];
        for (int i = 0; i < out.length; i++) out[i] = node(r);
        return List.of(out);
    }

    private static SyntaxPattern.Node node(PackedReader r) {
        int tag = r.count();
        switch (tag) {
            case WORD, LOOSE_WORD -> {
                SyntaxPattern.Part[] parts = new SyntaxPattern.Part[r.count()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = r.count() == LITERAL ? new SyntaxPattern.Literal(r.string()) : new SyntaxPattern.Param(r.string());
                }
                return new SyntaxPattern.Word(List.of(parts), tag == LOOSE_WORD);
            }
            case OPTIONAL -> {
                return new SyntaxPattern.Optional(nodes(r));
            }
            case REPEAT -> {
                return new SyntaxPattern.Repeat(node(r));
            }
            default -> throw new IllegalStateException("packed command catalog: unknown syntax node " + tag);
        }
    }
}
