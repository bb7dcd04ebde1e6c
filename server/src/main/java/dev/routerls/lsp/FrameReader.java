package dev.routerls.lsp;

import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads {@code Content-Length} framed JSON-RPC messages and survives broken frames: a header whose length
 * is no number, a body shorter or longer than its header says, a message sent without a header. Such a
 * frame is logged and dropped, and reading resumes at the next {@code Content-Length:} header, so one bad
 * frame never leaves the server running but deaf. (LSP4J's own reader loses every later message.)
 */
final class FrameReader implements MessageProducer, Closeable {
    private static final Logger LOG = Logger.getLogger(FrameReader.class.getName());
    private static final byte[] HEADER = "content-length:".getBytes(StandardCharsets.US_ASCII);
    /** Larger bodies are refused: no editor sends a 256 MB document, and reading one would exhaust the heap. */
    private static final int MAX_BODY = 256 * 1024 * 1024;

    private final InputStream in;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    /** Bytes read ahead and given back (the rest of an over-long body), read before the stream. */
    private byte[] back = new byte[0];
    private int backPos;
    private volatile boolean running = true;

    FrameReader(InputStream in, MessageJsonHandler json, MessageIssueHandler issues) {
        this.in = in;
        this.json = json;
        this.issues = issues;
    }

    @Override
    public void listen(MessageConsumer consumer) throws JsonRpcException {
        try {
            while (running) {
                int length = header();
                if (length < 0) return; // end of input
                byte[] body = readBody(length);
                if (body.length < length) {
                    LOG.warning("routerls: the input ended inside a frame (" + body.length + " of " + length + " bytes)");
                    return;
                }
                handle(body, consumer);
            }
        } catch (IOException e) {
            if (running) throw new JsonRpcException(e);
        }
    }

    /** Reads header lines until the blank line after a valid Content-Length; -1 at the end of input. */
    private int header() throws IOException {
        int length = -1;
        long skipped = 0;
        while (true) {
            byte[] line = line();
            if (line == null) return -1;
            int at = indexOfHeader(line);
            if (at >= 0) {
                skipped += at;
                String value = new String(line, at + HEADER.length, line.length - at - HEADER.length, StandardCharsets.US_ASCII).trim();
                length = parseLength(value);
                if (length < 0) LOG.warning("routerls: ignored a frame whose Content-Length is not a length: '" + shorten(value) + "'");
            } else if (line.length == 0) {
                if (length < 0) continue;
                if (skipped > 0) LOG.warning("routerls: skipped " + skipped + " bytes that were not part of a JSON-RPC frame");
                return length;
            } else if (length < 0) {
                skipped += line.length + 1;   // not a header: text between frames
            }
            // other header lines (Content-Type) are ignored
        }
    }

    private static int parseLength(String value) {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(Character::isDigit)) return -1;
        long n = Long.parseLong(value);
        return n > MAX_BODY ? -1 : (int) n;
    }

    private void handle(byte[] body, MessageConsumer consumer) {
        int end = JsonExtent.end(body);
        if (end < 0) {
            LOG.warning("routerls: dropped a frame whose " + body.length + " bytes are not one complete JSON message"
                    + " (its Content-Length is probably too small)");
            return;
        }
        if (hasContentAfter(body, end)) {
            // the header promised more bytes than the message has: what follows is the next frame
            LOG.warning("routerls: a frame's Content-Length is " + (body.length - end) + " bytes too large; reading on"
                    + " from the end of its message");
            unread(Arrays.copyOfRange(body, end, body.length));
        }
        Message message;
        try {
            message = json.parseMessage(new String(body, 0, end, StandardCharsets.UTF_8));
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
            return;
        } catch (RuntimeException e) {
            LOG.warning("routerls: dropped a frame that is not a JSON-RPC message: " + e.getClass().getSimpleName());
            return;
        }
        try {
            consumer.consume(message);
        } catch (MessageIssueException e) {
            issues.handle(e.getRpcMessage(), e.getIssues());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "routerls: failed to handle a message", e);
        }
    }

    private static boolean hasContentAfter(byte[] body, int end) {
        for (int i = end; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) return true;
        }
        return false;
    }

    private static int indexOfHeader(byte[] line) {
        outer:
        for (int i = 0; i + HEADER.length <= line.length; i++) {
            for (int j = 0; j < HEADER.length; j++) {
                if (Character.toLowerCase(line[i + j]) != HEADER[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** One line without its CR LF, or null at the end of input. */
    private byte[] line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = read()) != -1) {
            if (c == '\n') break;
            b.write(c);
            if (b.size() > MAX_BODY) break;
        }
        if (c == -1 && b.size() == 0) return null;
        byte[] out = b.toByteArray();
        int n = out.length;
        if (n > 0 && out[n - 1] == '\r') return Arrays.copyOf(out, n - 1);
        return out;
    }

    private int read() throws IOException {
        if (backPos < back.length) return back[backPos++] & 0xff;
        return in.read();
    }

    private byte[] readBody(int length) throws IOException {
        byte[] out = new byte[length];
        int n = 0;
        while (n < length && backPos < back.length) out[n++] = back[backPos++];
        while (n < length) {
            int r = in.read(out, n, length - n);
            if (r < 0) return Arrays.copyOf(out, n);
            n += r;
        }
        return out;
    }

    private void unread(byte[] bytes) {
        byte[] rest = Arrays.copyOfRange(back, backPos, back.length);
        byte[] joined = new byte[bytes.length + rest.length];
        System.arraycopy(bytes, 0, joined, 0, bytes.length);
        System.arraycopy(rest, 0, joined, bytes.length, rest.length);
        back = joined;
        backPos = 0;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    public void close() {
        running = false;
    }

    /** Where the first JSON value of a byte array ends, scanning strings and nesting only (no parse). */
    static final class JsonExtent {
        private JsonExtent() {
        }

        /** Index just after the first complete top-level object or array, or -1 when it is cut short. */
        static int end(byte[] b) {
            int i = 0;
            while (i < b.length && Character.isWhitespace(b[i])) i++;
            if (i == b.length || (b[i] != '{' && b[i] != '[')) return -1;
            int depth = 0;
            boolean inString = false;
            for (; i < b.length; i++) {
                byte c = b[i];
                if (inString) {
                    if (c == '\\') i++;
                    else if (c == '"') inString = false;
                    continue;
                }
                switch (c) {
                    case '"' -> inString = true;
                    case '{', '[' -> depth++;
                    case '}', ']' -> {
                        if (--depth == 0) return i + 1;
                    }
                    default -> { }
                }
            }
            return -1;
        }
    }
}
