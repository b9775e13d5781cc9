package io.loyaltykit.examples.common;

import io.loyaltykit.program.BirthdayPeriod;
import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Combine;
import io.loyaltykit.program.Condition;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Expiry;
import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.PackageDef;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.SpendOrder;
import io.loyaltykit.program.StoredValuePolicy;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;
import io.loyaltykit.program.TxView;

import java.time.DayOfWeek;

/**
 * The salon program of the specs ({@code salon-program.json}), built with the fluent API, for the
 * integrations' runnable mains.
 *
 * <pre>{@code
 * Loyalty loyalty = Loyalty.builder(SalonProgram.build()).build();
 * }</pre>
 */
public final class SalonProgram {
    private SalonProgram() {
    }

    /** The program, in CNY and Asia/Shanghai as the spec declares it. */
    public static Program build() {
        return build("CNY", "Asia/Shanghai");
    }

    /**
     * The same rules in another currency and timezone, for a POS whose shop is elsewhere (every amount in
     * events must be in the program's currency).
     */
    public static Program build(String currency, String zone) {
        Condition colourRegulars = new Condition() {
            @Override
            public boolean test(MemberView member, TxView tx, LineView line) {
                return line.sku().startsWith("COLOR-") && member.tags().contains("colour");
            }

            @Override
            public String source() {
                return "line.sku.startsWith('COLOR-') && member.tags.contains('colour')";
            }

            @Override
            public boolean readsLine() {
                return true;
            }
        };
        return Program.builder("lotus-salon").name("莲花美发 会员计划").currency(currency).zone(zone)
                .points(PointsPolicy.builder().pending("P7D").expiry(Expiry.after("P12M").roundUpTo(Expiry.RoundUp.MONTH))
                        .spendOrder(SpendOrder.SOONEST_EXPIRING).returns(ReturnsPolicy.WITHIN_BALANCE)
                        .excludeTenders("points"))
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("P12M").grace("P30D").excludeCategories("gift-card")
                        .level("regular", "普通会员", "0")
                        .level(TierLevel.of("silver", "银卡会员", "3000.00").earnMultiplier("1.2").discount("0.95", "service"))
                        .level(TierLevel.of("gold", "金卡会员", "10000.00").earnMultiplier("1.5").discount("0.88", "service")
                                .discount("0.95", "retail")))
                .multipliers(Combine.MAX)
                .earn(Earn.rate("no-points-on-cards").categories("gift-card", "package").points(0).per("1.00"))
                .earn(Earn.rate("retail").categories("retail").points(2).per("1.00"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.multiplier("birthday-double", "2").birthday(BirthdayPeriod.MONTH))
                .earn(Earn.multiplier("may-day", "1.5").from("2026-05-01").to("2026-05-07").categories("service"))
                .earn(Earn.multiplier("weekday-morning", "1.3").daysOfWeek(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)
                        .hours("10:00", "14:00"))
                .earn(Earn.bonus("big-ticket").step("500.00", 50).step("1000.00", 150))
                .earn(Earn.multiplier("colour-regulars", "1.2").when(colourRegulars))
                .earn(Earn.onEnroll("welcome").points(100))
                .earn(Earn.onTopUp("topup-points").points(1).per("10.00"))
                .earn(Earn.onCheckIn("daily-checkin").streak(5, 5, 30, 7))
                .earn(Earn.onEvent("review", "review_posted").points(20).cap(20, CalendarUnit.MONTH))
                .cashOffset(CashOffset.of(100, "1.00").categories("service", "retail").maxShare("0.5").minPoints(100)
                        .step(100).respectCost(true))
                .reward(Reward.of("free-wash", "免费洗护一次", Reward.Kind.SERVICE, 800).stock(100).limit(1, CalendarUnit.MONTH))
                .reward(Reward.of("shampoo-gift", "旅行装洗发水", Reward.Kind.GIFT, 1500).stock(20))
                .reward(Reward.of("coupon-50", "50元代金券", Reward.Kind.COUPON, 4000).tiers("silver", "gold"))
                .referral(ReferralPolicy.on(ReferralPolicy.TriggerKind.FIRST_PURCHASE).minSpend("100.00")
                        .level(200).level(50).referee(100).cap(5000, CalendarUnit.YEAR))
                .storedValue(StoredValuePolicy.spending(StoredValuePolicy.Order.PROPORTIONAL)
                        .bonus("500.00", "50.00").bonus("1000.00", "200.00"))
                .pkg(PackageDef.of("cut-10", "剪发10次卡", "PKG-CUT-10", 10, "P12M", "CUT-01"))
                .walkIns("P30D")
                .build();
    }
}
