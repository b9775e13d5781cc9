package io.loyaltykit.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When earned points expire: never, or {@code after} a span from the earning instant, optionally rounded
 * up to the end of that month or year (the first instant of the next one) in the program's timezone.
 *
 * <pre>{@code
 * Expiry.after("P12M").roundUpTo(Expiry.RoundUp.MONTH)     // file: {"after": "P12M", "roundUpTo": "month"}
 * }</pre>
 *
 * @param after     the span, or null for never
 * @param roundUpTo the unit to round up to, or null
 */
public record Expiry(Span after, RoundUp roundUpTo) {

    /** Never expires. */
    public static final Expiry NEVER = new Expiry(null, null);

    /** Units an expiry can be rounded up to. */
    public enum RoundUp {
        /** End of the calendar month. */
        MONTH,
        /** End of the calendar year. */
        YEAR
    }

    /** Expires a span after earning. */
    public static Expiry after(String span) {
        return new Expiry(Span.parse(span), null);
    }

    /** This expiry rounded up to the end of a unit. */
    public Expiry roundUpTo(RoundUp unit) {
        return new Expiry(after, unit);
    }

    /** True when points never expire. */
    public boolean never() {
        return after == null;
    }

    /** The instant a lot earned at {@code earnedAt} expires, or null for never. */
    public Instant expiresAt(Instant earnedAt, ZoneId zone) {
        if (after == null) {
            return null;
        }
        Instant raw = after.addTo(earnedAt, zone);
        if (roundUpTo == null) {
            return raw;
        }
        ZonedDateTime z = raw.atZone(zone);
        LocalDate d = z.toLocalDate();
        LocalDate next = roundUpTo == RoundUp.MONTH ? d.withDayOfMonth(1).plusMonths(1) : d.withDayOfYear(1).plusYears(1);
        return next.atStartOfDay(zone).toInstant();
    }
}
