package io.loyaltykit.program;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * An ISO-8601 period or duration ({@code P7D}, {@code P12M}, {@code PT36H}, {@code P1DT12H}) added in a
 * timezone, so that {@code P1M} from 31 January is the end of February and days follow the calendar.
 *
 * @param period the date part
 * @param time   the time part
 */
public record Span(Period period, Duration time) {

    /** No time at all. */
    public static final Span ZERO = new Span(Period.ZERO, Duration.ZERO);

    /** Null parts become zero. */
    public Span {
        period = period == null ? Period.ZERO : period;
        time = time == null ? Duration.ZERO : time;
        if (period.isNegative() || time.isNegative()) {
            throw new IllegalArgumentException("a span cannot be negative: " + period + " " + time);
        }
    }

    /** Parses {@code P12M}, {@code P7D}, {@code PT2H}, {@code P1DT2H}. */
    public static Span parse(String text) {
        Objects.requireNonNull(text, "span");
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        int ti = t.indexOf('T');
        try {
            if (ti < 0) {
                return new Span(Period.parse(t), Duration.ZERO);
            }
            Period p = ti == 1 ? Period.ZERO : Period.parse(t.substring(0, ti));
            Duration d = Duration.parse("P" + t.substring(ti));
            return new Span(p, d);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 period or duration: '" + text + "'", e);
        }
    }

    /** A span of days. */
    public static Span days(int days) {
        return new Span(Period.ofDays(days), Duration.ZERO);
    }

    /** {@code instant + this}, calendar parts counted in {@code zone}. */
    public Instant addTo(Instant instant, ZoneId zone) {
        if (isZero()) {
            return instant;
        }
        return instant.atZone(zone).plus(period).plus(time).toInstant();
    }

    /** {@code instant - this}, calendar parts counted in {@code zone}. */
    public Instant subtractFrom(Instant instant, ZoneId zone) {
        if (isZero()) {
            return instant;
        }
        return instant.atZone(zone).minus(period).minus(time).toInstant();
    }

    /** True for zero length. */
    public boolean isZero() {
        return period.isZero() && time.isZero();
    }

    @Override
    public String toString() {
        if (time.isZero()) {
            return period.toString();
        }
        String d = time.toString().substring(1);
        return period.isZero() ? "P" + d : period + d;
    }
}
