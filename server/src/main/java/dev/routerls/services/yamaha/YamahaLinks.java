package dev.routerls.services.yamaha;

import dev.routerls.core.SourceRange;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.LinkParticipant;
import dev.routerls.services.types.DocumentLink;
import dev.routerls.yamaha.ConfigLine;
import dev.routerls.yamaha.parse.Word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code emfs:NAME} (as in {@code schedule at 1 startup * lua emfs:/notify.lua}) leads to the
 * {@code embedded file NAME} block of the same config that holds the file. A name no block defines gets no
 * link (the undefined-reference rule reports it).
 */
final class YamahaLinks implements LinkParticipant {
    private static final String EMFS = "emfs:";

    @Override
    public List<DocumentLink> links(FeatureContext c) {
        Map<String, SourceRange> files = new HashMap<>();
        List<ConfigLine> lines = c.yamaha().lines();
        for (ConfigLine cl : lines) {
            List<Word> w = cl.parsed().words();
            if (w.size() >= 3 && w.get(0).text().equalsIgnoreCase("embedded") && w.get(1).text().equalsIgnoreCase("file")) {
                files.putIfAbsent(w.get(2).text(), cl.positions().range(0, cl.parsed().text().length()));
            }
        }
        List<DocumentLink> out = new ArrayList<>();
        if (files.isEmpty()) return out;
        for (ConfigLine cl : lines) {
            for (Word w : cl.parsed().words()) {
                if (!w.text().toLowerCase(Locale.ROOT).startsWith(EMFS)) continue;
                String name = w.text().substring(EMFS.length());
                while (name.startsWith("/")) name = name.substring(1);
                SourceRange target = files.get(name);
                if (target != null) {
                    out.add(new DocumentLink(cl.positions().range(w), c.uri(), target, "embedded file " + name));
                }
            }
        }
        return out;
    }
}
