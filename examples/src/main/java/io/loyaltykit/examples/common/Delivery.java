package io.loyaltykit.examples.common;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Profile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * Hands mapped events to {@link Loyalty#apply}, optionally enrolling customers LoyaltyKit has not met yet.
 * POS customers (a uniCenta card, a Loyverse or Square customer id) often exist before anyone enrols them in
 * the loyalty program; with auto-enrolment on, the first event of an unknown member enrols them at that
 * event's instant (event id {@code PREFIX:enroll:MEMBER}, deterministic, so a redelivery enrols no one twice)
 * and the event is applied again.
 *
 * <pre>{@code
 * Delivery delivery = Delivery.to(loyalty).enrollingUnknownMembers("square");
 * Outcome outcome = delivery.deliver(purchase);
 * }</pre>
 *
 * A {@link io.loyaltykit.LoyaltyException} with {@link ErrorCode#STORE_UNAVAILABLE} is not caught: the
 * caller should have the POS deliver again later (a webhook answers 503, a poller keeps its cursor).
 */
public final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final Loyalty loyalty;
    private final String enrollPrefix;

    private Delivery(Loyalty loyalty, String enrollPrefix) {
        this.loyalty = Objects.requireNonNull(loyalty, "loyalty");
        this.enrollPrefix = enrollPrefix;
    }

    /** Deliveries to this facade; unknown members are rejected. */
    public static Delivery to(Loyalty loyalty) {
        return new Delivery(loyalty, null);
    }

    /** The same, enrolling unknown members with enrolment ids {@code prefix:enroll:MEMBER}. */
    public Delivery enrollingUnknownMembers(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw new IllegalArgumentException("the enrolment id prefix must not be blank");
        }
        return new Delivery(loyalty, prefix);
    }

    /** The facade events go to. */
    public Loyalty loyalty() {
        return loyalty;
    }

    /** The id the enrolment of this member gets, or null when auto-enrolment is off. */
    public String enrollmentId(String member) {
        return enrollPrefix == null ? null : enrollPrefix + ":enroll:" + member;
    }

    /** Applies one event. */
    public Outcome deliver(Event event) {
        Result result = loyalty.apply(event);
        if (enrollPrefix != null && event.member() != null && !(event instanceof Enroll)
                && result instanceof Result.Rejected r && r.code() == ErrorCode.UNKNOWN_MEMBER) {
            Enroll enroll = new Enroll(enrollmentId(event.member()), event.at(), event.member(), Profile.empty(), null,
                    null, null, List.of());
            Result enrolled = loyalty.apply(enroll);
            LOG.debug("enrolled {} for {}: {}", event.member(), event.id(), enrolled.status());
            return Outcome.of(event, loyalty.apply(event), true);
        }
        return Outcome.of(event, result, false);
    }
}
