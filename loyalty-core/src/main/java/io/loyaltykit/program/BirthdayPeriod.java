package io.loyaltykit.program;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;

/**
 * The period around a member's birthday in which a {@code birthday} filter matches. 29 February counts
 * as 28 February in other years; {@code week} is the ISO week holding the birthday that year.
 */
public enum BirthdayPeriod {
    /** The day itself. */
    DAY,
    /** The ISO week (Monday to Sunday) holding it. */
    WEEK,
    /** The calendar month. */
    MONTH;

    /** Whether {@code date} falls in the birthday period of someone born on {@code birthday}. */
    public boolean contains(LocalDate birthday, LocalDate date) {
        if (birthday == null) {
            return false;
        }
        LocalDate thisYear = birthdayIn(birthday, date.getYear());
        return switch (this) {
            case DAY -> thisYear.equals(date);
            case MONTH -> thisYear.getMonth() == date.getMonth();
            case WEEK -> {
                // the spec's reading: the ISO week holding the birthday of the event's year, even where that
                // week starts in December of the year before or ends in January of the next
                LocalDate monday = thisYear.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield !date.isBefore(monday) && date.isBefore(monday.plusDays(7));
            }
        };
    }

    /** The birthday in a given year (29 February becomes 28 February in other years). */
    public static LocalDate birthdayIn(LocalDate birthday, int year) {
        MonthDay md = MonthDay.from(birthday);
        return md.isValidYear(year) ? md.atYear(year) : LocalDate.of(year, 2, 28);
    }
}
