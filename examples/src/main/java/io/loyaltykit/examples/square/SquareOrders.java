package io.loyaltykit.examples.square;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Where the receiver fetches an order. Square's order webhooks carry only the order's id, state and version
 * ({@code data.object.order_updated}); the lines, tenders and returns come from the Orders API.
 *
 * <pre>{@code
 * SquareOrders orders = SquareOrders.api(URI.create("https://connect.squareup.com"), accessToken);
 * Optional<JsonNode> order = orders.retrieve("CAISENgvlJ6jLWAzERDzjyHVybY");
 * }</pre>
 */
@FunctionalInterface
public interface SquareOrders {

    /**
     * The {@code order} object of {@code GET /v2/orders/{order_id}}, or empty when Square does not know the
     * order. Throws {@link IOException} when Square could not be asked (the webhook is then answered 503 so
     * Square delivers it again).
     */
    Optional<JsonNode> retrieve(String orderId) throws IOException;

    /** The Orders API at this base URL ({@code https://connect.squareup.com}, or the sandbox), with this token. */
    static SquareOrders api(URI baseUrl, String accessToken) {
        return new SquareOrdersApi(baseUrl, accessToken, SquareOrdersApi.DEFAULT_VERSION);
    }
}
