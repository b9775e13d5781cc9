package io.loyaltykit.program;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Birthday periods, 29 February and ISO weeks at the turn of the year. */
class BirthdayPeriodTest {
    private static final LocalDate LEAP = LocalDate.parse("2000-02-29");

    @Test
    void twentyNinthOfFebruaryCountsAsTheTwentyEighthInOtherYears() {
        assertThat(BirthdayPeriod.DAY.contains(LEAP, LocalDate.parse("2026-02-28"))).isTrue();
        assertThat(BirthdayPeriod.DAY.contains(LEAP, LocalDate.parse("2026-03-01"))).isFalse();
        assertThat(BirthdayPeriod.DAY.contains(LEAP, LocalDate.parse("2028-02-29"))).isTrue();
        assertThat(BirthdayPeriod.DAY.contains(LEAP, LocalDate.parse("2028-02-28"))).isFalse();
        assertThat(BirthdayPeriod.MONTH.contains(LEAP, LocalDate.parse("2026-02-01"))).isTrue();
        assertThat(BirthdayPeriod.MONTH.contains(null, LocalDate.parse("2026-02-01"))).isFalse();
    }

    @Test
    void theWeekIsTheIsoWeekHoldingThatYearsBirthday() {
        LocalDate jan1 = LocalDate.parse("1990-01-01");
        // 1 January 2027 is a Friday: its week runs from Monday 28 December 2026, but in 2026 the week
        // holding the birthday is the one of 1 January 2026 (Thursday): 29 December 2025 to 4 January 2026
        assertThat(BirthdayPeriod.WEEK.contains(jan1, LocalDate.parse("2026-01-04"))).isTrue();
        assertThat(BirthdayPeriod.WEEK.contains(jan1, LocalDate.parse("2026-01-05"))).isFalse();
        assertThat(BirthdayPeriod.WEEK.contains(jan1, LocalDate.parse("2026-12-29"))).isFalse();
        assertThat(BirthdayPeriod.WEEK.contains(jan1, LocalDate.parse("2027-01-03"))).isTrue();
    }
}
