package io.loyaltykit.event;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Money put on a member's card (充值). Credits the principal purse and the bonus of the highest step reached.
 *
 * @param id       idempotency key
 * @param at       instant
 * @param member   member id
 * @param amount   amount paid in, positive
 * @param store    store, or null
 * @param staff    staff, or null
 * @param currency ISO code, or null for the program's
 */
public record TopUp(String id, Instant at, String member, BigDecimal amount, String store, String staff,
                    String currency) implements Event {

    /** A top-up without store, staff or currency. */
    public static TopUp of(String id, Instant at, String member, String amount) {
        return new TopUp(id, at, member, new BigDecimal(amount), null, null, null);
    }

    @Override
    public String type() {
        return "topup";
    }
}
