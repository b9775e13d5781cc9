package io.loyaltykit.examples.square;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.examples.common.CategoryMap;
import io.loyaltykit.examples.common.Fixtures;
import io.loyaltykit.examples.common.Originals;
import io.loyaltykit.examples.common.TestShop;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.loyaltykit.examples.square.SquareFixtures.CUSTOMER;
import static io.loyaltykit.examples.square.SquareFixtures.SALE_ORDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Square orders into events: minor units, returns by source line uid, the figures of each field. */
class SquareMapperTest {
    static final String CUT_VARIATION = "W62UWFY35CWMYGVWK6TWJDNI";

    private final TestShop shop = new TestShop("USD", "America/New_York");

    static SquareMapper mapper(TestShop shop) {
        return SquareMapper.builder(shop.program)
                .categories(CategoryMap.builder().map(CUT_VARIATION, "service").fallback("retail").build())
                .location("L1SALON4ZQ2X", "salon-nyc")
                .build();
    }

    static JsonNode order(String fixture) {
        return Fixtures.json(SquareMapperTest.class, fixture).get("order");
    }

    @Test
    void aCompletedOrderBecomesAPurchaseInDollarsAndCents() {
        List<Event> events = mapper(shop).map(order("order-sale.json"), Originals.none());

        assertThat(events).singleElement().isInstanceOfSatisfying(Purchase.class, p -> {
            assertThat(p.id()).isEqualTo("square:" + SALE_ORDER);
            assertThat(p.at()).isEqualTo(Instant.parse("2026-03-02T15:05:10Z"));
            assertThat(p.member()).isEqualTo(CUSTOMER);
            assertThat(p.store()).isEqualTo("salon-nyc");
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.lines()).containsExactly(
                    new Line("8mE2k9Lq7VnZ3xQw1aB4cD", CUT_VARIATION, "service", new BigDecimal("1"), new BigDecimal("45.00"),
                            new BigDecimal("4.50"), null, null),
                    new Line("3pR7tY1uI9oP5aS2dF6gH", "AII6NIMIG2HPJTDPG6W6NZ2Q", "retail", new BigDecimal("2"),
                            new BigDecimal("12.99"), new BigDecimal("2.60"), null, null));
            // the card paid 70.81: 63.88 of lines, 1.93 of sales tax added on top and a 5.00 tip
            assertThat(p.tenders()).containsExactly(new Tender("card", new BigDecimal("63.88"), null));
        });
    }

    @Test
    void aReturnOrderReturnsTheSourceLinesOfTheSourceOrder() {
        Originals sale = Originals.of(Map.of("square:" + SALE_ORDER,
                new Originals.Original("square:" + SALE_ORDER, CUSTOMER, List.of())));

        List<Event> events = mapper(shop).map(order("order-return.json"), sale);

        assertThat(events).singleElement().isInstanceOfSatisfying(Return.class, r -> {
            assertThat(r.id()).isEqualTo("square:R8mCtyqFL3QJ4dGl8mp2kRd9hWGZY:return:RTN7a1");
            assertThat(r.original()).isEqualTo("square:" + SALE_ORDER);
            assertThat(r.member()).as("the return order names no customer; the sale's member is used").isEqualTo(CUSTOMER);
            assertThat(r.at()).isEqualTo(Instant.parse("2026-03-04T18:12:03Z"));
            assertThat(r.lines()).containsExactly(new Return.ReturnLine("3pR7tY1uI9oP5aS2dF6gH", new BigDecimal("1")));
        });
    }

    @Test
    void minorUnitsFollowTheCurrencyYenHaveNone() {
        TestShop yen = new TestShop("JPY", "Asia/Tokyo");
        ObjectNode order = (ObjectNode) order("order-sale.json").deepCopy();
        order.findParents("currency").forEach(m -> ((ObjectNode) m).put("currency", "JPY"));

        Purchase p = (Purchase) mapper(yen).map(order, Originals.none()).get(0);

        assertThat(p.lines().get(0).unitPrice()).isEqualByComparingTo("4500");
        assertThat(p.lines().get(1).unitPrice()).isEqualByComparingTo("1299");
        assertThat(p.tenders()).containsExactly(new Tender("card", new BigDecimal("6388"), null));
    }

    @Test
    void anOrderInAnotherCurrencyIsRefusedTyped() {
        TestShop cny = TestShop.cny();

        assertThatThrownBy(() -> mapper(cny).map(order("order-sale.json"), Originals.none()))
                .isInstanceOfSatisfying(LoyaltyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void openOrdersAndUnlinkedReturnsMapToNothing() {
        ObjectNode open = (ObjectNode) order("order-sale.json").deepCopy();
        open.put("state", "OPEN");
        ObjectNode unlinked = (ObjectNode) order("order-return.json").deepCopy();
        ((ObjectNode) unlinked.get("returns").get(0)).remove("source_order_id");

        assertThat(mapper(shop).map(open, Originals.none())).isEmpty();
        assertThat(mapper(shop).map(unlinked, Originals.none())).isEmpty();
    }

    @Test
    void malformedOrdersAreRefusedWithThePathOfTheBadField() {
        ObjectNode badQty = (ObjectNode) order("order-sale.json").deepCopy();
        ((ObjectNode) badQty.get("line_items").get(1)).put("quantity", "two");
        ObjectNode fractionalCents = (ObjectNode) order("order-sale.json").deepCopy();
        ((ObjectNode) fractionalCents.get("line_items").get(0).get("base_price_money")).put("amount", 4500.5);

        assertThatThrownBy(() -> mapper(shop).map(badQty, Originals.none())).isInstanceOfSatisfying(LoyaltyException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT);
            assertThat(e.getMessage()).contains("line_items[1].quantity");
        });
        assertThatThrownBy(() -> mapper(shop).map(fractionalCents, Originals.none()))
                .isInstanceOfSatisfying(LoyaltyException.class, e -> assertThat(e.getMessage()).contains("base_price_money"));
    }
}
