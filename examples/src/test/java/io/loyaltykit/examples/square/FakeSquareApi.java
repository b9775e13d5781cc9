package io.loyaltykit.examples.square;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loyaltykit.examples.common.Fixtures;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Square's {@code GET /v2/orders/{order_id}} on a local port, serving the order fixtures; it insists on the
 * bearer token and a Square-Version header like the real API, and records what it was asked.
 */
final class FakeSquareApi implements AutoCloseable {
    static final String TOKEN = "EAAAl-test-token";
    private static final Map<String, String> ORDERS = Map.of(
            SquareFixtures.SALE_ORDER, "order-sale.json",
            SquareFixtures.RETURN_ORDER, "order-return.json");

    final List<String> asked = new CopyOnWriteArrayList<>();
    volatile boolean down;
    private final HttpServer server;

    FakeSquareApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v2/orders/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        String id = ex.getRequestURI().getPath().substring("/v2/orders/".length());
        asked.add(id);
        int status;
        byte[] body;
        if (down) {
            status = 500;
            body = "{\"errors\":[{\"category\":\"API_ERROR\",\"code\":\"INTERNAL_SERVER_ERROR\"}]}".getBytes();
        } else if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))
                || ex.getRequestHeaders().getFirst("Square-Version") == null) {
            status = 401;
            body = "{\"errors\":[{\"category\":\"AUTHENTICATION_ERROR\",\"code\":\"UNAUTHORIZED\"}]}".getBytes();
        } else if (ORDERS.containsKey(id)) {
            status = 200;
            body = Fixtures.bytes(FakeSquareApi.class, ORDERS.get(id));
        } else {
            status = 404;
            body = "{\"errors\":[{\"category\":\"INVALID_REQUEST_ERROR\",\"code\":\"NOT_FOUND\"}]}".getBytes();
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
