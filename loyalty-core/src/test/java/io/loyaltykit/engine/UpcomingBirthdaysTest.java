package io.loyaltykit.engine;

import io.loyaltykit.Loyalty;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Profile;
import io.loyaltykit.program.Program;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Birthday coming": members whose birthday falls in the next N days, program timezone, 29 February. */
class UpcomingBirthdaysTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Loyalty at(String localDateTime, List<String[]> members) {
        Program p = Program.builder("b").currency("CNY").zone("Asia/Shanghai").build();
        Instant now = java.time.LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
        Loyalty l = Loyalty.builder(p).clock(Clock.fixed(now, SHANGHAI)).build();
        int i = 0;
        for (String[] m : members) {
            l.apply(new Enroll("e" + (++i), Instant.parse("2026-01-01T00:00:00Z"), m[0],
                    new Profile(m[0], null, m[1] == null ? null : LocalDate.parse(m[1]), null, null), null, null, null,
                    null));
        }
        return l;
    }

    @Test
    void theNextDaysInTheProgramsTimezoneSoonestFirst() {
        // 2026-12-30 23:30 in Shanghai is still 15:30 UTC: "today" is the 30th in the program's zone
        Loyalty l = at("2026-12-30T23:30:00", List.of(
                new String[] {"a", "1990-12-30"}, new String[] {"b", "1985-01-02"}, new String[] {"c", "1970-01-03"},
                new String[] {"d", "2001-12-29"}, new String[] {"e", null}));
        assertThat(l.birthdaysWithin(4)).containsExactly(
                new Loyalty.UpcomingBirthday("a", LocalDate.parse("2026-12-30")),
                new Loyalty.UpcomingBirthday("b", LocalDate.parse("2027-01-02")));
        assertThat(l.birthdaysWithin(1)).extracting(Loyalty.UpcomingBirthday::member).containsExactly("a");
        assertThat(l.birthdaysWithin(0)).isEmpty();
        assertThat(l.birthdaysWithin(366)).extracting(Loyalty.UpcomingBirthday::member)
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    void twentyNinthOfFebruaryIsCelebratedOnTheTwentyEighthInOtherYears() {
        Loyalty l = at("2026-02-27T12:00:00", List.<String[]>of(new String[] {"leap", "2000-02-29"}));
        assertThat(l.birthdaysWithin(2)).containsExactly(new Loyalty.UpcomingBirthday("leap", LocalDate.parse("2026-02-28")));
        Loyalty leapYear = at("2028-02-28T12:00:00", List.<String[]>of(new String[] {"leap", "2000-02-29"}));
        assertThat(leapYear.birthdaysWithin(2)).containsExactly(
                new Loyalty.UpcomingBirthday("leap", LocalDate.parse("2028-02-29")));
        assertThat(leapYear.birthdaysWithin(1)).isEmpty();
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> at("2026-01-01T00:00:00", List.of()).birthdaysWithin(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
