package io.loyaltykit.report;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Adjust;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Expiry;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.StoredValuePolicy;
import io.loyaltykit.program.TierPolicy;
import io.loyaltykit.store.LoyaltyStore;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small salon whose every figure is worked out by hand in {@link ReplayReportFiguresTest}: three
 * members in a referral chain (m1 referred m2, m2 referred m3), purchases, a top-up, a reward, a cash
 * offset paid with stored value, a whole return after its points were spent, a negative adjustment and
 * one expiry.
 */
final class ReportFixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The instant the hand-worked figures describe. */
    static final Instant AS_OF = at("2026-04-02T10:00");

    private ReportFixtures() {
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** 1 point per 1.00, pending 7 days, expiring after 30; 100 points = 1.00; silver from 500.00 spent. */
    static Program program(boolean withOffset) {
        Program.Builder b = Program.builder("report-figures").name("Lotus <Salon> & \"Spa\" 莲花").currency("CNY")
                .zone("Asia/Shanghai")
                .points(PointsPolicy.builder().pending("P7D").expiry(Expiry.after("P30D")).returns(ReturnsPolicy.WITHIN_BALANCE))
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("lifetime").neverDowngrade()
                        .level("regular", "Regular", "0").level("silver", "银卡会员", "500.00"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.onEnroll("welcome").points(100))
                .reward(Reward.of("gift", "Gift", Reward.Kind.GIFT, 500))
                .referral(ReferralPolicy.on(ReferralPolicy.TriggerKind.FIRST_PURCHASE).minSpend("100.00")
                        .level(200).level(50).referee(100))
                .storedValue(StoredValuePolicy.spending(StoredValuePolicy.Order.PRINCIPAL_FIRST).bonus("500.00", "50.00"));
        if (withOffset) {
            b.cashOffset(CashOffset.of(100, "1.00").step(100));
        }
        return b.build();
    }

    static List<Event> events(boolean withOffset) {
        Purchase.Builder p3 = Purchase.builder("p3", at("2026-03-13T10:00")).member("m1")
                .line("1", "COLOR-01", "service", "1", "200.00");
        if (withOffset) {
            p3.redeemPoints(100).tender(Tender.STORED_VALUE, "199.00");
        } else {
            p3.tender(Tender.STORED_VALUE, "200.00");
        }
        return List.of(
                enroll("e1", "2026-03-02T10:00", "m1", "Alice", null),
                enroll("e2", "2026-03-02T11:00", "m2", "Bob", "m1"),
                enroll("e3", "2026-03-03T09:00", "m3", "Carol", "m2"),
                Purchase.builder("p1", at("2026-03-03T10:00")).member("m2")
                        .line("1", "CUT-01", "service", "1", "300.00").tender("cash", "300.00").build(),
                Purchase.builder("p2", at("2026-03-04T10:00")).member("m3")
                        .line("1", "PERM-01", "service", "1", "600.00").tender("card", "600.00").build(),
                TopUp.of("t1", at("2026-03-05T10:00"), "m1", "500.00"),
                Redeem.of("x1", at("2026-03-12T10:00"), "m2", "gift"),
                p3.build(),
                Return.whole("r1", at("2026-03-14T10:00"), "m2", "p1"),
                new Adjust("a1", at("2026-03-15T10:00"), "m3", -50, "goodwill correction", "ops"));
    }

    static Enroll enroll(String id, String local, String member, String name, String referrer) {
        return new Enroll(id, at(local), member, new Profile(name, null, null, null, List.of()), referrer, null, null,
                List.of());
    }

    /** A store holding the fixture's events, every one applied. */
    static LoyaltyStore store(Program program, List<Event> events) {
        LoyaltyStore store = LoyaltyStore.inMemory();
        Loyalty loyalty = Loyalty.builder(program).store(store).build();
        for (Event e : events) {
            Result r = loyalty.apply(e);
            assertThat(r).as("fixture event %s", e.id()).isInstanceOf(Result.Applied.class);
        }
        return store;
    }
}
