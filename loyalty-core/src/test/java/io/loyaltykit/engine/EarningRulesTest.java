package io.loyaltykit.engine;

import io.loyaltykit.Loyalty;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Tender;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.program.BirthdayPeriod;
import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.Combine;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.Rounding;
import io.loyaltykit.program.RoundingScope;
import io.loyaltykit.program.StoredValuePolicy;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;

import static io.loyaltykit.engine.Fixtures.at;
import static io.loyaltykit.engine.Fixtures.enroll;
import static io.loyaltykit.engine.Fixtures.points;
import static io.loyaltykit.engine.Fixtures.program;
import static io.loyaltykit.engine.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

/** Rate, multiplier, bonus, caps, rounding and excluded tenders, figure by figure. */
class EarningRulesTest {

    @Test
    void roundingOnceOverTheTransactionKeepsFractionsThatRoundingPerRuleLoses() {
        Program.Builder b = program().earn(Earn.rate("service").categories("service").points(1).per("1.00"))
                .earn(Earn.rate("retail").categories("retail").points(1).per("1.00"));
        Program tx = b.build();
        Program perRule = program().points(PointsPolicy.builder().roundingScope(RoundingScope.RULE))
                .earn(Earn.rate("service").categories("service").points(1).per("1.00"))
                .earn(Earn.rate("retail").categories("retail").points(1).per("1.00")).build();
        Purchase p = Purchase.builder("p1", at("2026-03-02T11:00:00")).member("m1")
                .line("1", "CUT-01", "service", "1", "10.50").line("2", "SHAMPOO", "retail", "1", "10.50")
                .tender("cash", "21.00").build();
        Loyalty l1 = Fixtures.loyalty(tx);
        points(l1, enroll("e1", "2026-03-01T10:00:00", "m1", null, null));
        assertThat(points(l1, p)).isEqualTo(21);
        Loyalty l2 = Fixtures.loyalty(perRule);
        points(l2, enroll("e1", "2026-03-01T10:00:00", "m1", null, null));
        assertThat(points(l2, p)).isEqualTo(20);
    }

    @Test
    void halfUpRoundingAndPerUnitRates() {
        Program p = program().points(PointsPolicy.builder().rounding(Rounding.HALF_UP))
                .earn(Earn.rate("per-visit").skus("CUT-01").points(50).perUnit())
                .earn(Earn.rate("base").points("0.5").per("1.00")).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-03-01T10:00:00", "m1", null, null));
        Purchase two = Purchase.builder("p1", at("2026-03-02T11:00:00")).member("m1")
                .line("1", "CUT-01", "service", "2", "60.00").line("2", "WASH-01", "service", "1", "9.00")
                .tender("cash", "129.00").build();
        // 2 units x 50 = 100, plus 9.00 x 0.5 = 4.5 rounded half up
        assertThat(points(l, two)).isEqualTo(105);
    }

    @Test
    void multipliersCombineByMaxMultiplyOrAdd() {
        for (Object[] c : new Object[][] {{Combine.MAX, 200L}, {Combine.MULTIPLY, 300L}, {Combine.ADD, 250L}}) {
            Program p = program()
                    .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime").level("regular", "R", "0")
                            .level(TierLevel.of("silver", "S", "100.00").earnMultiplier("1.5")))
                    .multipliers((Combine) c[0])
                    .earn(Earn.rate("base").points(1).per("1.00"))
                    .earn(Earn.multiplier("double", "2").categories("service")).build();
            Loyalty l = Fixtures.loyalty(p);
            points(l, enroll("e1", "2026-03-01T10:00:00", "m1", null, null));
            points(l, sale("p0", "2026-03-01T11:00:00", "m1", "GIFT", "retail", "100.00"));
            assertThat(points(l, sale("p1", "2026-03-02T11:00:00", "m1", "CUT-01", "service", "100.00")))
                    .as("%s", c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void birthdayWeekHoursAndDaysFilters() {
        Program p = program().earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.multiplier("bday-week", "2").birthday(BirthdayPeriod.WEEK))
                .earn(Earn.multiplier("tue-lunch", "3").daysOfWeek(DayOfWeek.TUESDAY).hours("11:00", "14:00")).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-01-01T10:00:00", "leap", null, "2000-02-29"));
        // 2026-02-28 is a Saturday: its ISO week runs Monday 23 to Sunday 1 March
        assertThat(points(l, sale("p1", "2026-02-23T09:00:00", "leap", "A", "service", "10.00"))).isEqualTo(20);
        assertThat(points(l, sale("p2", "2026-03-01T23:59:00", "leap", "A", "service", "10.00"))).isEqualTo(20);
        assertThat(points(l, sale("p3", "2026-03-02T00:00:00", "leap", "A", "service", "10.00"))).isEqualTo(10);
        // Tuesday 3 March: 11:00 inclusive, 14:00 exclusive
        assertThat(points(l, sale("p4", "2026-03-03T11:00:00", "leap", "A", "service", "10.00"))).isEqualTo(30);
        assertThat(points(l, sale("p5", "2026-03-03T14:00:00", "leap", "A", "service", "10.00"))).isEqualTo(10);
    }

    @Test
    void bonusPaysTheHighestStepOnTheEarningNetOnce() {
        Program p = program().earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.bonus("big").step("500.00", 50).step("1000.00", 150)).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-03-01T10:00:00", "m1", null, null));
        assertThat(points(l, sale("p1", "2026-03-02T11:00:00", "m1", "A", "service", "499.99"))).isEqualTo(499);
        assertThat(points(l, sale("p2", "2026-03-02T12:00:00", "m1", "A", "service", "999.00"))).isEqualTo(999 + 50);
        assertThat(points(l, sale("p3", "2026-03-02T13:00:00", "m1", "A", "service", "1200.00"))).isEqualTo(1200 + 150);
    }

    @Test
    void aCapTrimsButStillAppliesAndDaysAreCalendarDaysInTheProgramZone() {
        Program p = program().earn(Earn.rate("base").points(1).per("1.00").cap(150, CalendarUnit.DAY)).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-03-01T10:00:00", "m1", null, null));
        assertThat(points(l, sale("p1", "2026-03-02T10:00:00", "m1", "A", "service", "100.00"))).isEqualTo(100);
        var capped = (io.loyaltykit.Result.Applied) l.apply(sale("p2", "2026-03-02T23:59:00", "m1", "A", "service", "100.00"));
        assertThat(capped.points()).isEqualTo(50);
        assertThat(((io.loyaltykit.ledger.PointsLot) capped.entries().get(0)).reason()).contains("capped at 150 per day");
        assertThat(points(l, sale("p3", "2026-03-02T23:59:30", "m1", "A", "service", "100.00"))).isZero();
        assertThat(points(l, sale("p4", "2026-03-03T00:00:00", "m1", "A", "service", "100.00"))).isEqualTo(100);
    }

    @Test
    void excludedTendersAndOrderDiscountsLowerWhatEarns() {
        Program p = program().points(PointsPolicy.builder().excludeTenders("points", "stored_value_bonus", "coupon"))
                .storedValue(StoredValuePolicy.spending(StoredValuePolicy.Order.PROPORTIONAL).bonus("100.00", "100.00"))
                .earn(Earn.rate("base").points(1).per("1.00")).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("e1", "2026-03-01T10:00:00", "m1", null, null));
        points(l, TopUp.of("t1", at("2026-03-01T11:00:00"), "m1", "100.00"));
        // 200 gross, 20 order discount: 180 due; 100 from stored value (half bonus), 30 coupon, 50 cash
        Purchase bill = Purchase.builder("p1", at("2026-03-02T11:00:00")).member("m1")
                .line("1", "A", "service", "1", "150.00").line("2", "B", "retail", "1", "50.00").orderDiscount("20.00")
                .tender(Tender.STORED_VALUE, "100.00").tender("coupon", "30.00").tender("cash", "50.00").build();
        // earning: 180 - 50 bonus part - 30 coupon = 100
        assertThat(points(l, bill)).isEqualTo(100);
    }
}
