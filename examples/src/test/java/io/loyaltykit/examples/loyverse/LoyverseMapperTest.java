package io.loyaltykit.examples.loyverse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.examples.common.CategoryMap;
import io.loyaltykit.examples.common.Fixtures;
import io.loyaltykit.examples.common.Originals;
import io.loyaltykit.examples.common.TestShop;
import io.loyaltykit.store.LineRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loyverse receipts, from payload-shaped fixtures, into events: the figures of each field. */
class LoyverseMapperTest {
    static final String CUSTOMER = "4f0e9c5a-7d2b-4a61-9b0e-2c5d8f1a6e33";
    static final String CUT_VARIANT = "6bc1a062-3867-4382-b383-ebb89d31d75c";
    static final String SHAMPOO_LINE = "c0a7e2d4-31b8-4f6e-a9d2-7b5e0f8c1a93";

    private final TestShop shop = TestShop.cny();

    static LoyverseMapper mapper(TestShop shop) {
        return LoyverseMapper.builder(shop.program)
                .categories(CategoryMap.builder().map(CUT_VARIANT, "service").fallback("retail").build())
                .store("176cb35a-e21f-438a-96d8-99d1e0852a2e", "salon-1")
                .build();
    }

    private static JsonNode receipt(String fixture) {
        return Fixtures.json(LoyverseMapperTest.class, fixture).get("receipts").get(0);
    }

    private static Originals saleRecorded() {
        LineRecord cut = new LineRecord("9553152a-9dae-cbca-f6a3-2ab6d918516c", "CUT-01", "service", BigDecimal.ONE,
                new BigDecimal("128.00"), BigDecimal.ZERO, BigDecimal.ZERO, null);
        LineRecord shampoo = new LineRecord(SHAMPOO_LINE, "SHAMPOO-500", "retail", new BigDecimal("2"),
                new BigDecimal("81.90"), BigDecimal.ZERO, BigDecimal.ZERO, null);
        return Originals.of(Map.of("loyverse:2-1041", new Originals.Original("loyverse:2-1041", CUSTOMER, List.of(cut, shampoo))));
    }

    @Test
    void aSaleReceiptBecomesAPurchase() {
        Purchase p = (Purchase) mapper(shop).map(receipt("receipts-update-sale.json"), Originals.none()).orElseThrow();

        assertThat(p.id()).isEqualTo("loyverse:2-1041");
        assertThat(p.at()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
        assertThat(p.member()).isEqualTo(CUSTOMER);
        assertThat(p.store()).isEqualTo("salon-1");
        assertThat(p.staff()).isEqualTo("17ce6516-92ee-45ea-8823-1e7957cd9443");
        assertThat(p.lines()).containsExactly(
                new Line("9553152a-9dae-cbca-f6a3-2ab6d918516c", "CUT-01", "service", new BigDecimal("1"),
                        new BigDecimal("128.00"), new BigDecimal("0.00"), null, null),
                new Line(SHAMPOO_LINE, "SHAMPOO-500", "retail", new BigDecimal("2"), new BigDecimal("45.50"),
                        new BigDecimal("9.10"), new BigDecimal("17.00"), null));
        assertThat(p.orderDiscount()).isEqualByComparingTo("0");
        assertThat(p.tenders()).containsExactly(new Tender("card", new BigDecimal("109.90"), null),
                new Tender("cash", new BigDecimal("100.00"), null));
    }

    @Test
    void taxAddedOnTopAndTipsAreTakenOffThePaymentsNotEarnedOn() {
        // a receipt as a Mexican store sends it: 16% IVA added to 50.00 of goods, paid 63.00 with a 5.00 tip
        Purchase p = (Purchase) mapper(shop).map(receipt("receipts-update-added-tax.json"), Originals.none()).orElseThrow();

        assertThat(p.id()).isEqualTo("loyverse:1-1006");
        assertThat(p.member()).as("no customer: a walk-in").isNull();
        assertThat(p.lines()).singleElement().satisfies(l -> {
            assertThat(l.qty()).isEqualByComparingTo("2");
            assertThat(l.unitPrice()).isEqualByComparingTo("25.00");
            assertThat(l.cost()).isEqualByComparingTo("17.00");
        });
        assertThat(p.tenders()).containsExactly(new Tender("card", new BigDecimal("50.00"), null));
    }

    @Test
    void aRefundReceiptReturnsTheLinesOfTheSaleItIsFor() {
        Return r = (Return) mapper(shop).map(receipt("receipts-update-refund.json"), saleRecorded()).orElseThrow();

        assertThat(r.id()).isEqualTo("loyverse:2-1044");
        assertThat(r.original()).isEqualTo("loyverse:2-1041");
        assertThat(r.member()).isEqualTo(CUSTOMER);
        assertThat(r.at()).isEqualTo(Instant.parse("2026-03-04T06:30:00Z"));
        assertThat(r.lines()).containsExactly(new Return.ReturnLine(SHAMPOO_LINE, new BigDecimal("1")));
    }

    @Test
    void aCancelledSaleIsAWholeReturnOfItOrNothingWhenItWasNeverRecorded() {
        JsonNode cancelled = receipt("receipts-update-cancelled.json");

        Return r = (Return) mapper(shop).map(cancelled, saleRecorded()).orElseThrow();
        assertThat(r.id()).isEqualTo("loyverse:2-1041:cancel");
        assertThat(r.original()).isEqualTo("loyverse:2-1041");
        assertThat(r.isWhole()).isTrue();
        assertThat(r.at()).isEqualTo(Instant.parse("2026-03-02T03:20:00Z"));

        assertThat(mapper(shop).map(cancelled, Originals.none())).isEmpty();
    }

    @Test
    void aRefundOfAProductTheSaleDidNotHaveIsRefusedTyped() {
        ObjectNode refund = receipt("receipts-update-refund.json").deepCopy();
        ((ObjectNode) refund.get("line_items").get(0)).put("sku", "CONDITIONER-250");

        assertThatThrownBy(() -> mapper(shop).map(refund, saleRecorded())).isInstanceOfSatisfying(LoyaltyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.RETURN_EXCEEDS_ORIGINAL));
    }

    @Test
    void malformedReceiptsAreRefusedWithThePathOfTheBadField() {
        ObjectNode noQty = receipt("receipts-update-sale.json").deepCopy();
        ((ObjectNode) noQty.get("line_items").get(1)).remove("quantity");
        ObjectNode badDate = receipt("receipts-update-sale.json").deepCopy();
        badDate.put("receipt_date", "yesterday");
        ObjectNode unpaid = receipt("receipts-update-sale.json").deepCopy();
        unpaid.putArray("payments");

        assertThatThrownBy(() -> mapper(shop).map(noQty, Originals.none()))
                .isInstanceOfSatisfying(LoyaltyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT);
                    assertThat(e.getMessage()).contains("line_items[1].quantity");
                });
        assertThatThrownBy(() -> mapper(shop).map(badDate, Originals.none()))
                .isInstanceOfSatisfying(LoyaltyException.class, e -> assertThat(e.getMessage()).contains("receipt_date"));
        assertThatThrownBy(() -> mapper(shop).map(unpaid, Originals.none()))
                .isInstanceOfSatisfying(LoyaltyException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT));
    }
}
