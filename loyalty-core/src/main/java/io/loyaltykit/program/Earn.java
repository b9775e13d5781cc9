package io.loyaltykit.program;

import java.math.BigDecimal;

/**
 * Entry point for earning rules in the fluent API; each factory mirrors one kind of the file format.
 *
 * <pre>{@code
 * Program.builder("lotus-salon").currency("CNY").zone("Asia/Shanghai")
 *     .earn(Earn.rate("retail").categories("retail").points(2).per("1.00"))
 *     .earn(Earn.rate("base").points(1).per("1.00"))
 *     .earn(Earn.multiplier("birthday-double", "2").birthday(BirthdayPeriod.MONTH))
 *     .earn(Earn.onEnroll("welcome").points(100))
 *     .build();
 * }</pre>
 */
public final class Earn {
    private Earn() {
    }

    /** A purchase rate rule: {@code .points(n).per("1.00")} or {@code .points(n).perUnit()}. */
    public static EarnRule.Builder rate(String id) {
        return new EarnRule.Builder(id, Trigger.PURCHASE, null);
    }

    /** A purchase multiplier rule. */
    public static EarnRule.Builder multiplier(String id, String factor) {
        return new EarnRule.Builder(id, Trigger.PURCHASE, null).award(new Award.Multiplier(new BigDecimal(factor)));
    }

    /** A purchase bonus rule: add {@code .step(atLeast, points)}. */
    public static EarnRule.Builder bonus(String id) {
        return new EarnRule.Builder(id, Trigger.PURCHASE, null);
    }

    /** Points on enrolment: {@code .points(n)}. */
    public static EarnRule.Builder onEnroll(String id) {
        return new EarnRule.Builder(id, Trigger.ENROLL, null);
    }

    /** Points on top-up: fixed {@code .points(n)}, or {@code .points(n).per("10.00")} of principal. */
    public static EarnRule.Builder onTopUp(String id) {
        return new EarnRule.Builder(id, Trigger.TOPUP, null);
    }

    /** Points on check-in: fixed {@code .points(n)} or {@code .streak(...)}. */
    public static EarnRule.Builder onCheckIn(String id) {
        return new EarnRule.Builder(id, Trigger.CHECKIN, null);
    }

    /** Points on a custom event {@code event:NAME}. */
    public static EarnRule.Builder onEvent(String id, String eventName) {
        return new EarnRule.Builder(id, Trigger.EVENT, eventName);
    }
}
