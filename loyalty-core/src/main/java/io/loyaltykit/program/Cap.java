package io.loyaltykit.program;

/**
 * The most points a rule may award a member per calendar period. Counts points actually awarded (after
 * multipliers and rounding); returns give no room back.
 *
 * @param points the limit
 * @param per    the period
 */
public record Cap(long points, CalendarUnit per) {
    /** A cap. */
    public static Cap of(long points, CalendarUnit per) {
        return new Cap(points, per);
    }
}
