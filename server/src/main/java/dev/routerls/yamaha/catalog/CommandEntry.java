package dev.routerls.yamaha.catalog;

import java.util.List;
import java.util.Map;

/**
 * One command of the catalog (one reference section): its syntax forms, parameter kinds, the models that
 * have it and its revision limits.
 */
public record CommandEntry(String id, List<SyntaxPattern> forms, List<SyntaxPattern> noForms,
                           Map<String, ParamSpec> params, List<String> models, List<RevisionLimit> limits) {

    private static final ParamSpec FREE = ParamSpec.text();

    public ParamSpec param(String name) {
        return params.getOrDefault(name, FREE);
    }

    public boolean isInterfaceSlot(String name) {
        return ParamSpec.INTERFACE.equals(param(name).kind()) || name.equals("interface") && !params.containsKey(name);
    }

    /** The command words of the first form, e.g. "nat descriptor type" or "ip interface address". */
    public String name() {
        SyntaxPattern p = forms.isEmpty() ? noForms.get(0) : forms.get(0);
        StringBuilder sb = new StringBuilder();
        for (SyntaxPattern.Word w : p.head(this::isInterfaceSlot)) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(w.isLiteral() ? w.literalText() : w.soleParam());
        }
        return sb.length() == 0 ? p.display() : sb.toString();
    }
}
