package io.loyaltykit.examples.unicenta;

import io.loyaltykit.Result;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Tender;
import io.loyaltykit.examples.common.Originals;
import io.loyaltykit.examples.common.TestShop;
import io.loyaltykit.examples.unicenta.fakepos.TicketInfo;
import io.loyaltykit.examples.unicenta.fakepos.TicketLineInfo;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a till rings up (prices stored before tax as doubles, several tax rates, fractional units,
 * discount lines, payments split and rounded as uniCenta rounds them), the mapped purchase is one the
 * engine accepts, its tenders adding up to its lines to the cent.
 */
class UnicentaMappingProperties {
    private static final double[] RATES = {0.0, 0.06, 0.13, 0.2};

    record Item(double shelfPrice, int rate, double units) {
    }

    @Provide
    Arbitrary<Item> item() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 99_999).map(c -> c / 100.0),
                Arbitraries.integers().between(0, RATES.length - 1),
                Arbitraries.of(1.0, 2.0, 3.0, 0.5, 1.25, 0.333))
                .as(Item::new);
    }

    @Property(tries = 200)
    void everyMappedSaleIsAcceptedWithTendersMatchingItsLines(
            @ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("item") Item> items,
            @ForAll @IntRange(min = 0, max = 30) int discountPercent,
            @ForAll @IntRange(min = 1, max = 3) int payments) {
        TestShop shop = TestShop.cny();
        UnicentaMapper mapper = Tickets.mapper(shop.program);
        TicketInfo t = new TicketInfo("t", 0, 1, 0, Tickets.date("2026-03-03T10:00:00"), null, Tickets.ANNA);
        double shelf = 0;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            double rate = RATES[it.rate()];
            // uniCenta stores the price before tax: the shelf price divided back
            t.line(new TicketLineInfo(i, "p" + i, it.units(), it.shelfPrice() / (1 + rate), rate)
                    .product("SKU-" + i, "item " + i, i % 2 == 0 ? "cat-care" : "cat-hair", i % 2 == 1));
            shelf += it.shelfPrice() * it.units();
        }
        double discount = Math.floor(shelf * discountPercent) / 100.0;
        if (discount > 0) {
            t.line(new TicketLineInfo(items.size(), null, 1, -discount, 0.0).product(null, "Discount", null, false));
        }
        double total = Math.round((shelf - discount) * 100) / 100.0;
        double part = Math.floor(total / payments * 100) / 100.0;
        String[] names = {"cash", "magcard", "cheque"};
        for (int i = 0; i < payments; i++) {
            t.payment(names[i], i == payments - 1 ? total - part * (payments - 1) : part);
        }

        Purchase p = (Purchase) mapper.map(UnicentaObjects.ticket(t), Originals.none()).orElseThrow();
        Result r = shop.loyalty.apply(p);

        assertThat(r).as("%s", r).isInstanceOf(Result.Applied.class);
        BigDecimal nets = p.lines().stream().map(l -> l.qty().multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_EVEN))
                .reduce(BigDecimal.ZERO, BigDecimal::add).subtract(p.orderDiscount());
        assertThat(p.tenders().stream().map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(nets);
    }
}
