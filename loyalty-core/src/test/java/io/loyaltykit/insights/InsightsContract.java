package io.loyaltykit.insights;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Tender;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.insights.Insights.Birthday;
import io.loyaltykit.insights.Insights.CreditWarning;
import io.loyaltykit.insights.Insights.Enrolments;
import io.loyaltykit.insights.Insights.Grouping;
import io.loyaltykit.insights.Insights.Lapsed;
import io.loyaltykit.insights.Insights.NearNextTier;
import io.loyaltykit.insights.Insights.Overdue;
import io.loyaltykit.insights.Insights.PointsCell;
import io.loyaltykit.insights.Insights.ReferralRank;
import io.loyaltykit.insights.Insights.StaffFigures;
import io.loyaltykit.insights.Insights.StoreLiability;
import io.loyaltykit.insights.Insights.ValueCell;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Expiry;
import io.loyaltykit.program.PackageDef;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.StoredValuePolicy;
import io.loyaltykit.program.TierPolicy;
import io.loyaltykit.store.LoyaltyStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Insights} implementation must answer on one fixed chain: two stores (S1 直营, S2 加盟),
 * three stylists, a referral chain m1 → m2 → m3 → m4 → m7 (and m1 → m5), top-ups at one store spent at the
 * other, a credit member below zero, birthdays including 29 February. Every figure is worked by hand in the
 * comment beside it. Subclasses give the store (and, for database stores, their own implementation).
 *
 * <p>The program: 1 point per 1.00 (floor), no pending, lots expire 6 months after earning; tiers on spend over
 * 12 months (regular 0, silver 1000.00, gold 3000.00, packages excluded); cash offset 100 points = 1.00 on
 * services; a 200-point gift; stored value principal first, bonus 50.00 from 500.00 and 150.00 from 1000.00,
 * credit limit 300.00; a 5-cut package.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class InsightsContract {
    /** The program's zone. */
    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The instant most questions are asked at: 2026-06-30 20:00 Shanghai. */
    protected static final Instant AS_OF = at("2026-06-30T20:00");

    private LoyaltyStore store;
    private Insights insights;

    /** A fresh, empty store. */
    protected abstract LoyaltyStore newStore();

    /** The implementation under test over {@code store}; the generic one by default. */
    protected Insights insights(Program program, LoyaltyStore store) {
        return Insights.of(program, store);
    }

    /** A local date-time in the program's zone. */
    protected static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    /** The data set's program. */
    public static Program program() {
        return Program.builder("insights-chain").currency("CNY").zone("Asia/Shanghai")
                .points(PointsPolicy.builder().expiry(Expiry.after("P6M")).excludeTenders("points", "package"))
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("P12M").grace("P30D").excludeCategories("package")
                        .level("regular", "普通会员", "0").level("silver", "银卡会员", "1000.00")
                        .level("gold", "金卡会员", "3000.00"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .cashOffset(CashOffset.of(100, "1.00").categories("service").maxShare("0.5").minPoints(100).step(100))
                .reward(Reward.of("gift", "小礼品", Reward.Kind.GIFT, 200))
                .storedValue(StoredValuePolicy.spending(StoredValuePolicy.Order.PRINCIPAL_FIRST)
                        .bonus("500.00", "50.00").bonus("1000.00", "150.00").creditLimit("300.00"))
                .pkg(PackageDef.of("cut-5", "剪发5次卡", "PKG-CUT-5", 5, "P12M", "CUT"))
                .build();
    }

    /** The data set's events, in order. */
    public static List<Event> events() {
        List<Event> e = new ArrayList<>();
        e.add(enroll("e1", "2026-01-05T10:00", "m1", null, "S1", "amy",
                new Profile("Lin", null, LocalDate.parse("1990-07-02"), "F", List.of("vip", "colour"))));
        e.add(enroll("e2", "2026-01-10T10:00", "m2", "m1", "S1", "amy",
                new Profile("Wang", null, LocalDate.parse("2000-02-29"), "M", List.of("colour"))));
        e.add(enroll("e3", "2026-02-03T09:00", "m3", "m2", "S2", "bob",
                new Profile("Zhao", null, LocalDate.parse("1985-06-30"), "F", List.of())));
        e.add(enroll("e4", "2026-03-01T09:00", "m4", "m3", "S2", "bob",
                new Profile("Qian", null, null, null, List.of("vip"))));
        e.add(enroll("e5", "2026-03-15T09:00", "m5", "m1", "S2", null,
                new Profile("Sun", null, LocalDate.parse("2010-07-10"), "F", List.of())));
        e.add(enroll("e7", "2026-04-01T09:00", "m7", "m4", "S1", "amy",
                new Profile("Li", null, null, "M", List.of())));
        e.add(enroll("e6", "2026-07-05T09:00", "m6", null, "S1", "amy",
                new Profile("Zhou", null, LocalDate.parse("1970-07-01"), "F", List.of("vip"))));

        e.add(buy("p1", "2026-01-06T10:00", "m1", "S1", "amy", "CUT", "service", "200.00", 0, "cash"));
        e.add(buy("p2", "2026-01-20T10:00", "m1", "S1", "bob", "COLOR", "service", "300.00", 0, "cash"));
        e.add(buy("p3", "2026-02-03T10:00", "m1", "S2", "cat", "CUT", "service", "100.00", 100, "cash"));
        e.add(buy("p4", "2026-03-03T10:00", "m1", "S1", "amy", "CUT", "service", "150.00", 0, "cash"));
        e.add(buy("p5", "2026-01-12T15:00", "m2", "S1", "amy", "CUT", "service", "100.00", 0, "cash"));
        e.add(buy("p6", "2026-05-01T15:00", "m2", "S2", "bob", "COLOR", "service", "900.00", 0, "cash"));
        e.add(buy("p7", "2026-06-20T15:00", "m2", "S2", "cat", "CUT", "service", "120.00", 0, "cash"));
        e.add(new TopUp("t1", at("2026-02-05T11:00"), "m3", new BigDecimal("1000.00"), "S2", "bob", null));
        e.add(buy("p8", "2026-02-10T11:00", "m3", "S1", "amy", "COLOR", "service", "400.00", 0, "stored_value"));
        e.add(new TopUp("t2", at("2026-03-10T11:00"), "m3", new BigDecimal("500.00"), "S1", "amy", null));
        e.add(buy("p9", "2026-04-10T11:00", "m3", "S1", "amy", "CUT", "service", "300.00", 0, "stored_value"));
        e.add(buy("p10", "2026-03-05T12:00", "m4", "S2", "bob", "PKG-CUT-5", "package", "250.00", 0, "cash"));
        e.add(Purchase.builder("p11", at("2026-04-05T12:00")).member("m4").store("S2")
                .line(new Line("1", "CUT", "service", BigDecimal.ONE, new BigDecimal("50.00"), null, null, "cat"))
                .tender(Tender.pkg("cut-5", "50.00")).build());
        e.add(new Redeem("r1", at("2026-06-01T10:00"), "m4", "gift", "S1"));
        e.add(buy("p12", "2026-05-01T10:00", "m5", "S2", "cat", "CUT", "service", "200.00", 0, "stored_value"));
        return e;
    }

    private static Enroll enroll(String id, String at, String member, String referrer, String store, String staff,
                                 Profile profile) {
        return new Enroll(id, at(at), member, profile, referrer, store, staff, List.of());
    }

    private static Purchase buy(String id, String at, String member, String store, String staff, String sku,
                                String category, String price, long redeem, String tender) {
        BigDecimal paid = new BigDecimal(price).subtract(BigDecimal.valueOf(redeem, 2));
        return Purchase.builder(id, at(at)).member(member).store(store).staff(staff)
                .line(new Line("1", sku, category, BigDecimal.ONE, new BigDecimal(price), null, null, staff))
                .redeemPoints(redeem).tender(tender, paid.toPlainString()).build();
    }

    @BeforeAll
    void applyTheDataSet() {
        store = newStore();
        Program program = program();
        Loyalty loyalty = Loyalty.builder(program).store(store).build();
        for (Event e : events()) {
            assertThat(loyalty.apply(e)).as(e.id()).isInstanceOf(Result.Applied.class);
        }
        insights = insights(program, store);
    }

    @AfterAll
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void lapsedMembersAreThoseQuietForMoreThanNDays() {
        // last visit (or enrolment, m7 never visited) to 2026-06-30 20:00, whole days:
        // m1 03-03 10:00 -> 119d10h; m7 enrolled 04-01 09:00 -> 90d11h; m4 04-05 12:00 -> 86d8h;
        // m3 04-10 11:00 -> 81d9h; m5 05-01 10:00 -> 60d10h (> 60 days); m2 06-20 15:00 -> 10d5h (not);
        // m6 enrolled after asOf: not a member yet. Longest quiet first.
        assertThat(insights.lapsed(AS_OF, 60)).containsExactly(
                new Lapsed("m1", at("2026-03-03T10:00"), at("2026-03-03T10:00"), 119),
                new Lapsed("m7", null, at("2026-04-01T09:00"), 90),
                new Lapsed("m4", at("2026-04-05T12:00"), at("2026-04-05T12:00"), 86),
                new Lapsed("m3", at("2026-04-10T11:00"), at("2026-04-10T11:00"), 81),
                new Lapsed("m5", at("2026-05-01T10:00"), at("2026-05-01T10:00"), 60));
        // 61 days: m5's 60d10h no longer counts
        assertThat(insights.lapsed(AS_OF, 61)).extracting(Lapsed::member).containsExactly("m1", "m7", "m4", "m3");
    }

    @Test
    void overdueMembersAreMeasuredAgainstTheirOwnMedianGap() {
        // m1: visits 01-06, 01-20, 02-03, 03-03 (10:00) -> gaps 14d, 14d, 28d, median 14d = 1,209,600 s;
        // since 03-03 10:00: 119d10h = 10,317,600 s; 10,317,600 / 1,209,600 = 8.5297 -> 8.53 > 2.
        // m2: visits 01-12, 05-01, 06-20 -> gaps 109d, 50d, median (even count) 79.5d; since 10d5h: not overdue.
        // m3, m4 (2 visits), m5 (1) have fewer than 3 visits.
        assertThat(insights.overdue(AS_OF, new BigDecimal("2"))).containsExactly(
                new Overdue("m1", 4, at("2026-03-03T10:00"), Duration.ofDays(14),
                        Duration.ofDays(119).plusHours(10), new BigDecimal("8.53")));
        assertThat(insights.overdue(AS_OF, new BigDecimal("9"))).isEmpty();
        // as of 04-30 10:00 m1 is 58 days out (4.14x), still overdue at k = 4 but not at 4.2
        assertThat(insights.overdue(at("2026-04-30T10:00"), new BigDecimal("4"))).extracting(Overdue::overdueRatio)
                .containsExactly(new BigDecimal("4.14"));
        assertThat(insights.overdue(at("2026-04-30T10:00"), new BigDecimal("4.2"))).isEmpty();
    }

    @Test
    void birthdaysInTheNextDaysCountTodayAsDayOneAnd29FebruaryAs28InOtherYears() {
        // 7 days from 2026-06-30: 06-30 .. 07-06. m3 (06-30) today, m1 (07-02) in 2 days; m5 07-10 too late;
        // m6 (07-01) enrolls only on 07-05.
        assertThat(insights.birthdays(AS_OF, 7)).containsExactly(
                new Birthday("m3", LocalDate.parse("1985-06-30"), LocalDate.parse("2026-06-30"), 0),
                new Birthday("m1", LocalDate.parse("1990-07-02"), LocalDate.parse("2026-07-02"), 2));
        // m2 born 2000-02-29: on 2026-02-28 in a common year, on 2028-02-29 in a leap year
        assertThat(insights.birthdays(at("2026-02-27T09:00"), 2)).containsExactly(
                new Birthday("m2", LocalDate.parse("2000-02-29"), LocalDate.parse("2026-02-28"), 1));
        assertThat(insights.birthdays(at("2028-02-28T09:00"), 2)).extracting(Birthday::member, Birthday::on)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m2", LocalDate.parse("2028-02-29")));
        assertThat(insights.birthdays(AS_OF, 0)).isEmpty();
    }

    @Test
    void referralRankingCountsDirectReferralsAndWholeChainsWithTheirSpend() {
        // spend (line nets): m1 200+300+100+150 = 750, m2 100+900+120 = 1120, m3 400+300 = 700,
        // m4 250+50 = 300, m5 200, m7 0. Chains: m1 -> {m2, m5}, m2 -> m3 -> m4 -> m7.
        // m1: direct 2 (1120+200 = 1320), chain 5 (1120+200+700+300+0 = 2320)
        // m2: direct 1 (700), chain 3 (700+300+0 = 1000); m3: direct 1 (300), chain 2 (300); m4: 1 (0), 1 (0)
        assertThat(insights.referralRanking(AS_OF)).containsExactly(
                new ReferralRank("m1", 2, 5, new BigDecimal("1320.00"), new BigDecimal("2320.00")),
                new ReferralRank("m2", 1, 3, new BigDecimal("700.00"), new BigDecimal("1000.00")),
                new ReferralRank("m3", 1, 2, new BigDecimal("300.00"), new BigDecimal("300.00")),
                new ReferralRank("m4", 1, 1, new BigDecimal("0.00"), new BigDecimal("0.00")));
    }

    @Test
    void tierDistributionNowAndAtTheEndOfEachMonth() {
        // spend in 12 months: m1 200+300+99 (100 less the 1.00 offset)+150 = 749, m2 100+900+120 = 1120 (silver
        // from p6 on 05-01 15:00), m3 700, m4 50 (the package line is excluded), m5 200, m7 0
        Map<String, Long> now = new LinkedHashMap<>();
        now.put("regular", 5L);
        now.put("silver", 1L);
        now.put("gold", 0L);
        assertThat(insights.tierDistribution(AS_OF)).containsExactlyEntriesOf(now);
        // ends: 05-01 00:00 (m2 still regular, m7 enrolled), 06-01 00:00, asOf
        List<Insights.TierSnapshot> trend = insights.tierTrend(AS_OF, Grouping.MONTH, 3);
        assertThat(trend).extracting(Insights.TierSnapshot::at)
                .containsExactly(at("2026-05-01T00:00"), at("2026-06-01T00:00"), AS_OF);
        assertThat(trend.get(0).counts()).containsExactlyEntriesOf(Map.of("regular", 6L, "silver", 0L, "gold", 0L)
                .entrySet().stream().sorted((a, b) -> order(a.getKey()) - order(b.getKey()))
                .collect(LinkedHashMap::new, (m, x) -> m.put(x.getKey(), x.getValue()), Map::putAll));
        assertThat(trend.get(1).counts()).containsExactlyEntriesOf(now);
        assertThat(trend.get(2).counts()).containsExactlyEntriesOf(now);
        // on 2026-02-01 only m1, m2 were members (m3 enrolled 02-03)
        assertThat(insights.tierDistribution(at("2026-02-01T00:00"))).containsEntry("regular", 2L);
    }

    private static int order(String level) {
        return List.of("regular", "silver", "gold").indexOf(level);
    }

    @Test
    void membersCloseToTheNextTierWithHowMuchMoreToSpend() {
        // regular -> silver 1000.00: m1 749 (251 short), m3 700 (300), m5 200 (800), m4 50 (950), m7 0 (1000);
        // silver -> gold 3000.00: m2 1120 (1880). Within 300.00: m1, m3 (300 is within).
        assertThat(insights.nearNextTier(AS_OF, new BigDecimal("300.00"))).containsExactly(
                new NearNextTier("m1", "regular", "silver", new BigDecimal("749.00"), new BigDecimal("251.00")),
                new NearNextTier("m3", "regular", "silver", new BigDecimal("700.00"), new BigDecimal("300.00")));
        assertThat(insights.nearNextTier(AS_OF, new BigDecimal("2000"))).extracting(NearNextTier::member,
                NearNextTier::shortfall).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m1", new BigDecimal("251.00")),
                        org.assertj.core.groups.Tuple.tuple("m3", new BigDecimal("300.00")),
                        org.assertj.core.groups.Tuple.tuple("m5", new BigDecimal("800.00")),
                        org.assertj.core.groups.Tuple.tuple("m4", new BigDecimal("950.00")),
                        org.assertj.core.groups.Tuple.tuple("m7", new BigDecimal("1000.00")),
                        org.assertj.core.groups.Tuple.tuple("m2", new BigDecimal("1880.00")));
    }

    @Test
    void newMembersPerPeriodStoreAndStaff() {
        // 2026-01: m1, m2 (S1, amy); 02: m3 (S2, bob); 03: m5 (S2, no staff), m4 (S2, bob); 04: m7 (S1, amy);
        // m6 (07-05) is outside [01-01, 07-01)
        assertThat(insights.newMembers(at("2026-01-01T00:00"), at("2026-07-01T00:00"), Grouping.MONTH)).containsExactly(
                new Enrolments(LocalDate.parse("2026-01-01"), "S1", "amy", 2),
                new Enrolments(LocalDate.parse("2026-02-01"), "S2", "bob", 1),
                new Enrolments(LocalDate.parse("2026-03-01"), "S2", null, 1),
                new Enrolments(LocalDate.parse("2026-03-01"), "S2", "bob", 1),
                new Enrolments(LocalDate.parse("2026-04-01"), "S1", "amy", 1));
        // weeks start on Monday: 01-05 (Mon) and 01-10 (Sat) share the week of 01-05; 03-01 is a Sunday
        assertThat(insights.newMembers(at("2026-01-01T00:00"), at("2026-03-10T00:00"), Grouping.WEEK)).containsExactly(
                new Enrolments(LocalDate.parse("2026-01-05"), "S1", "amy", 2),
                new Enrolments(LocalDate.parse("2026-02-02"), "S2", "bob", 1),
                new Enrolments(LocalDate.parse("2026-02-23"), "S2", "bob", 1));
        // [from, to): m1 enrolled exactly at 2026-01-05 10:00 counts, m2 at 01-10 10:00 does not
        assertThat(insights.newMembers(at("2026-01-05T10:00"), at("2026-01-10T10:00"), Grouping.DAY)).containsExactly(
                new Enrolments(LocalDate.parse("2026-01-05"), "S1", "amy", 1));
    }

    @Test
    void membersByGenderAgeBandAndTag() {
        // 6 members by asOf (m6 enrolls later). Ages on 2026-06-30: m1 (1990-07-02) 35, m2 (2000-02-29) 26,
        // m3 (1985-06-30) 41 today, m5 (2010-07-10) 15, m4 and m7 unknown
        Insights.Demographics d = insights.demographics(AS_OF);
        assertThat(d.members()).isEqualTo(6);
        assertThat(d.byGender()).containsExactly(Map.entry("F", 3L), Map.entry("M", 2L), Map.entry("unknown", 1L));
        assertThat(d.byAge()).containsExactly(Map.entry("<20", 1L), Map.entry("20-29", 1L), Map.entry("30-39", 1L),
                Map.entry("40-49", 1L), Map.entry("50+", 0L), Map.entry("unknown", 2L));
        assertThat(d.byTag()).containsExactly(Map.entry("colour", 2L), Map.entry("vip", 2L));
    }

    @Test
    void liabilityByIssuingStore() {
        // lots left (expiry 6 months after earning):
        // S1: p1 200-100 (offset on p3) = 100 exp 07-06, p2 300 exp 07-20, p4 150, p5 100 exp 07-12, p8 400, p9 300
        //     = 1350 points = 13.50; expiring by 07-30 20:00: 100+300+100 = 500
        // S2: p3 99, p6 900, p7 120, p10 250-200 (gift) = 50, p12 200 = 1369 = 13.69; none expiring by 07-30
        // stored value: m3 principal 1000 (S2) - 400 + 500 (S1) - 300 = 800 split 1000:500 -> S2 533.33, S1 266.67;
        //   bonus 150 (S2) + 50 (S1) split alike -> S2 150.00, S1 50.00; m5 principal -200.00 on credit, never
        //   topped up -> its enrolling store S2: 533.33 - 200.00 = 333.33
        // packages: 5 cuts bought at S2 (p10), 1 used -> 4
        assertThat(insights.liability(AS_OF)).containsExactly(
                new StoreLiability("S1", 1350, new BigDecimal("13.50"), 500, new BigDecimal("266.67"),
                        new BigDecimal("50.00"), 0),
                new StoreLiability("S2", 1369, new BigDecimal("13.69"), 0, new BigDecimal("333.33"),
                        new BigDecimal("150.00"), 4));
        // 2026-07-15 12:00: p1 (07-06) and p5 (07-12) lots expired -> S1 1150; expiring by 08-14 12:00:
        // S1 p2 300 + p8 400 (08-10) = 700, S2 p3 99 (08-03)
        assertThat(insights.liability(at("2026-07-15T12:00"))).extracting(StoreLiability::store,
                StoreLiability::points, StoreLiability::expiring30Days).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("S1", 1150L, 700L),
                        org.assertj.core.groups.Tuple.tuple("S2", 1369L, 99L));
    }

    @Test
    void settlementMatrixBetweenStores() {
        // points: p3 at S2 offset 100 points drawn from p1's lot (S1, expiring first) -> (S1, S2) 100 = 1.00;
        //   r1 at S1 drew 200 from p10's lot (S2) -> (S2, S1) 200 = 2.00
        // stored value: p8 at S1 paid 400.00, m3's only top-up then was at S2 -> (S2, S1) 400.00;
        //   p9 at S1 paid 300.00 with top-ups S2 1150 (1000+150), S1 550 (500+50):
        //   S2 300*1150/1700 = 202.94, S1 300*550/1700 = 97.06;
        //   p12 at S2 paid 200.00 on credit, m5 never topped up -> its enrolling store (S2, S2) 200.00
        Insights.Settlement all = insights.settlement(at("2026-01-01T00:00"), at("2026-07-01T00:00"));
        assertThat(all.points()).containsExactly(
                new PointsCell("S1", "S2", 100, new BigDecimal("1.00")),
                new PointsCell("S2", "S1", 200, new BigDecimal("2.00")));
        assertThat(all.storedValue()).containsExactly(
                new ValueCell("S1", "S1", new BigDecimal("97.06")),
                new ValueCell("S2", "S1", new BigDecimal("602.94")),
                new ValueCell("S2", "S2", new BigDecimal("200.00")));
        // from 04-01: p3 and p8 fall outside
        Insights.Settlement q2 = insights.settlement(at("2026-04-01T00:00"), at("2026-07-01T00:00"));
        assertThat(q2.points()).containsExactly(new PointsCell("S2", "S1", 200, new BigDecimal("2.00")));
        assertThat(q2.storedValue()).containsExactly(
                new ValueCell("S1", "S1", new BigDecimal("97.06")),
                new ValueCell("S2", "S1", new BigDecimal("202.94")),
                new ValueCell("S2", "S2", new BigDecimal("200.00")));
    }

    @Test
    void creditWarningForMembersBelowZeroForMoreThanNDays() {
        // m5 paid 200.00 on credit on 05-01 10:00: principal -200.00 for 60d10h at asOf
        assertThat(insights.creditWarnings(AS_OF, 30)).containsExactly(
                new CreditWarning("m5", new BigDecimal("-200.00"), at("2026-05-01T10:00"), 60));
        assertThat(insights.creditWarnings(AS_OF, 61)).isEmpty();
        // before the payment nobody is below zero
        assertThat(insights.creditWarnings(at("2026-04-30T00:00"), 0)).isEmpty();
    }

    @Test
    void spendAndMembersServedPerStylist() {
        // bob: p2 300 (m1) + p6 900 (m2) + p10 250 (m4) = 1450, 3 members, 3 visits
        // amy: p1 200 + p4 150 (m1) + p5 100 (m2) + p8 400 + p9 300 (m3) = 1150, 3 members, 5 visits
        // cat: p3 100 (m1) + p7 120 (m2) + p11 50 (m4) + p12 200 (m5) = 470, 4 members, 4 visits
        assertThat(insights.staff(at("2026-01-01T00:00"), at("2026-07-01T00:00"))).containsExactly(
                new StaffFigures("bob", new BigDecimal("1450.00"), 3, 3),
                new StaffFigures("amy", new BigDecimal("1150.00"), 3, 5),
                new StaffFigures("cat", new BigDecimal("470.00"), 4, 4));
        // May: p6 bob 900, p12 cat 200
        assertThat(insights.staff(at("2026-05-01T00:00"), at("2026-06-01T00:00"))).containsExactly(
                new StaffFigures("bob", new BigDecimal("900.00"), 1, 1),
                new StaffFigures("cat", new BigDecimal("200.00"), 1, 1));
    }

    @Test
    void badArgumentsAreRejectedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> insights.lapsed(AS_OF, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days");
        assertThatThrownBy(() -> insights.birthdays(AS_OF, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> insights.overdue(AS_OF, BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> insights.settlement(AS_OF, at("2026-01-01T00:00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> insights.tierTrend(AS_OF, Grouping.MONTH, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> insights.liability(null)).isInstanceOf(NullPointerException.class);
    }
}
