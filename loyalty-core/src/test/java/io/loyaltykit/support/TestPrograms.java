package io.loyaltykit.support;

import io.loyaltykit.program.BirthdayPeriod;
import io.loyaltykit.program.CalendarUnit;
import io.loyaltykit.program.CashOffset;
import io.loyaltykit.program.Combine;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.Expiry;
import io.loyaltykit.program.PackageDef;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReferralPolicy;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.program.Reward;
import io.loyaltykit.program.StoredValuePolicy;
import io.loyaltykit.program.TierLevel;
import io.loyaltykit.program.TierPolicy;

import java.time.DayOfWeek;

/** Programs for property and contract tests, built with the fluent API. */
public final class TestPrograms {
    private TestPrograms() {
    }

    /** A salon program using most sections, with the given returns policy. */
    public static Program salon(ReturnsPolicy returns) {
        return salon(returns, true);
    }

    /** The salon program; {@code withStock} false leaves rewards unlimited (so members are independent). */
    public static Program salon(ReturnsPolicy returns, boolean withStock) {
        Reward wash = Reward.of("free-wash", "免费洗护一次", Reward.Kind.SERVICE, 800).limit(1, CalendarUnit.MONTH);
        Reward gift = Reward.of("shampoo-gift", "旅行装洗发水", Reward.Kind.GIFT, 300);
        if (withStock) {
            wash = wash.stock(100);
            gift = gift.stock(20);
        }
        return Program.builder("lotus-salon").name("莲花美发 会员计划").currency("CNY").zone("Asia/Shanghai")
                .points(PointsPolicy.builder().pending("P7D").expiry(Expiry.after("P12M").roundUpTo(Expiry.RoundUp.MONTH))
                        .returns(returns).excludeTenders("points", "package"))
                .tiers(TierPolicy.on(TierPolicy.Metric.SPEND).window("P12M").grace("P30D").excludeCategories("gift-card")
                        .level("regular", "普通会员", "0")
                        .level(TierLevel.of("silver", "银卡会员", "3000.00").earnMultiplier("1.2").discount("0.95", "service"))
                        .level(TierLevel.of("gold", "金卡会员", "10000.00").earnMultiplier("1.5")))
                .multipliers(Combine.MAX)
                .earn(Earn.rate("no-points-on-cards").categories("gift-card", "package").points(0).per("1.00"))
                .earn(Earn.rate("retail").categories("retail").points(2).per("1.00"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .earn(Earn.multiplier("birthday-double", "2").birthday(BirthdayPeriod.MONTH))
                .earn(Earn.multiplier("weekday-morning", "1.3").daysOfWeek(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)
                        .hours("10:00", "14:00"))
                .earn(Earn.bonus("big-ticket").step("500.00", 50).step("1000.00", 150))
                .earn(Earn.onEnroll("welcome").points(100))
                .earn(Earn.onTopUp("topup-points").points(1).per("10.00"))
                .earn(Earn.onCheckIn("daily-checkin").streak(5, 5, 30, 7))
                .cashOffset(CashOffset.of(100, "1.00").categories("service", "retail").maxShare("0.5").minPoints(100)
                        .step(100).respectCost(true))
                .reward(wash)
                .reward(gift)
                .referral(ReferralPolicy.on(ReferralPolicy.TriggerKind.FIRST_PURCHASE).minSpend("100.00")
                        .level(200).level(50).referee(100).cap(5000, CalendarUnit.YEAR))
                .storedValue(StoredValuePolicy.spending(StoredValuePolicy.Order.PROPORTIONAL)
                        .bonus("500.00", "50.00").bonus("1000.00", "200.00"))
                .pkg(PackageDef.of("cut-10", "剪发10次卡", "PKG-CUT-10", 10, "P12M", "CUT-01"))
                .walkIns("P30D")
                .build();
    }
}
