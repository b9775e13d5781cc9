package io.loyaltykit.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A rule window bound: a date (its first instant), or a date-time with or without offset; without one it
 * is read in the program's timezone.
 *
 * @param local  the local date-time
 * @param offset the offset given, or null
 */
public record DateBound(LocalDateTime local, ZoneOffset offset) {

    /** Parses {@code 2026-05-01}, {@code 2026-05-01T10:00} or {@code 2026-05-01T10:00:00+08:00}. */
    public static DateBound parse(String text) {
        try {
            if (text.length() == 10) {
                return new DateBound(LocalDate.parse(text).atStartOfDay(), null);
            }
            try {
                OffsetDateTime o = OffsetDateTime.parse(text);
                return new DateBound(o.toLocalDateTime(), o.getOffset());
            } catch (DateTimeParseException e) {
                return new DateBound(LocalDateTime.parse(text), null);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 date or date-time: '" + text + "'", e);
        }
    }

    /** The instant in a zone. */
    public Instant toInstant(ZoneId zone) {
        return offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant();
    }

    @Override
    public String toString() {
        return offset == null ? local.toString() : local + offset.toString();
    }
}
