package dev.routerls.yamaha.catalog;

/**
 * One availability fact from the reference notes, for a whole command ({@code keyword == null}) or for
 * one keyword/option of it ({@code param}, when given, names the slot the keyword must stand in).
 * Exactly one of: {@code since} (available from that revision on), {@code after} (not available up to
 * and including that revision), {@code never} (not available on that model). {@code model} "*" means
 * every model.
 */
public record RevisionLimit(String keyword, String param, String model, String since, String after, Boolean never) {

    public boolean appliesTo(String canonicalModel) {
        return model.equals("*") || model.equals(canonicalModel);
    }

    /**
     * Whether the fact rules out the given revision; {@code revision} null (unknown) only fails a
     * {@code never} fact.
     */
    public boolean excludes(Revision revision) {
        if (Boolean.TRUE.equals(never)) return true;
        if (revision == null) return false;
        if (since != null) return !Revision.parse(since).atOrBefore(revision);
        if (after != null) return Revision.parse(after).atOrAfter(revision);
        return false;
    }

    /** English statement of the fact, e.g. "RTX1210 needs Rev.14.01.34 or later". */
    public String describe() {
        String who = model.equals("*") ? "every model" : model;
        if (Boolean.TRUE.equals(never)) return "not available on " + who;
        if (since != null) return who + " needs Rev." + since + (Revision.parse(since).isLine() ? " line" : "") + " or later";
        return who + " needs a revision later than Rev." + after + (Revision.parse(after).isLine() ? " line" : "");
    }
}
