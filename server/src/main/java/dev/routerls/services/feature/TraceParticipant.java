package dev.routerls.services.feature;

import dev.routerls.core.net.Packet;
import dev.routerls.services.types.CodeLensEntry;
import dev.routerls.services.types.TraceOutcome;
import dev.routerls.services.types.TraceQuery;
import dev.routerls.trace.TraceException;

import java.util.List;

/** The packet trace of a language: lenses that offer it in a document, and the trace on the document's models. */
public interface TraceParticipant {
    List<CodeLensEntry> lenses(FeatureContext context);

    /** Traces {@code packet} (read from {@code query}) as {@code query} says, on the models of {@code context}. */
    TraceOutcome trace(FeatureContext context, TraceQuery query, Packet packet) throws TraceException;
}
