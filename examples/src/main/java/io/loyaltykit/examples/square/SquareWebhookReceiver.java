package io.loyaltykit.examples.square;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import io.loyaltykit.Loyalty;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Event;
import io.loyaltykit.examples.common.Delivery;
import io.loyaltykit.examples.common.JsonFields;
import io.loyaltykit.examples.common.Originals;
import io.loyaltykit.examples.common.Outcome;
import io.loyaltykit.examples.common.WebhookEndpoint;
import io.loyaltykit.store.LoyaltyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Receives Square's {@code order.created} and {@code order.updated} webhooks, verifies
 * {@code x-square-hmacsha256-signature} before reading anything, fetches the completed order from the Orders
 * API and applies it through a {@link SquareMapper}.
 *
 * <ul>
 *   <li>Bad or missing signature: 401, nothing parsed, fetched or applied.</li>
 *   <li>An order not {@code COMPLETED}, or another event type: 200 with {@code "ignored"}.</li>
 *   <li>A completed order: 200 with one result per event (the purchase, each return).</li>
 *   <li>Square or the store unreachable: 503, so Square delivers the webhook again.</li>
 * </ul>
 *
 * <p>Safe under redelivery: Square retries for up to 24 hours and sends both {@code order.created} and
 * {@code order.updated} for one sale; event ids come from the order id, so every later delivery of the same
 * completed order is a {@code duplicate} that changes nothing.
 *
 * <pre>{@code
 * SquareWebhookReceiver receiver = SquareWebhookReceiver.builder(loyalty, store, mapper,
 *         SquareOrders.api(URI.create("https://connect.squareup.com"), accessToken))
 *     .signature(signatureKey, "https://loyalty.example.com/square/webhook")
 *     .build();
 * receiver.start(new InetSocketAddress(8080));   // path /square/webhook, from the notification URL
 * }</pre>
 */
public final class SquareWebhookReceiver extends WebhookEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SquareWebhookReceiver.class);

    private final SquareSignature signature;
    private final SquareMapper mapper;
    private final SquareOrders orders;
    private final Originals originals;
    private final Delivery delivery;

    private SquareWebhookReceiver(Builder b, String path) {
        super(path);
        this.signature = b.signature;
        this.mapper = b.mapper;
        this.orders = b.orders;
        this.originals = Originals.in(b.store);
        Delivery d = Delivery.to(b.loyalty);
        this.delivery = b.enroll ? d.enrollingUnknownMembers(b.mapper.prefix()) : d;
    }

    /**
     * A builder; {@link Builder#signature(String, String)} is required.
     *
     * @param loyalty the facade orders are applied to
     * @param store   the store behind it (returns look their sale up there)
     * @param mapper  how orders become events
     * @param orders  where orders are fetched
     */
    public static Builder builder(Loyalty loyalty, LoyaltyStore store, SquareMapper mapper, SquareOrders orders) {
        return new Builder(loyalty, store, mapper, orders);
    }

    @Override
    protected Reply receive(Headers headers, byte[] body) throws IOException {
        if (!signature.verify(headers.getFirst(SquareSignature.HEADER), body)) {
            LOG.warn("refused a webhook whose signature does not match");
            return Reply.error(401, "the " + SquareSignature.HEADER + " header does not match the body");
        }
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject()) {
            return Reply.error(400, "the body must be a JSON object");
        }
        String type = JsonFields.text(root, "type");
        if (!"order.created".equals(type) && !"order.updated".equals(type)) {
            return Reply.ok(Map.of("ignored", String.valueOf(type)));
        }
        JsonNode object = root.path("data").path("object");
        JsonNode summary = object.has("order_updated") ? object.get("order_updated") : object.get("order_created");
        String orderId = JsonFields.text(summary, "order_id");
        if (orderId == null) {
            return Reply.error(400, "the webhook names no order (data.object." + type.replace('.', '_') + ".order_id)");
        }
        String state = JsonFields.text(summary, "state");
        if (!"COMPLETED".equals(state)) {
            return Reply.ok(Map.of("ignored", "order " + orderId + " is " + state));
        }
        Optional<JsonNode> order;
        try {
            order = orders.retrieve(orderId);
        } catch (IOException e) {
            LOG.warn("could not fetch order {}: {}", orderId, e.toString());
            return Reply.error(503, "could not fetch order " + orderId + " from Square; deliver again later");
        }
        if (order.isEmpty()) {
            return Reply.ok(Map.of("ignored", "Square does not know order " + orderId));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Outcome o : accept(order.get())) {
            results.add(o.toMap());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("order", orderId);
        answer.put("results", results);
        return Reply.ok(answer);
    }

    /** Maps and applies one order; a store that cannot commit throws. */
    public List<Outcome> accept(JsonNode order) {
        String reference = mapper.orderId(String.valueOf(JsonFields.text(order, "id")));
        List<Event> events;
        try {
            events = mapper.map(order, originals);
        } catch (LoyaltyException e) {
            return List.of(Outcome.rejected(reference, e.code(), e.getMessage()));
        }
        if (events.isEmpty()) {
            return List.of(Outcome.skipped(reference, "the order holds nothing to earn or return"));
        }
        List<Outcome> out = new ArrayList<>();
        for (Event e : events) {
            out.add(delivery.deliver(e));
        }
        return out;
    }

    /** Builds a {@link SquareWebhookReceiver}. */
    public static final class Builder {
        private final Loyalty loyalty;
        private final LoyaltyStore store;
        private final SquareMapper mapper;
        private final SquareOrders orders;
        private SquareSignature signature;
        private String notificationUrl;
        private String path;
        private boolean enroll;

        private Builder(Loyalty loyalty, LoyaltyStore store, SquareMapper mapper, SquareOrders orders) {
            this.loyalty = Objects.requireNonNull(loyalty, "loyalty");
            this.store = Objects.requireNonNull(store, "store");
            this.mapper = Objects.requireNonNull(mapper, "mapper");
            this.orders = Objects.requireNonNull(orders, "orders");
        }

        /**
         * The subscription's signature key and its notification URL exactly as registered with Square (the
         * signature covers it; behind a proxy it is the public URL, not this server's).
         */
        public Builder signature(String signatureKey, String notificationUrl) {
            this.signature = new SquareSignature(signatureKey, notificationUrl);
            this.notificationUrl = notificationUrl;
            return this;
        }

        /** The path to listen at; default the notification URL's path. */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Whether a Square customer LoyaltyKit does not know is enrolled on their first order (enrolment id
         * {@code PREFIX:enroll:CUSTOMER_ID}); default false: such orders are rejected with UNKNOWN_MEMBER.
         */
        public Builder enrollUnknownMembers(boolean enroll) {
            this.enroll = enroll;
            return this;
        }

        /** The receiver (not started); fails without a signature key. */
        public SquareWebhookReceiver build() {
            if (signature == null) {
                throw new IllegalStateException("a Square receiver needs the signature key and notification URL");
            }
            String p = path != null ? path : URI.create(notificationUrl).getPath();
            return new SquareWebhookReceiver(this, p == null || p.isEmpty() ? "/" : p);
        }
    }
}
