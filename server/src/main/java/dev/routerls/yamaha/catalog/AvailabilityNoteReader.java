package dev.routerls.yamaha.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads model and firmware limits out of the notes of one reference section: sentences such as
 * "RTX1210 は、 Rev.14.01.34 以降で使用可能" (whole command) or "type パラメーターの ipv6option キーワードは、
 * … RTX1210 Rev.14.01.41 以前 … では使用不可能" (one keyword). A sentence whose subject is anything else
 * (a kind of value, an interface type, prose) is skipped: an unread fact costs a missed finding, a misread
 * one a false error. Used by the compiler only.
 */
final class AvailabilityNoteReader {
    private static final Pattern MENTION = Pattern.compile(
            "(RTX\\d{3,4}|vRX\\s*シリーズ|vRX[^、,。]*?版)|Rev\\.\\s*(\\d+\\.\\d+(?:\\.\\d+)?)\\s*(系)?");
    private static final Pattern KW_OF_PARAM = Pattern.compile("^(\\S+)\\s*パラメー?タ[ー]?の\\s*(\\S+)\\s*キーワード$");
    private static final Pattern PARAM_VALUE = Pattern.compile("^(\\S+)\\s*パラメー?タ[ー]?\\s+(\\S+)$");
    private static final Pattern OPTION = Pattern.compile("^(\\S+)\\s*(?:オプション|キーワード)$");
    private static final Pattern BARE = Pattern.compile("^([a-z0-9][\\w\\-]*)$");
    private static final Pattern MODELS_ONLY = Pattern.compile(
            "^(?:\\s|、|,|/|および|RTX\\d{3,4}|vRX\\s*シリーズ|vRX[^、,。]*?版|の)*$");

    private final Set<String> vocabulary;

    /** @param vocabulary the section's keywords (literal words after the first, option names, keyword-set values) */
    AvailabilityNoteReader(Set<String> vocabulary) {
        this.vocabulary = vocabulary;
    }

    List<RevisionLimit> read(List<String> notes) {
        StringBuilder text = new StringBuilder();
        for (String n : notes) text.append(SyntaxLineConverter.PAGE_FOOTER.matcher(n).replaceAll("").strip());
        List<RevisionLimit> out = new ArrayList<>();
        for (String sentence : text.toString().split("。")) {
            readSentence(sentence.strip().replaceFirst("^(ただし|なお)、\\s*", ""), out);
        }
        return out;
    }

    private void readSentence(String s, List<RevisionLimit> out) {
        boolean negative = s.matches(".*(不可能|できない)\\s*$");
        boolean positive = !negative && s.matches(".*可能\\s*$");
        if (!negative && !positive) return;
        String keyword = null, param = null;
        String rest = s;
        Matcher firstMention = MENTION.matcher(s);
        int firstAt = firstMention.find() ? firstMention.start() : -1;
        if (firstAt < 0) return;
        int wa = s.indexOf("は");
        if (wa >= 0 && wa < firstAt) {
            String subject = s.substring(0, wa).strip();
            Matcher m;
            if ((m = KW_OF_PARAM.matcher(subject)).matches()) {
                param = m.group(1);
                keyword = m.group(2);
            } else if ((m = PARAM_VALUE.matcher(subject)).matches()) {
                param = m.group(1);
                keyword = m.group(2);
            } else if ((m = OPTION.matcher(subject)).matches() && vocabulary.contains(m.group(1))) {
                keyword = m.group(1);
            } else if ((m = BARE.matcher(subject)).matches() && vocabulary.contains(m.group(1))) {
                keyword = m.group(1);
            } else if (!subject.isEmpty()) {
                return; // the subject is not something we can recognise on a command line
            }
            rest = s.substring(wa + 1);
        } else if (firstAt > 0 && !MODELS_ONLY.matcher(s.substring(0, firstAt)).matches()) {
            return;
        }
        if (keyword != null && param != null && !vocabulary.contains(keyword)) return;
        readItems(rest, negative, keyword, param, out);
    }

    /**
     * Walks the model and revision mentions in order; a revision applies to the models named since the
     * previous revision ("RTX5000 / RTX3500 Rev.14.00.25 以前", "RTX5000 、RTX3500 は Rev.14.00.26 以降").
     */
    private static void readItems(String text, boolean negative, String keyword, String param, List<RevisionLimit> out) {
        Matcher m = MENTION.matcher(text);
        List<String> pending = new ArrayList<>();
        while (m.find()) {
            if (m.group(1) != null) {
                String model = ModelNames.fromReference(m.group(1));
                pending.add(model == null ? "?" : model); // a vRX variant: no model name a header would carry
                continue;
            }
            String rev = m.group(2);
            if (m.group(3) != null) rev = lineOf(rev);
            String after = text.substring(m.end()).stripLeading();
            boolean upTo = after.startsWith("以前");
            boolean from = after.startsWith("以降");
            List<String> models = pending.isEmpty() ? List.of("*") : List.copyOf(pending);
            pending.clear();
            for (String model : models) {
                if (model.equals("?")) continue;
                if (negative && upTo) {
                    out.add(new RevisionLimit(keyword, param, model, null, rev, null));
                } else if (positive(negative) && from && !model.equals("*")) {
                    out.add(new RevisionLimit(keyword, param, model, rev, null, null));
                }
            }
        }
        if (negative) {
            for (String model : pending) {
                if (!model.equals("?")) out.add(new RevisionLimit(keyword, param, model, null, null, Boolean.TRUE));
            }
        }
    }

    private static boolean positive(boolean negative) {
        return !negative;
    }

    private static String lineOf(String rev) {
        String[] p = rev.split("\\.");
        return p[0] + "." + p[1];
    }
}
