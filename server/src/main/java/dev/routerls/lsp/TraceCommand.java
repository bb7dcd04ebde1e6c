package dev.routerls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.routerls.services.LanguageFeatures;
import dev.routerls.services.types.TraceOutcome;
import dev.routerls.services.types.TraceQuery;
import dev.routerls.services.types.CodeLensEntry;
import dev.routerls.trace.TraceException;
import dev.routerls.trace.TraceReport;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;

import java.util.List;

/**
 * The {@code routerls.trace} command over LSP: trace lenses become code lenses, and executing the command
 * runs the trace, answers with the JSON of {@code routerls trace --format json} and shows the steps as a
 * message. Its argument is an object {@code {uri, from, src, dst, proto, connection}}.
 */
final class TraceCommand {
    static final String ID = TraceQuery.COMMAND;

    private TraceCommand() {
    }

    static CodeLens lens(CodeLensEntry e) {
        Command c = e.command() == null ? null : new Command(e.title(), e.command(), List.copyOf(e.arguments()));
        if (c == null) c = new Command(e.title(), "");
        return new CodeLens(Convert.range(e.range()), c, null);
    }

    static Object execute(ExecuteCommandParams params, LanguageFeatures features, LanguageClient client) {
        if (!ID.equals(params.getCommand())) {
            throw error(ResponseErrorCode.InvalidParams, "unknown command " + params.getCommand());
        }
        TraceQuery q = query(params.getArguments());
        try {
            TraceOutcome o = features.trace(q);
            if (client != null) {
                String what = q.proto() + " " + q.src() + " -> " + q.dst();
                client.showMessage(new MessageParams(MessageType.Info, TraceReport.text(o.result(), q.from(), what, o::fileOf)));
            }
            return TraceReport.json(o.result(), o::fileOf);
        } catch (TraceException e) {
            throw error(ResponseErrorCode.InvalidParams, e.getMessage());
        }
    }

    /** The command's argument: a JSON object with the fields of {@link TraceQuery}. */
    private static TraceQuery query(List<Object> args) {
        if (args == null || args.size() != 1 || !(args.get(0) instanceof JsonObject o)) {
            throw error(ResponseErrorCode.InvalidParams, ID + " takes one object {uri, from, src, dst, proto, connection}");
        }
        int connection = o.has("connection") && o.get("connection").isJsonPrimitive() ? o.get("connection").getAsInt() : 1;
        return new TraceQuery(string(o, "uri"), string(o, "from"), string(o, "src"), string(o, "dst"),
                o.has("proto") ? string(o, "proto") : "tcp", connection);
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    private static ResponseErrorException error(ResponseErrorCode code, String message) {
        return new ResponseErrorException(new ResponseError(code, message, null));
    }
}
