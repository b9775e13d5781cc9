package io.loyaltykit.engine;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Loyalty;
import io.loyaltykit.LoyaltyListener;
import io.loyaltykit.Quote;
import io.loyaltykit.Result;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Return;
import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.loyaltykit.engine.Fixtures.at;
import static io.loyaltykit.engine.Fixtures.enroll;
import static io.loyaltykit.engine.Fixtures.points;
import static io.loyaltykit.engine.Fixtures.program;
import static io.loyaltykit.engine.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

/** Tier windows and grace, referral shares, caps and reversal, walk-in returns, quotes and listeners. */
class TiersReferralWalkInTest {

    private static Program tiers(String grace) {
        TierPolicy.Builder t = TierPolicy.on(TierPolicy.Metric.SPEND).window("P30D");
        t = grace == null ? t.neverDowngrade() : t.grace(grace);
        return program().tiers(t.level("regular", "R", "0")
                        .level(TierLevel.of("silver", "S", "1000.00").earnMultiplier("2").discount("0.9", "service")))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .reward(Reward.of("vip", "VIP gift", Reward.Kind.GIFT, 10).tiers("silver")).build();
    }

    @Test
    void aRollingWindowDowngradesGraceAfterTheSpendLeftIt() {
        Loyalty l = Fixtures.loyalty(tiers("P10D"));
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        points(l, sale("p1", "2026-01-01T10:00:00", "m1", "A", "service", "1000.00"));
        assertThat(l.account("m1", at("2026-01-31T09:59:59")).tier()).isEqualTo("silver");
        // the spend leaves the window on 31 January 10:00; ten days' grace
        assertThat(l.account("m1", at("2026-02-10T09:59:59")).tier()).isEqualTo("silver");
        assertThat(l.account("m1", at("2026-02-10T10:00:00")).tier()).isEqualTo("regular");
        // a purchase inside the grace at the silver rate, then the drop
        assertThat(points(l, sale("p2", "2026-02-05T10:00:00", "m1", "A", "service", "10.00"))).isEqualTo(20);
        assertThat(points(l, sale("p3", "2026-02-11T10:00:00", "m1", "A", "service", "10.00"))).isEqualTo(10);
        assertThat(Fixtures.rejected(l, Redeem.of("x1", at("2026-02-11T11:00:00"), "m1", "vip")).code())
                .isEqualTo(ErrorCode.REWARD_UNAVAILABLE);
        assertThat(l.tierHistory("m1", at("2026-03-01T00:00:00"))).containsExactly(
                new io.loyaltykit.TierChange(at("2026-01-01T10:00:00"), "regular", "silver"),
                new io.loyaltykit.TierChange(at("2026-02-10T10:00:00"), "silver", "regular"));
    }

    @Test
    void spendBackAboveTheThresholdInsideTheGraceKeepsTheLevel() {
        Loyalty l = Fixtures.loyalty(tiers("P10D"));
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        points(l, sale("p1", "2026-01-01T10:00:00", "m1", "A", "service", "1000.00"));
        points(l, sale("p2", "2026-02-03T10:00:00", "m1", "A", "service", "1000.00"));
        assertThat(l.account("m1", at("2026-02-20T10:00:00")).tier()).isEqualTo("silver");
        Loyalty never = Fixtures.loyalty(tiers(null));
        points(never, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        points(never, sale("p1", "2026-01-01T10:00:00", "m1", "A", "service", "1000.00"));
        assertThat(never.account("m1", at("2027-01-01T10:00:00")).tier()).isEqualTo("silver");
    }

    @Test
    void aReturnBelowTheThresholdStartsTheGrace() {
        Loyalty l = Fixtures.loyalty(tiers("P0D"));
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        points(l, sale("p1", "2026-01-01T10:00:00", "m1", "A", "service", "1000.00"));
        points(l, Return.whole("r1", at("2026-01-02T10:00:00"), "m1", "p1"));
        assertThat(l.account("m1", at("2026-01-02T10:00:00")).tier()).isEqualTo("regular");
    }

    @Test
    void quotesTellTheLevelItsDiscountsAndTheLargestOffset() {
        Loyalty l = Fixtures.loyalty(tiers("P10D"));
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        points(l, sale("p1", "2026-01-01T10:00:00", "m1", "A", "service", "1000.00"));
        Quote q = l.quote(sale("q1", "2026-01-02T10:00:00", "m1", "A", "service", "100.00"));
        assertThat(q.tier()).isEqualTo("silver");
        assertThat(q.points()).isEqualTo(200);
        assertThat(q.discounts()).singleElement().satisfies(d -> assertThat(d.rate()).isEqualByComparingTo("0.9"));
        assertThat(q.maxRedeemablePoints()).isZero();
        assertThat(q.problem()).isNull();
        assertThat(l.history("m1")).noneMatch(e -> e.eventId().equals("q1"));
    }

    @Test
    void referralSharesCapsAndReversalOnReturn() {
        Program p = program().earn(Earn.rate("base").points(1).per("1.00"))
                .referral(ReferralPolicy.on(ReferralPolicy.TriggerKind.EVERY_PURCHASE).minSpend("50.00")
                        .levelShare("0.1").level(30).referee(5).cap(35, CalendarUnit.MONTH)).build();
        Loyalty l = Fixtures.loyalty(p);
        points(l, enroll("ea", "2026-01-01T09:00:00", "a", null, null));
        points(l, enroll("eb", "2026-01-01T09:01:00", "b", "a", null));
        points(l, enroll("ec", "2026-01-01T09:02:00", "c", "b", null));
        // c earns 200 + 5; b gets 10% = 20; a gets 30
        assertThat(points(l, sale("c1", "2026-01-02T10:00:00", "c", "A", "service", "200.00"))).isEqualTo(205);
        assertThat(l.balance("b", at("2026-01-02T10:00:00")).available()).isEqualTo(20);
        assertThat(l.balance("a", at("2026-01-02T10:00:00")).available()).isEqualTo(30);
        // second purchase: b's cap leaves 15, a's leaves 5
        points(l, sale("c2", "2026-01-03T10:00:00", "c", "A", "service", "200.00"));
        assertThat(l.balance("b", at("2026-01-03T10:00:00")).available()).isEqualTo(35);
        assertThat(l.balance("a", at("2026-01-03T10:00:00")).available()).isEqualTo(35);
        // returning c1 takes the awards it triggered back
        assertThat(points(l, Return.whole("r1", at("2026-01-04T10:00:00"), "c", "c1"))).isEqualTo(-205);
        assertThat(l.balance("b", at("2026-01-04T10:00:00")).available()).isEqualTo(15);
        assertThat(l.balance("a", at("2026-01-04T10:00:00")).available()).isEqualTo(5);
        // below minSpend: no award
        assertThat(points(l, sale("c3", "2026-01-05T10:00:00", "c", "A", "service", "49.99"))).isEqualTo(49);
    }

    @Test
    void aWalkInReturnedBeforeItIsClaimedLeavesNothingToClaim() {
        Program p = program().earn(Earn.rate("base").points(1).per("1.00")).walkIns("P30D").build();
        Loyalty l = Fixtures.loyalty(p);
        Purchase w = Purchase.builder("w1", at("2026-01-01T10:00:00")).line("1", "A", "service", "2", "30.00")
                .tender("cash", "60.00").build();
        assertThat(points(l, w)).isEqualTo(60);
        assertThat(points(l, new Return("r1", at("2026-01-01T11:00:00"), null, "w1",
                List.of(new Return.ReturnLine("1", new java.math.BigDecimal("1"))), null))).isEqualTo(-30);
        assertThat(points(l, new Enroll("e1", at("2026-01-02T10:00:00"), "m1", Profile.empty(), null, null, null,
                List.of("w1")))).isEqualTo(30);
        // the claimer may return the rest
        assertThat(points(l, Return.whole("r2", at("2026-01-03T10:00:00"), "m1", "w1"))).isEqualTo(-30);
        assertThat(l.balance("m1", at("2026-01-03T10:00:00")).available()).isZero();
    }

    @Test
    void listenersHearTierChangesEarningsAndRedemptionsAfterCommit() {
        List<String> heard = new ArrayList<>();
        Program p = tiers("P10D");
        Loyalty l = Loyalty.builder(p).voucherCodes(() -> "V-1").listener(new LoyaltyListener() {
            @Override
            public void pointsEarned(String member, long points, Event cause) {
                heard.add("earned " + member + " " + points);
            }

            @Override
            public void tierChanged(String member, String from, String to, Event cause) {
                heard.add("tier " + member + " " + from + "->" + to);
            }

            @Override
            public void rewardRedeemed(String member, io.loyaltykit.ledger.PointsDebit redemption, Event cause) {
                heard.add("redeemed " + member + " " + redemption.voucher());
                throw new IllegalStateException("a failing listener changes nothing");
            }
        }).build();
        points(l, enroll("e1", "2026-01-01T09:00:00", "m1", null, null));
        points(l, sale("p1", "2026-01-01T10:00:00", "m1", "A", "service", "1000.00"));
        Result r = l.apply(Redeem.of("x1", at("2026-01-01T11:00:00"), "m1", "vip"));
        assertThat(r).isInstanceOf(Result.Applied.class);
        assertThat(heard).containsExactly("earned m1 1000", "tier m1 regular->silver", "redeemed m1 V-1");
    }
}
