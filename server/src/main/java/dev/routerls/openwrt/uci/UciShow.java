package dev.routerls.openwrt.uci;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A UCI file's tree as libuci holds it after loading, printed the way {@code uci show} prints it, or as
 * data. {@code uci show} writes one line per section ({@code pkg.ref=type}) followed by one line per
 * option ({@code pkg.ref.option='value'}); an anonymous section's ref is {@code @type[i]}, i counting the
 * sections of that type before it, named or not; a list is its items quoted and separated by spaces;
 * a {@code '} inside a value is written {@code '\''}. Values are libuci's bytes, printed unchanged.
 */
public final class UciShow {
    /** What a secret value is replaced with when masked. */
    public static final String MASK = "********";

    private UciShow() {
    }

    /** The {@code uci show} output of the file, as bytes; secret option values masked when asked. */
    public static byte[] show(UciFile file, boolean maskSecrets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Integer> seen = new HashMap<>();
        for (UciSection s : file.sections()) {
            String ref = ref(s, seen);
            write(out, file.packageName() + "." + ref + "=" + s.type() + "\n");
            for (UciSection.Setting o : s.settings()) {
                write(out, file.packageName() + "." + ref + "." + o.name() + "=");
                boolean first = true;
                for (UciValue v : o.values()) {
                    if (!first) out.write(' ');
                    first = false;
                    quoted(out, maskSecrets && UciOption.isSecretName(o.name())
                            ? MASK.getBytes(StandardCharsets.US_ASCII) : v.bytes());
                }
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /**
     * The tree as data: a list of sections {@code {type, name, anonymous, options}}, options in libuci's
     * order, a string for an option and a list of strings for a list. Values that are not valid UTF-8 are
     * given as {@code {"b64": …}}.
     */
    public static JsonArray toJson(UciFile file, boolean maskSecrets) {
        JsonArray out = new JsonArray();
        for (UciSection s : file.sections()) {
            JsonObject j = new JsonObject();
            j.addProperty("type", s.type());
            j.add("name", s.isAnonymous() ? JsonNull.INSTANCE : new JsonPrimitive(s.name()));
            j.addProperty("anonymous", s.isAnonymous());
            JsonObject options = new JsonObject();
            for (UciSection.Setting o : s.settings()) {
                boolean mask = maskSecrets && UciOption.isSecretName(o.name());
                if (o.list()) {
                    JsonArray items = new JsonArray();
                    for (UciValue v : o.values()) items.add(mask ? new JsonPrimitive(MASK) : bytesJson(v.bytes()));
                    options.add(o.name(), items);
                } else {
                    options.add(o.name(), mask ? new JsonPrimitive(MASK) : bytesJson(o.values().get(0).bytes()));
                }
            }
            j.add("options", options);
            out.add(j);
        }
        return out;
    }

    /** How {@code uci show} addresses a section: its name, or {@code @type[i]} when anonymous. */
    private static String ref(UciSection s, Map<String, Integer> seen) {
        int index = seen.merge(s.type(), 1, Integer::sum) - 1;
        return s.isAnonymous() ? "@" + s.type() + "[" + index + "]" : s.name();
    }

    private static void quoted(ByteArrayOutputStream out, byte[] value) {
        out.write('\'');
        for (byte b : value) {
            if (b == '\'') {
                write(out, "'\\''");
            } else {
                out.write(b);
            }
        }
        out.write('\'');
    }

    private static JsonElement bytesJson(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            return new JsonPrimitive(s);
        } catch (CharacterCodingException e) {
            JsonObject o = new JsonObject();
            o.addProperty("b64", Base64.getEncoder().encodeToString(b));
            return o;
        }
    }

    private static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.UTF_8));
    }

    /** The lines of {@link #show} for a file whose values are all text (tests, messages). */
    static List<String> lines(UciFile file) {
        return new String(show(file, false), StandardCharsets.UTF_8).lines().toList();
    }
}
