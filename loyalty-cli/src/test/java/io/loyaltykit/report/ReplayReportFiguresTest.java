package io.loyaltykit.report;

import io.loyaltykit.Money;
import io.loyaltykit.program.Program;
import io.loyaltykit.report.ReplayReport.Granularity;
import io.loyaltykit.report.ReplayReport.Period;
import io.loyaltykit.report.ReplayReport.Referrer;
import io.loyaltykit.report.ReplayReport.RuleTotal;
import io.loyaltykit.report.ReplayReport.TierCount;
import io.loyaltykit.store.LoyaltyStore;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.loyaltykit.report.ReportFixtures.AS_OF;
import static io.loyaltykit.report.ReportFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The report's figures on the fixture, worked out by hand from the program's rules.
 *
 * <p>Lots: welcome 100 to each member; p1 (m2, 300.00) earns m2 300, m2 a referee 100, m1 a level-1 200;
 * p2 (m3, 600.00) earns m3 600 and 100, m2 200 (level 1), m1 50 (level 2); p3 (m1, 200.00 less a 100-point
 * offset) earns 199. Issued 549 + 700 + 800 = 2,049. Debits: m2's gift takes 500, m1's offset 100
 * (redeemed 600); returning p1 after its points were spent takes m2's last 200 (forgiving 100) and m1's
 * 200 award, and forgives m2's spent referee 100; m3's adjustment takes 50 (reversed 450). m3's welcome
 * lot expires on 2 April with 50 left. Held: m1 249, m2 0, m3 700 = 949 = 2,049 − 600 − 450 − 50.
 */
class ReplayReportFiguresTest {
    private final Program program = ReportFixtures.program(true);
    private final LoyaltyStore store = ReportFixtures.store(program, ReportFixtures.events(true));

    @Test
    void headlineFiguresAsOfTheEnd() {
        ReplayReport r = ReplayReport.collect(program, store, AS_OF);
        ReplayReport.Totals t = r.totals();
        assertThat(t.members()).isEqualTo(3);
        assertThat(t.issued()).isEqualTo(2049);
        assertThat(t.redeemed()).isEqualTo(600);
        assertThat(t.reversed()).isEqualTo(450);
        assertThat(t.expired()).isEqualTo(50);
        assertThat(t.available()).isEqualTo(949);
        assertThat(t.pending()).isZero();
        assertThat(t.owed()).isZero();
        assertThat(t.forgiven()).isEqualTo(200);
        assertThat(t.outstanding()).isEqualTo(949);
        assertThat(t.offset()).isEqualTo(new ReplayReport.OffsetRate(100, Money.of("1.00", "CNY")));
        assertThat(t.availableValue()).isEqualTo(Money.of("9.49", "CNY"));
        assertThat(t.pendingValue()).isEqualTo(Money.of("0.00", "CNY"));
        assertThat(t.principal()).isEqualTo(Money.of("301.00", "CNY"));
        assertThat(t.bonus()).isEqualTo(Money.of("50.00", "CNY"));
        assertThat(r.programId()).isEqualTo("report-figures");
        assertThat(r.programName()).isEqualTo("Lotus <Salon> & \"Spa\" 莲花");
        assertThat(r.asOf()).isEqualTo(AS_OF);
    }

    @Test
    void tiersReferrersAndRules() {
        ReplayReport r = ReplayReport.collect(program, store, AS_OF);
        assertThat(r.tiers()).containsExactly(new TierCount("regular", "Regular", 2), new TierCount("silver", "银卡会员", 1));
        // m1: 200 + 50 awarded, the 200 of the returned p1 reversed; m2: 200 for m3's purchase; m3 referred nobody
        assertThat(r.topReferrers()).containsExactly(new Referrer("m2", "Bob", 1, 200), new Referrer("m1", "Alice", 1, 50));
        // the return took m2's last 200 from a referral lot, and m1's award back from its own lot
        assertThat(r.topRules()).containsExactly(new RuleTotal("base", 1099, 0), new RuleTotal("welcome", 300, 0),
                new RuleTotal("referral", 650, 400));
        assertThat(ReplayReport.builder(program, store).asOf(AS_OF).top(1).collect().topRules())
                .containsExactly(new RuleTotal("base", 1099, 0));
    }

    @Test
    void dailySeriesFromFirstEnrolmentToTheInstant() {
        ReplayReport r = ReplayReport.collect(program, store, AS_OF);
        assertThat(r.granularity()).isEqualTo(Granularity.DAY);
        assertThat(r.periods()).hasSize(32);
        assertThat(r.periods().get(0).start()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(r.periods().get(31).start()).isEqualTo(LocalDate.of(2026, 4, 2));
        Map<LocalDate, Period> byDay = r.periods().stream().collect(Collectors.toMap(Period::start, Function.identity()));
        assertThat(day(byDay, "2026-03-02")).isEqualTo(period("2026-03-02", 200, 0, 0, 0, 200, "2.00", "0.00", "0.00"));
        assertThat(day(byDay, "2026-03-03")).isEqualTo(period("2026-03-03", 700, 0, 0, 0, 900, "9.00", "0.00", "0.00"));
        assertThat(day(byDay, "2026-03-04")).isEqualTo(period("2026-03-04", 950, 0, 0, 0, 1850, "18.50", "0.00", "0.00"));
        assertThat(day(byDay, "2026-03-05")).isEqualTo(period("2026-03-05", 0, 0, 0, 0, 1850, "18.50", "500.00", "50.00"));
        assertThat(day(byDay, "2026-03-12")).isEqualTo(period("2026-03-12", 0, 500, 0, 0, 1350, "13.50", "500.00", "50.00"));
        assertThat(day(byDay, "2026-03-13")).isEqualTo(period("2026-03-13", 199, 100, 0, 0, 1449, "14.49", "301.00", "50.00"));
        assertThat(day(byDay, "2026-03-14")).isEqualTo(period("2026-03-14", 0, 0, 400, 0, 1049, "10.49", "301.00", "50.00"));
        assertThat(day(byDay, "2026-03-15")).isEqualTo(period("2026-03-15", 0, 0, 50, 0, 999, "9.99", "301.00", "50.00"));
        assertThat(day(byDay, "2026-04-01")).isEqualTo(period("2026-04-01", 0, 0, 0, 0, 999, "9.99", "301.00", "50.00"));
        assertThat(day(byDay, "2026-04-02")).isEqualTo(period("2026-04-02", 0, 0, 0, 50, 949, "9.49", "301.00", "50.00"));
        long quietDays = r.periods().stream().filter(p -> p.issued() == 0 && p.redeemed() == 0 && p.reversed() == 0
                && p.expired() == 0 && !p.start().equals(LocalDate.of(2026, 3, 5))).count();
        assertThat(quietDays).isEqualTo(32 - 9);
    }

    @Test
    void weeklySeriesRunMondayToSunday() {
        ReplayReport r = ReplayReport.builder(program, store).asOf(AS_OF).granularity(Granularity.WEEK).collect();
        assertThat(r.periods()).containsExactly(
                period("2026-03-02", 1850, 0, 0, 0, 1850, "18.50", "500.00", "50.00", 7),
                period("2026-03-09", 199, 600, 450, 0, 999, "9.99", "301.00", "50.00", 7),
                period("2026-03-16", 0, 0, 0, 0, 999, "9.99", "301.00", "50.00", 7),
                period("2026-03-23", 0, 0, 0, 0, 999, "9.99", "301.00", "50.00", 7),
                period("2026-03-30", 0, 0, 0, 50, 949, "9.49", "301.00", "50.00", 7));
        ReplayReport monthly = ReplayReport.builder(program, store).asOf(AS_OF).granularity(Granularity.MONTH).collect();
        assertThat(monthly.periods()).containsExactly(
                period("2026-03-01", 2049, 600, 450, 0, 999, "9.99", "301.00", "50.00", 31),
                period("2026-04-01", 0, 0, 0, 50, 949, "9.49", "301.00", "50.00", 30));
    }

    @Test
    void anEarlierInstantSeesPendingPointsAndNothingLater() {
        // 9 March: the welcome points are available; both purchases' points and awards are still pending
        ReplayReport r = ReplayReport.collect(program, store, at("2026-03-09T10:00"));
        ReplayReport.Totals t = r.totals();
        assertThat(t.available()).isEqualTo(300);
        assertThat(t.pending()).isEqualTo(600 + 950);
        assertThat(t.issued()).isEqualTo(1850);
        assertThat(t.redeemed() + t.reversed() + t.expired()).isZero();
        assertThat(t.availableValue()).isEqualTo(Money.of("3.00", "CNY"));
        assertThat(t.pendingValue()).isEqualTo(Money.of("15.50", "CNY"));
        assertThat(t.principal()).isEqualTo(Money.of("500.00", "CNY"));
        // m3 reached silver on p2 and keeps it; m1's and m2's referral points are not reversed yet
        assertThat(r.tiers()).extracting(TierCount::members).containsExactly(2L, 1L);
        assertThat(r.topReferrers()).containsExactly(new Referrer("m1", "Alice", 1, 250), new Referrer("m2", "Bob", 1, 200));
        assertThat(r.periods()).hasSize(8);
    }

    @Test
    void beforeAnyoneEnrolledTheReportIsEmpty() {
        ReplayReport r = ReplayReport.collect(program, store, at("2026-03-01T00:00"));
        assertThat(r.totals().members()).isZero();
        assertThat(r.totals().issued()).isZero();
        assertThat(r.tiers()).extracting(TierCount::members).containsExactly(0L, 0L);
        assertThat(r.topReferrers()).isEmpty();
        assertThat(r.topRules()).isEmpty();
        assertThat(r.periods()).singleElement().satisfies(p -> {
            assertThat(p.start()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(p.outstanding()).isZero();
        });
        assertThat(r.toHtml()).contains("No referrals yet.");
    }

    @Test
    void withoutACashOffsetPointsHaveNoMoneyValue() {
        Program plain = ReportFixtures.program(false);
        ReplayReport r = ReplayReport.collect(plain, ReportFixtures.store(plain, ReportFixtures.events(false)), AS_OF);
        assertThat(r.totals().offset()).isNull();
        assertThat(r.totals().availableValue()).isNull();
        assertThat(r.totals().pendingValue()).isNull();
        assertThat(r.periods()).allSatisfy(p -> assertThat(p.outstandingValue()).isNull());
        // no offset: m1 keeps the welcome 100, which expired on 1 April, and p3 earns 200 on 200.00 paid
        assertThat(r.totals().expired()).isEqualTo(150);
        assertThat(r.totals().issued()).isEqualTo(2050);
        assertThat(r.totals().redeemed()).isEqualTo(500);
        assertThat(r.totals().principal()).isEqualTo(Money.of("300.00", "CNY"));
        assertThat(r.toHtml()).contains("no cash offset");
        assertThat(r.summaryTable()).contains("no cash offset");
    }

    @Test
    void summaryTableListsTheHeadlineFigures() {
        String s = ReplayReport.collect(program, store, AS_OF).summaryTable();
        assertThat(s).contains("Lotus <Salon> & \"Spa\" 莲花 (report-figures)")
                .contains("as of 2026-04-02 10:00:00 +08:00 Asia/Shanghai, 32 period(s) by day");
        assertThat(s.lines().map(String::strip).toList()).contains(
                "members                          3",
                "points issued                2,049",
                "points redeemed                600",
                "points reversed                450  200 forgiven",
                "points expired                  50",
                "points available               949  worth CNY 9.49",
                "points pending                   0  worth CNY 0.00",
                "stored value principal  CNY 301.00",
                "stored value bonus       CNY 50.00",
                "regular  2  Regular",
                "silver   1  银卡会员",
                "m2  1  200  Bob",
                "m1  1   50  Alice",
                "base      1,099    0  1,099",
                "welcome     300    0    300",
                "referral    650  400    250");
    }

    @Test
    void badArgumentsAreRefusedBeforeReading() {
        assertThatThrownBy(() -> ReplayReport.builder(program, store).collect())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("asOf");
        assertThatThrownBy(() -> ReplayReport.builder(program, store).top(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("top");
        assertThatThrownBy(() -> ReplayReport.collect(null, store, AS_OF))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("program");
        assertThatThrownBy(() -> ReplayReport.collect(program, null, AS_OF))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("store");
        assertThatThrownBy(() -> ReplayReport.collect(program, store, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("asOf");
    }

    private static Period day(Map<LocalDate, Period> byDay, String date) {
        return byDay.get(LocalDate.parse(date));
    }

    private static Period period(String start, long issued, long redeemed, long reversed, long expired, long outstanding,
                                 String value, String principal, String bonus) {
        return period(start, issued, redeemed, reversed, expired, outstanding, value, principal, bonus, 1);
    }

    private static Period period(String start, long issued, long redeemed, long reversed, long expired, long outstanding,
                                 String value, String principal, String bonus, int days) {
        LocalDate s = LocalDate.parse(start);
        return new Period(s, s.plusDays(days), issued, redeemed, reversed, expired, outstanding,
                value == null ? null : Money.of(value, "CNY"), Money.of(principal, "CNY"), Money.of(bonus, "CNY"));
    }
}
