package io.loyaltykit.examples.unicenta;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.examples.common.Originals;
import io.loyaltykit.examples.common.TestShop;
import io.loyaltykit.examples.unicenta.fakepos.CustomerInfoExt;
import io.loyaltykit.examples.unicenta.fakepos.TicketInfo;
import io.loyaltykit.store.LineRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.loyaltykit.examples.unicenta.Tickets.ANNA;
import static io.loyaltykit.examples.unicenta.Tickets.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** uniCenta tickets, through the adapter interfaces, into events: the figures of each field. */
class UnicentaMapperTest {
    private final TestShop shop = TestShop.cny();
    private final UnicentaMapper mapper = Tickets.mapper(shop.program);

    private Event map(TicketInfo t, Originals originals) {
        return mapper.map(UnicentaObjects.ticket(t), originals).orElseThrow();
    }

    @Test
    void aSaleBecomesAPurchaseWithTaxIncludedPricesTheDiscountLineAndFittedTenders() {
        Purchase p = (Purchase) map(Tickets.sale42(), Originals.none());

        assertThat(p.id()).isEqualTo("unicenta:sale:42");
        // 10:15:30.400 in Shanghai, rounded to the second as MySQL stores it
        assertThat(p.at()).isEqualTo(Instant.parse("2026-03-03T02:15:30Z"));
        assertThat(p.member()).isEqualTo("C-0001");
        assertThat(p.staff()).isEqualTo("u-anna");
        assertThat(p.store()).isEqualTo("salon-1");
        assertThat(p.lines()).containsExactly(
                new Line("0", "CUT-01", "service", new BigDecimal("1"), new BigDecimal("128.00"), BigDecimal.ZERO, null, null),
                new Line("1", "SHAMPOO-500", "retail", new BigDecimal("2"), new BigDecimal("45.20"), BigDecimal.ZERO, null, null));
        assertThat(p.orderDiscount()).isEqualByComparingTo("20.00");
        assertThat(p.tenders()).containsExactly(new Tender("card", new BigDecimal("98.40"), null),
                new Tender("cash", new BigDecimal("100.00"), null));
    }

    @Test
    void theMappedSaleIsAcceptedAndEarnsWhatTheProgramSays() {
        Purchase p = (Purchase) map(Tickets.sale42(), Originals.none());
        shop.loyalty.apply(io.loyaltykit.event.Enroll.of("e1", Instant.parse("2026-01-01T00:00:00Z"), "C-0001"));

        var result = shop.loyalty.apply(p);

        // the 20.00 discount spread by gross: cut 128.00 -> 116.28, shampoos 90.40 -> 82.12;
        // 116.28 * 1 + 82.12 * 2 = 280.52, floored
        assertThat(result).isInstanceOf(io.loyaltykit.Result.Applied.class);
        assertThat(((io.loyaltykit.Result.Applied) result).points()).isEqualTo(280);
    }

    @Test
    void pricesWithoutTaxWhenTheShopEarnsOnNetPrices() {
        UnicentaMapper net = UnicentaMapper.builder(shop.program).taxIncluded(false).build();
        TicketInfo t = new TicketInfo("t", 0, 5, 0, date("2026-03-03T10:00:00"), null, ANNA)
                .line(Tickets.shampoo(0, 1))
                .payment("cash", 45.20);

        Purchase p = (Purchase) net.map(UnicentaObjects.ticket(t), Originals.none()).orElseThrow();

        assertThat(p.lines().get(0).unitPrice()).isEqualByComparingTo("40.00");
        // the 5.20 of tax the customer paid is taken off the tender so tenders match the lines
        assertThat(p.tenders()).containsExactly(new Tender("cash", new BigDecimal("40.00"), null));
        assertThat(p.member()).as("no customer: a walk-in").isNull();
    }

    @Test
    void aRefundBecomesAReturnOfTheSaleItNamesMatchedByProduct() {
        LineRecord cut = new LineRecord("0", "CUT-01", "service", BigDecimal.ONE, new BigDecimal("116.28"),
                BigDecimal.ZERO, BigDecimal.ZERO, null);
        LineRecord shampoo = new LineRecord("1", "SHAMPOO-500", "retail", new BigDecimal("2"), new BigDecimal("82.12"),
                BigDecimal.ZERO, BigDecimal.ZERO, null);
        Originals originals = Originals.of(Map.of("unicenta:sale:42",
                new Originals.Original("unicenta:sale:42", "C-0001", List.of(cut, shampoo))));

        Return r = (Return) map(Tickets.refund7(), originals);

        assertThat(r.id()).isEqualTo("unicenta:refund:7");
        assertThat(r.original()).isEqualTo("unicenta:sale:42");
        assertThat(r.member()).isEqualTo("C-0001");
        assertThat(r.at()).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
        assertThat(r.lines()).containsExactly(new Return.ReturnLine("1", new BigDecimal("1")));
        assertThat(r.store()).isEqualTo("salon-1");
    }

    @Test
    void aRefundTakesTheMemberOfTheSaleEvenWhenRungUpWithoutTheCustomer() {
        LineRecord shampoo = new LineRecord("1", "SHAMPOO-500", "retail", new BigDecimal("2"), new BigDecimal("82.12"),
                BigDecimal.ZERO, BigDecimal.ZERO, null);
        Originals originals = Originals.of(Map.of("unicenta:sale:42",
                new Originals.Original("unicenta:sale:42", "C-0001", List.of(shampoo))));
        TicketInfo refund = new TicketInfo("r", 1, 8, 42, date("2026-03-05T16:00:00"), null, ANNA)
                .line(Tickets.shampoo(0, -2));

        Return r = (Return) map(refund, originals);

        assertThat(r.member()).isEqualTo("C-0001");
        assertThat(r.lines()).containsExactly(new Return.ReturnLine("1", new BigDecimal("2")));
    }

    @Test
    void aRefundOfAnUnrecordedSaleIsAWholeReturnTheEngineWillRefuse() {
        Return r = (Return) map(Tickets.refund7(), Originals.none());
        shop.loyalty.apply(io.loyaltykit.event.Enroll.of("e1", Instant.parse("2026-01-01T00:00:00Z"), "C-0001"));

        assertThat(r.isWhole()).isTrue();
        assertThat(shop.loyalty.apply(r)).isInstanceOfSatisfying(io.loyaltykit.Result.Rejected.class,
                rej -> assertThat(rej.code()).isEqualTo(ErrorCode.UNKNOWN_ORIGINAL));
    }

    @Test
    void paymentsAndNoSalesMapToNothing() {
        TicketInfo payment = new TicketInfo("p", 2, 3, 0, date("2026-03-03T10:00:00"), Tickets.ALICE, ANNA)
                .payment("cash", 50.0);
        TicketInfo noSale = new TicketInfo("n", 3, 4, 0, date("2026-03-03T10:00:00"), null, ANNA);

        assertThat(mapper.map(UnicentaObjects.ticket(payment), Originals.none())).isEqualTo(Optional.empty());
        assertThat(mapper.map(UnicentaObjects.ticket(noSale), Originals.none())).isEqualTo(Optional.empty());
    }

    @Test
    void unusableTicketsAreRefusedWithATypedError() {
        TicketInfo unsaved = new TicketInfo("u", 0, 0, 0, date("2026-03-03T10:00:00"), null, ANNA)
                .line(Tickets.cut(0, 1)).payment("cash", 128.0);
        TicketInfo orphanRefund = new TicketInfo("o", 1, 9, 0, date("2026-03-03T10:00:00"), null, ANNA)
                .line(Tickets.cut(0, -1));
        TicketInfo unpaid = new TicketInfo("x", 0, 10, 0, date("2026-03-03T10:00:00"), null, ANNA)
                .line(Tickets.cut(0, 1));

        for (TicketInfo t : List.of(unsaved, orphanRefund, unpaid)) {
            assertThatThrownBy(() -> mapper.map(UnicentaObjects.ticket(t), Originals.none()))
                    .isInstanceOfSatisfying(LoyaltyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT));
        }
    }

    @Test
    void theMemberIdComesFromTheConfiguredCustomerField() {
        CustomerInfoExt noCard = new CustomerInfoExt("cust-2", "bob", "Bob", null);
        TicketInfo t = new TicketInfo("t", 0, 11, 0, date("2026-03-03T10:00:00"), noCard, ANNA)
                .line(Tickets.cut(0, 1)).payment("cash", 128.0);

        Purchase byCard = (Purchase) mapper.map(UnicentaObjects.ticket(t), Originals.none()).orElseThrow();
        Purchase byKey = (Purchase) UnicentaMapper.builder(shop.program).memberKey(UnicentaMapper.MemberKey.SEARCHKEY)
                .build().map(UnicentaObjects.ticket(t), Originals.none()).orElseThrow();

        assertThat(byCard.member()).as("no card: a walk-in").isNull();
        assertThat(byKey.member()).isEqualTo("bob");
    }
}
