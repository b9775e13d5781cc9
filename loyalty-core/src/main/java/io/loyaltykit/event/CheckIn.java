package io.loyaltykit.event;

import java.time.Instant;

/**
 * A daily check-in (签到); at most one per calendar day in the program's timezone.
 *
 * @param id     idempotency key
 * @param at     instant
 * @param member member id
 */
public record CheckIn(String id, Instant at, String member) implements Event {
    @Override
    public String type() {
        return "checkin";
    }
}
