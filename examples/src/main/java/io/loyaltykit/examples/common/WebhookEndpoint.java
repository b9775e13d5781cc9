package io.loyaltykit.examples.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on the JDK's own HTTP server: POST only, one exact path, a bounded body, JSON answers.
 * Subclasses turn the raw body into a {@link Reply}. A store that cannot commit answers 503 so the sender
 * delivers again later (idempotent event ids make that safe); anything unexpected answers 500.
 *
 * <pre>{@code
 * try (LoyverseWebhookReceiver receiver = LoyverseWebhookReceiver.builder(loyalty, store, mapper).build()) {
 *     receiver.start(new InetSocketAddress(8080));
 *     ...
 * }
 * }</pre>
 */
public abstract class WebhookEndpoint implements HttpHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);
    /** The largest body accepted; POS webhooks are a few kilobytes. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /** JSON with decimals kept exact: money never passes through a double. */
    protected static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String path;
    private HttpServer server;
    private ExecutorService executor;

    /** An endpoint answering at this exact path. */
    protected WebhookEndpoint(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        this.path = path;
    }

    /**
     * An answer: HTTP status and a body serialised as JSON.
     *
     * @param status HTTP status
     * @param body   JSON body (maps, lists, strings, numbers)
     */
    public record Reply(int status, Object body) {
        /** A 200 with this body. */
        public static Reply ok(Object body) {
            return new Reply(200, body);
        }

        /** An error status with {@code {"error": message}}. */
        public static Reply error(int status, String message) {
            return new Reply(status, Map.of("error", message));
        }
    }

    /** The path this endpoint answers at. */
    public String path() {
        return path;
    }

    /** Handles one delivery whose method and path are right. */
    protected abstract Reply receive(Headers headers, byte[] body) throws IOException;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            if (!path.equals(exchange.getRequestURI().getPath())) {
                reply = Reply.error(404, "no such endpoint");
            } else if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "POST");
                reply = Reply.error(405, "only POST is accepted");
            } else {
                byte[] body = readBody(exchange.getRequestBody());
                reply = body == null ? Reply.error(413, "the body is larger than " + MAX_BODY_BYTES + " bytes")
                        : receive(exchange.getRequestHeaders(), body);
            }
        } catch (JsonProcessingException e) {
            reply = Reply.error(400, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (LoyaltyException e) {
            if (e.code() == ErrorCode.STORE_UNAVAILABLE) {
                LOG.warn("store unavailable, asking the sender to deliver again: {}", e.getMessage());
                reply = Reply.error(503, e.getMessage());
            } else {
                reply = Reply.error(400, e.code() + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("webhook at {} failed", path, e);
            reply = Reply.error(500, "internal error");
        }
        byte[] out = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            int n;
            while ((n = in.read(chunk)) != -1) {
                if (buf.size() + n > MAX_BODY_BYTES) {
                    return null;
                }
                buf.write(chunk, 0, n);
            }
            return buf.toByteArray();
        }
    }

    /** Starts an HTTP server for this endpoint; port 0 picks a free one. Returns the bound address. */
    public synchronized InetSocketAddress start(InetSocketAddress address) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started on " + server.getAddress());
        }
        HttpServer s = HttpServer.create(address, 0);
        s.createContext(path, this);
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "webhook" + path.replace('/', '-'));
            t.setDaemon(true);
            return t;
        });
        s.setExecutor(executor);
        s.start();
        server = s;
        LOG.info("webhook listening on {}{}", s.getAddress(), path);
        return s.getAddress();
    }

    /** The port the server is bound to. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops the server, if started. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
            executor = null;
        }
    }
}
