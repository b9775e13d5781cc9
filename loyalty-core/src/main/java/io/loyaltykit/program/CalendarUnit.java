package io.loyaltykit.program;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Calendar periods for caps and limits, counted in the program's timezone. */
public enum CalendarUnit {
    /** A calendar day. */
    DAY,
    /** An ISO week, Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar year. */
    YEAR,
    /** All time. */
    LIFETIME;

    /** The first instant of the period holding {@code at}. */
    public Instant start(Instant at, ZoneId zone) {
        LocalDate d = at.atZone(zone).toLocalDate();
        LocalDate s = switch (this) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
            case YEAR -> d.withDayOfYear(1);
            case LIFETIME -> LocalDate.of(1, 1, 1);
        };
        return s.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period holding {@code at}. */
    public Instant end(Instant at, ZoneId zone) {
        LocalDate s = start(at, zone).atZone(zone).toLocalDate();
        LocalDate e = switch (this) {
            case DAY -> s.plusDays(1);
            case WEEK -> s.plusWeeks(1);
            case MONTH -> s.plusMonths(1);
            case YEAR -> s.plusYears(1);
            case LIFETIME -> LocalDate.of(9999, 1, 1);
        };
        return e.atStartOfDay(zone).toInstant();
    }
}
