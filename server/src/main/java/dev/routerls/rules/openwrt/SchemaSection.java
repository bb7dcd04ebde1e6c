package dev.routerls.rules.openwrt;

import dev.routerls.openwrt.schema.SectionSchema;
import dev.routerls.openwrt.schema.UciSchema;
import dev.routerls.openwrt.uci.UciConfigs;
import dev.routerls.openwrt.uci.UciFile;
import dev.routerls.openwrt.uci.UciSection;

import java.util.ArrayList;
import java.util.List;

/**
 * A section whose package and type the option schema knows, with that type's schema: what the
 * schema-driven rules (unknown option, invalid value) walk. Sections of unknown packages or types are
 * left out, since nothing can be said about their options.
 */
record SchemaSection(UciFile file, UciSection section, SectionSchema type) {

    static List<SchemaSection> all(UciConfigs model, UciSchema schema) {
        List<SchemaSection> out = new ArrayList<>();
        for (UciFile f : model.uciFiles()) {
            if (!schema.knowsPackage(f.packageName())) continue;
            for (UciSection s : f.sections()) {
                schema.section(f.packageName(), s.type()).ifPresent(t -> out.add(new SchemaSection(f, s, t)));
            }
        }
        return out;
    }
}
