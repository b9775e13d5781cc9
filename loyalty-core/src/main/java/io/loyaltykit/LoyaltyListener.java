package io.loyaltykit;

import io.loyaltykit.event.Event;
import io.loyaltykit.ledger.PointsDebit;

/**
 * Told about what a POS tells its members, after the event's transaction committed. A listener that
 * throws is logged and does not affect the result or other listeners.
 *
 * <pre>{@code
 * Loyalty.builder(program).listener(new LoyaltyListener() {
 *     public void tierChanged(String member, String from, String to, Event cause) {
 *         sms.send(member, "Welcome to " + to);
 *     }
 * }).build();
 * }</pre>
 */
public interface LoyaltyListener {

    /** Every applied event. */
    default void applied(Event event, Result.Applied result) {
    }

    /** A member earned points (positive net change). */
    default void pointsEarned(String member, long points, Event cause) {
    }

    /** A member's level changed. */
    default void tierChanged(String member, String from, String to, Event cause) {
    }

    /** A reward was redeemed; the debit carries the voucher code. */
    default void rewardRedeemed(String member, PointsDebit redemption, Event cause) {
    }
}
