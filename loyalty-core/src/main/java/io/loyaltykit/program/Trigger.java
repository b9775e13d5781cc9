package io.loyaltykit.program;

/** The events an earning rule listens to ({@code on}). */
public enum Trigger {
    /** {@code purchase}. */
    PURCHASE,
    /** {@code enroll}. */
    ENROLL,
    /** {@code topup}. */
    TOPUP,
    /** {@code checkin}. */
    CHECKIN,
    /** {@code event:NAME}. */
    EVENT
}
