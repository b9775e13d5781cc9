package io.loyaltykit.examples.square;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SquareOrders} on Square's Orders API ({@code RetrieveOrder}) with the JDK's HTTP client.
 *
 * <pre>{@code
 * SquareOrders orders = new SquareOrdersApi(URI.create("https://connect.squareupsandbox.com"), token, "2024-03-20");
 * }</pre>
 */
public final class SquareOrdersApi implements SquareOrders {
    /** The Square API version requested when none is given. */
    public static final String DEFAULT_VERSION = "2024-03-20";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final URI base;
    private final String token;
    private final String version;
    private final HttpClient client;

    /**
     * A client.
     *
     * @param baseUrl     {@code https://connect.squareup.com} or {@code https://connect.squareupsandbox.com}
     * @param accessToken an access token with {@code ORDERS_READ}
     * @param version     the {@code Square-Version} to request
     */
    public SquareOrdersApi(URI baseUrl, String accessToken, String version) {
        this.base = Objects.requireNonNull(baseUrl, "baseUrl");
        this.token = Objects.requireNonNull(accessToken, "accessToken");
        this.version = Objects.requireNonNull(version, "version");
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public Optional<JsonNode> retrieve(String orderId) throws IOException {
        URI uri = base.resolve("/v2/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(8))
                .header("Authorization", "Bearer " + token)
                .header("Square-Version", version)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking Square for order " + orderId, e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("Square answered " + response.statusCode() + " for order " + orderId);
        }
        JsonNode order = JSON.readTree(response.body()).get("order");
        if (order == null || !order.isObject()) {
            throw new IOException("Square's answer for order " + orderId + " has no order object");
        }
        return Optional.of(order);
    }
}
