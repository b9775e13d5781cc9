package io.loyaltykit.event;

import java.time.Instant;

/**
 * What a POS tells the library: one immutable fact with an idempotency {@link #id()}, the instant it
 * happened and, mostly, the member it concerns. The family is closed; see the events spec for the
 * JSON form of each.
 *
 * <pre>{@code
 * Event sale = Purchase.builder("p1", Instant.parse("2026-03-02T03:00:00Z"))
 *         .member("m1")
 *         .line("1", "CUT-01", "service", "1", "128.00")
 *         .tender("cash", "128.00")
 *         .build();
 * }</pre>
 */
public sealed interface Event
        permits Enroll, UpdateProfile, Purchase, Return, TopUp, TopUpRefund, Redeem, CheckIn, CustomEvent, Adjust {

    /** The idempotency key, unique per program. */
    String id();

    /** When it happened. */
    Instant at();

    /** The member it concerns; null for a walk-in purchase. */
    String member();

    /** The spec's type name: {@code enroll}, {@code purchase}, ... */
    String type();
}
