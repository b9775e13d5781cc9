package io.loyaltykit.examples.loyverse;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Receives Loyverse's {@code receipts.update} webhook ({@code {"type": "receipts.update", "merchant_id": ...,
 * "created_at": ..., "receipts": [...]}}) and applies each receipt through a {@link LoyverseMapper}.
 *
 * <p>Safe under redelivery: Loyverse delivers again when an answer is not 2xx or is late, and sends
 * {@code receipts.update} again when a receipt changes. Event ids come from receipt numbers, so a second
 * delivery of the same receipt is a {@code duplicate} and changes nothing; a receipt cancelled after the
 * sale becomes a return of it. The answer is 200 with one result per receipt (applied, duplicate,
 * rejected, skipped), 400 for a body that is not a webhook, 503 when the store cannot commit (so Loyverse
 * tries again).
 *
 * <p>Loyverse signs webhooks created by OAuth applications ({@code X-Loyverse-Signature}); webhooks made
 * with a personal access token are not signed, so this receiver is meant to listen at an unguessable path
 * ({@link Builder#path(String)}) behind HTTPS.
 *
 * <pre>{@code
 * LoyverseWebhookReceiver receiver = LoyverseWebhookReceiver.builder(loyalty, store, mapper)
 *         .path("/loyverse/3f9c1e7a5b2d")
 *         .enrollUnknownMembers(true)
 *         .build();
 * receiver.start(new InetSocketAddress(8080));
 * }</pre>
 */
public final class LoyverseWebhookReceiver extends WebhookEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(LoyverseWebhookReceiver.class);
    /** The webhook type this receiver applies. */
    public static final String RECEIPTS_UPDATE = "receipts.update";

    private final LoyverseMapper mapper;
    private final Originals originals;
    private final Delivery delivery;

    private LoyverseWebhookReceiver(Builder b) {
        super(b.path);
        this.mapper = b.mapper;
        this.originals = Originals.in(b.store);
        Delivery d = Delivery.to(b.loyalty);
        this.delivery = b.enroll ? d.enrollingUnknownMembers(b.mapper.prefix()) : d;
    }

    /**
     * A builder.
     *
     * @param loyalty the facade receipts are applied to
     * @param store   the store behind it (refunds look their sale up there)
     * @param mapper  how receipts become events
     */
    public static Builder builder(Loyalty loyalty, LoyaltyStore store, LoyverseMapper mapper) {
        return new Builder(loyalty, store, mapper);
    }

    @Override
    protected Reply receive(Headers headers, byte[] body) throws IOException {
        JsonNode root = JSON.readTree(body);
        if (root == null || !root.isObject()) {
            return Reply.error(400, "the body must be a JSON object");
        }
        String type = JsonFields.text(root, "type");
        if (!RECEIPTS_UPDATE.equals(type)) {
            return Reply.ok(Map.of("ignored", String.valueOf(type)));
        }
        JsonNode receipts = root.get("receipts");
        if (receipts == null || !receipts.isArray()) {
            return Reply.error(400, "a receipts.update webhook carries a receipts array");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode receipt : receipts) {
            results.add(accept(receipt).toMap());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", results);
        return Reply.ok(answer);
    }

    /** Maps and applies one receipt; a store that cannot commit throws. */
    public Outcome accept(JsonNode receipt) {
        String number = JsonFields.text(receipt, "receipt_number");
        String reference = number == null ? "loyverse receipt" : mapper.receiptId(number);
        Optional<Event> event;
        try {
            event = mapper.map(receipt, originals);
        } catch (LoyaltyException e) {
            LOG.debug("{} not mapped: {}", reference, e.getMessage());
            return Outcome.rejected(reference, e.code(), e.getMessage());
        }
        if (event.isEmpty()) {
            return Outcome.skipped(reference, "receipt " + JsonFields.text(receipt, "receipt_type")
                    + (JsonFields.text(receipt, "cancelled_at") != null ? " cancelled before it was recorded" : "")
                    + " earns nothing");
        }
        Outcome outcome = delivery.deliver(event.get());
        LOG.debug("{}: {}", reference, outcome.toMap());
        return outcome;
    }

    /** Builds a {@link LoyverseWebhookReceiver}. */
    public static final class Builder {
        private final Loyalty loyalty;
        private final LoyaltyStore store;
        private final LoyverseMapper mapper;
        private String path = "/loyverse/webhook";
        private boolean enroll;

        private Builder(Loyalty loyalty, LoyaltyStore store, LoyverseMapper mapper) {
            this.loyalty = Objects.requireNonNull(loyalty, "loyalty");
            this.store = Objects.requireNonNull(store, "store");
            this.mapper = Objects.requireNonNull(mapper, "mapper");
        }

        /** The path Loyverse posts to; default {@code /loyverse/webhook}. Make it unguessable. */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Whether a Loyverse customer LoyaltyKit does not know is enrolled on their first receipt (enrolment
         * id {@code PREFIX:enroll:CUSTOMER_ID}); default false: such receipts are rejected with UNKNOWN_MEMBER.
         */
        public Builder enrollUnknownMembers(boolean enroll) {
            this.enroll = enroll;
            return this;
        }

        /** The receiver (not started). */
        public LoyverseWebhookReceiver build() {
            return new LoyverseWebhookReceiver(this);
        }
    }
}
