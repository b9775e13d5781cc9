package io.loyaltykit.examples.unicenta;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Loyalty;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Event;
import io.loyaltykit.examples.common.Delivery;
import io.loyaltykit.examples.common.Originals;
import io.loyaltykit.examples.common.Outcome;
import io.loyaltykit.store.LoyaltyStore;

import java.util.Objects;
import java.util.Optional;

/**
 * uniCenta tickets into LoyaltyKit: maps a ticket with a {@link UnicentaMapper}, looks refunded sales up in
 * the store and delivers the event. Both front doors use it: {@link UnicentaHook} (the {@code ticket.close}
 * script) and {@link UnicentaPoller} (the tables).
 *
 * <pre>{@code
 * UnicentaIntegration unicenta = UnicentaIntegration.builder(loyalty, store, mapper)
 *         .enrollUnknownMembers(true)
 *         .build();
 * Outcome outcome = unicenta.accept(UnicentaObjects.ticket(ticketInfo));
 * }</pre>
 */
public final class UnicentaIntegration {
    private final UnicentaMapper mapper;
    private final Originals originals;
    private final Delivery delivery;

    private UnicentaIntegration(Builder b) {
        this.mapper = b.mapper;
        this.originals = Originals.in(b.store);
        Delivery d = Delivery.to(b.loyalty);
        this.delivery = b.enroll ? d.enrollingUnknownMembers(b.mapper.prefix()) : d;
    }

    /**
     * A builder.
     *
     * @param loyalty the facade events are applied to
     * @param store   the store behind it (refunds look their sale up there)
     * @param mapper  how tickets become events
     */
    public static Builder builder(Loyalty loyalty, LoyaltyStore store, UnicentaMapper mapper) {
        return new Builder(loyalty, store, mapper);
    }

    /** The mapper. */
    public UnicentaMapper mapper() {
        return mapper;
    }

    /** Where refunded sales are looked up. */
    public Originals originals() {
        return originals;
    }

    /** The facade. */
    public Loyalty loyalty() {
        return delivery.loyalty();
    }

    /**
     * Maps and applies one ticket. A ticket that cannot be mapped comes back rejected with the mapper's
     * code; a no-sale or account payment comes back skipped. A store that cannot commit throws
     * {@link ErrorCode#STORE_UNAVAILABLE}.
     */
    public Outcome accept(UnicentaTicket ticket) {
        Optional<Event> event;
        String reference = reference(ticket);
        try {
            event = mapper.map(ticket, originals);
        } catch (LoyaltyException e) {
            return Outcome.rejected(reference, e.code(), e.getMessage());
        }
        if (event.isEmpty()) {
            return Outcome.skipped(reference, "ticket type " + ticket.getTicketType() + " earns nothing");
        }
        return delivery.deliver(event.get());
    }

    private String reference(UnicentaTicket ticket) {
        String id = mapper.eventId(ticket.getTicketType(), ticket.getTicketId());
        return id != null ? id : "unicenta ticket " + ticket.getTicketType() + "/" + ticket.getTicketId();
    }

    /** Builds a {@link UnicentaIntegration}. */
    public static final class Builder {
        private final Loyalty loyalty;
        private final LoyaltyStore store;
        private final UnicentaMapper mapper;
        private boolean enroll;

        private Builder(Loyalty loyalty, LoyaltyStore store, UnicentaMapper mapper) {
            this.loyalty = Objects.requireNonNull(loyalty, "loyalty");
            this.store = Objects.requireNonNull(store, "store");
            this.mapper = Objects.requireNonNull(mapper, "mapper");
        }

        /**
         * Whether a customer LoyaltyKit does not know is enrolled on their first ticket (enrolment id
         * {@code PREFIX:enroll:MEMBER}); default false: such tickets are rejected with UNKNOWN_MEMBER.
         */
        public Builder enrollUnknownMembers(boolean enroll) {
            this.enroll = enroll;
            return this;
        }

        /** The integration. */
        public UnicentaIntegration build() {
            return new UnicentaIntegration(this);
        }
    }
}
