package io.loyaltykit.examples.common;

import io.loyaltykit.event.Tender;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenders fitted to a bill: exact to the cent, proportional, whatever the payments. */
class TendersProperties {

    @Provide
    Arbitrary<Tender> payment() {
        return Combinators.combine(Arbitraries.of("cash", "card", "cheque", "wechat"),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000")).ofScale(2))
                .as((type, amount) -> new Tender(type, amount, null));
    }

    @Property(tries = 500)
    void fittedTendersAddUpToTheBillExactlyAndStayProportional(
            @ForAll @Size(min = 1, max = 5) List<@net.jqwik.api.From("payment") Tender> paid,
            @ForAll @IntRange(min = 1, max = 2_000_00) int dueCents) {
        BigDecimal total = paid.stream().map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        net.jqwik.api.Assume.that(total.signum() > 0);
        BigDecimal due = BigDecimal.valueOf(dueCents, 2);

        List<Tender> fitted = Tenders.fit(paid, due, 2);

        assertThat(fitted.stream().map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(due);
        assertThat(fitted).allSatisfy(t -> {
            assertThat(t.amount().signum()).isPositive();
            assertThat(t.amount().scale()).isEqualTo(2);
            BigDecimal ofType = paid.stream().filter(p -> p.type().equals(t.type())).map(Tender::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal exact = ofType.multiply(due).divide(total, 10, RoundingMode.HALF_EVEN);
            assertThat(t.amount().subtract(exact).abs()).as("%s of %s", t, paid).isLessThan(new BigDecimal("0.01"));
        });
        assertThat(fitted).extracting(Tender::type).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void paymentsThatMatchTheBillAreKeptAsTheyAre() {
        List<Tender> fitted = Tenders.fit(List.of(Tender.of("cash", "100.00"), Tender.of("card", "98.4")),
                new BigDecimal("198.40"), 2);

        assertThat(fitted).containsExactly(new Tender("card", new BigDecimal("98.40"), null),
                new Tender("cash", new BigDecimal("100.00"), null));
    }

    @Test
    void theCentOfRoundingGoesToTheLargestRemainder() {
        // 10.00 over three equal payments: 3.33 each and the left-over cent to the first in type order
        List<Tender> fitted = Tenders.fit(List.of(Tender.of("cash", "5.00"), Tender.of("card", "5.00"),
                Tender.of("wechat", "5.00")), new BigDecimal("10.00"), 2);

        assertThat(fitted).containsExactly(new Tender("card", new BigDecimal("3.34"), null),
                new Tender("cash", new BigDecimal("3.33"), null), new Tender("wechat", new BigDecimal("3.33"), null));
    }
}
