package dev.routerls.services;

import dev.routerls.core.net.Packet;
import dev.routerls.services.feature.FeatureContext;
import dev.routerls.services.feature.TraceParticipant;
import dev.routerls.services.types.CodeLensEntry;
import dev.routerls.services.types.TraceOutcome;
import dev.routerls.services.types.TraceQuery;
import dev.routerls.trace.PacketSpec;
import dev.routerls.trace.TraceException;

import java.util.List;

/** The packet trace in the editor: the lenses that offer it, and running a query on a document's models. */
final class PacketTraces {
    private final Languages languages;

    PacketTraces(Languages languages) {
        this.languages = languages;
    }

    List<CodeLensEntry> lenses(FeatureContext c) {
        return languages.<TraceParticipant, CodeLensEntry>collect(c, TraceParticipant.class, p -> p.lenses(c));
    }

    TraceOutcome trace(FeatureContext c, TraceQuery q) throws TraceException {
        List<TraceParticipant> traces = languages.of(c.language(), TraceParticipant.class);
        if (traces.isEmpty()) throw new TraceException("this document is not a router config routerls traces");
        Packet packet = PacketSpec.parse(q.src(), q.dst(), q.proto());
        return traces.get(0).trace(c, q, packet);
    }
}
