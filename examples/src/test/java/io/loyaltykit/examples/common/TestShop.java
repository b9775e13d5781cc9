package io.loyaltykit.examples.common;

import io.loyaltykit.Loyalty;
import io.loyaltykit.program.Earn;
import io.loyaltykit.program.PointsPolicy;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.store.LoyaltyStore;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A small program whose figures are easy to check by hand (retail lines 2 points per 1.00, everything else
 * 1 point per 1.00, nothing pending, floor rounding over the transaction), and a facade over a fresh
 * in-memory store.
 */
public final class TestShop {
    public final Program program;
    public final LoyaltyStore store = LoyaltyStore.inMemory();
    public final Loyalty loyalty;

    public TestShop(String currency, String zone) {
        this.program = Program.builder("test-shop").name("Test shop").currency(currency).zone(zone)
                .points(PointsPolicy.builder().returns(ReturnsPolicy.WITHIN_BALANCE))
                .earn(Earn.rate("retail").categories("retail").points(2).per("1.00"))
                .earn(Earn.rate("base").points(1).per("1.00"))
                .walkIns("P30D")
                .build();
        this.loyalty = Loyalty.builder(program).store(store)
                .clock(Clock.fixed(Instant.parse("2026-12-31T00:00:00Z"), ZoneOffset.UTC)).build();
    }

    /** A CNY shop in Shanghai. */
    public static TestShop cny() {
        return new TestShop("CNY", "Asia/Shanghai");
    }

    /** Available points of a member at the end of 2026. */
    public long available(String member) {
        return loyalty.balance(member, Instant.parse("2026-12-31T00:00:00Z")).available();
    }

    /** How many ledger entries a member has. */
    public int entries(String member) {
        return loyalty.history(member).size();
    }
}
