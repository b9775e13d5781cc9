package io.loyaltykit.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A sale. {@code tenders} must add up to the sum of line nets minus the points offset, to the cent.
 * A purchase without a member is a walk-in (散客): its points are held for claiming.
 *
 * @param id            idempotency key
 * @param at            instant
 * @param member        member id, or null for a walk-in
 * @param store         store id, or null
 * @param staff         staff id, or null
 * @param lines         the lines, at least one
 * @param orderDiscount order-level discount spread over lines by gross, zero if none
 * @param redeemPoints  points the member asks to spend as cash off the bill, zero if none
 * @param tenders       the payments
 * @param currency      ISO code the amounts are in, or null for the program's currency
 */
public record Purchase(String id, Instant at, String member, String store, String staff, List<Line> lines,
                       BigDecimal orderDiscount, long redeemPoints, List<Tender> tenders, String currency)
        implements Event {

    /** Copies lists and defaults the order discount to zero. */
    public Purchase {
        lines = lines == null ? List.of() : List.copyOf(lines);
        tenders = tenders == null ? List.of() : List.copyOf(tenders);
        orderDiscount = orderDiscount == null ? BigDecimal.ZERO : orderDiscount;
    }

    @Override
    public String type() {
        return "purchase";
    }

    /** A builder for a purchase with this id and instant. */
    public static Builder builder(String id, Instant at) {
        return new Builder(id, at);
    }

    /** Builds a {@link Purchase}; amounts as decimal strings. */
    public static final class Builder {
        private final String id;
        private final Instant at;
        private String member;
        private String store;
        private String staff;
        private final List<Line> lines = new ArrayList<>();
        private BigDecimal orderDiscount = BigDecimal.ZERO;
        private long redeemPoints;
        private final List<Tender> tenders = new ArrayList<>();
        private String currency;

        private Builder(String id, Instant at) {
            this.id = id;
            this.at = at;
        }

        /** The member; leave unset for a walk-in. */
        public Builder member(String member) {
            this.member = member;
            return this;
        }

        /** The store. */
        public Builder store(String store) {
            this.store = store;
            return this;
        }

        /** The staff member. */
        public Builder staff(String staff) {
            this.staff = staff;
            return this;
        }

        /** Adds a line. */
        public Builder line(Line line) {
            lines.add(line);
            return this;
        }

        /** Adds a line without discount or cost. */
        public Builder line(String line, String sku, String category, String qty, String unitPrice) {
            return line(Line.of(line, sku, category, qty, unitPrice));
        }

        /** The order discount. */
        public Builder orderDiscount(String amount) {
            this.orderDiscount = new BigDecimal(amount);
            return this;
        }

        /** Points to spend as cash off the bill. */
        public Builder redeemPoints(long points) {
            this.redeemPoints = points;
            return this;
        }

        /** Adds a tender. */
        public Builder tender(String type, String amount) {
            tenders.add(Tender.of(type, amount));
            return this;
        }

        /** Adds a tender. */
        public Builder tender(Tender tender) {
            tenders.add(tender);
            return this;
        }

        /** The currency of the amounts, when the POS states it. */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** The purchase. */
        public Purchase build() {
            return new Purchase(id, at, member, store, staff, lines, orderDiscount, redeemPoints, tenders, currency);
        }
    }
}
