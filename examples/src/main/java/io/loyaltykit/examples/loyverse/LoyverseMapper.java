package io.loyaltykit.examples.loyverse;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.examples.common.Amounts;
import io.loyaltykit.examples.common.CategoryMap;
import io.loyaltykit.examples.common.JsonFields;
import io.loyaltykit.examples.common.Originals;
import io.loyaltykit.examples.common.ReturnLines;
import io.loyaltykit.examples.common.Tenders;
import io.loyaltykit.program.Program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a Loyverse receipt (an element of {@code receipts[]} in a {@code receipts.update} webhook, the same
 * object the Receipts API returns) to a LoyaltyKit event.
 *
 * <ul>
 *   <li>{@code receipt_type} {@code SALE}: a {@code purchase} with id {@code PREFIX:RECEIPT_NUMBER}
 *       ({@code receipt_number} is unique per merchant, e.g. {@code 2-1041}: POS device 2, receipt 1041).</li>
 *   <li>{@code REFUND}: a {@code return} of {@code PREFIX:REFUND_FOR}, with id {@code PREFIX:RECEIPT_NUMBER}
 *       of the refund receipt; its lines are matched to the sale's by sku.</li>
 *   <li>A sale with {@code cancelled_at} set (voided after the fact): a whole {@code return} with id
 *       {@code PREFIX:RECEIPT_NUMBER:cancel}; skipped when LoyaltyKit never recorded the sale.</li>
 * </ul>
 *
 * <p>Lines: {@code line_items[].id} is the line id, {@code sku} (else the variant id) the sku, the
 * category comes from a {@link CategoryMap} keyed by variant id, item id or sku. The unit price is
 * {@code price}, the line discount {@code total_discount} (Loyverse spreads receipt discounts onto lines),
 * the cost {@code cost}. Amounts are Loyverse's decimals in the store's currency. Tax Loyverse adds on top
 * ({@code ADDED} taxes) and tips are not lines: they are taken off the payments so tenders match the
 * lines to the cent; {@code INCLUDED} taxes are part of the prices. {@code payments[].type} becomes the
 * tender type ({@code CASH} is {@code cash}, {@code NONINTEGRATEDCARD} and integrated card types are
 * {@code card}, others lower-cased).
 *
 * <pre>{@code
 * LoyverseMapper mapper = LoyverseMapper.builder(program)
 *         .categories(CategoryMap.builder().map("6bc1a062-3867-4382-b383-ebb89d31d75c", "service").build())
 *         .build();
 * Optional<Event> event = mapper.map(receiptJson, Originals.in(store));
 * }</pre>
 */
public final class LoyverseMapper {

    /** Loyverse payment types and the tender types they become; others are lower-cased. */
    public static final Map<String, String> DEFAULT_TENDERS = Map.of(
            "CASH", "cash", "NONINTEGRATEDCARD", "card", "SUMUP", "card", "YOCO", "card", "ZETTLE", "card",
            "TYRO", "card", "CHECK", "cheque", "OTHER", "other");

    private final Program program;
    private final String prefix;
    private final CategoryMap categories;
    private final Map<String, String> tenders;
    private final Map<String, String> stores;

    private LoyverseMapper(Builder b) {
        this.program = b.program;
        this.prefix = b.prefix;
        this.categories = b.categories;
        this.tenders = Map.copyOf(b.tenders);
        this.stores = Map.copyOf(b.stores);
    }

    /** A builder for a mapper into this program's currency. */
    public static Builder builder(Program program) {
        return new Builder(program);
    }

    /** The first part of every event id. */
    public String prefix() {
        return prefix;
    }

    /** The event id of the receipt with this number. */
    public String receiptId(String receiptNumber) {
        return prefix + ":" + receiptNumber;
    }

    /**
     * The event for a receipt, or empty when it maps to nothing (a receipt type LoyaltyKit does not know, a
     * cancelled refund, a sale cancelled before LoyaltyKit recorded it). Throws {@link LoyaltyException}
     * ({@link ErrorCode#INVALID_EVENT}) for a receipt that cannot be read.
     *
     * @param receipt   one receipt object
     * @param originals where a refund's or cancellation's sale is looked up
     */
    public Optional<Event> map(JsonNode receipt, Originals originals) {
        Objects.requireNonNull(receipt, "receipt");
        String where = "receipt";
        if (!receipt.isObject()) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "a receipt must be a JSON object");
        }
        String number = JsonFields.requireText(receipt, "receipt_number", where);
        where = "receipt " + number;
        String type = JsonFields.requireText(receipt, "receipt_type", where);
        Instant cancelled = JsonFields.instant(receipt, "cancelled_at", where);
        if ("SALE".equals(type)) {
            if (cancelled != null) {
                String original = receiptId(number);
                return originals.find(original).map(sale -> new Return(original + ":cancel", cancelled, sale.member(),
                        original, List.of(), store(receipt)));
            }
            return Optional.of(sale(receipt, number, where));
        }
        if ("REFUND".equals(type)) {
            return cancelled != null ? Optional.empty() : Optional.of(refund(receipt, number, where, originals));
        }
        return Optional.empty();
    }

    private Instant at(JsonNode receipt, String where) {
        Instant at = JsonFields.instant(receipt, "receipt_date", where);
        if (at == null) {
            at = JsonFields.instant(receipt, "created_at", where);
        }
        if (at == null) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, where + ".receipt_date is required");
        }
        return at;
    }

    private String store(JsonNode receipt) {
        String id = JsonFields.text(receipt, "store_id");
        return id == null ? null : stores.getOrDefault(id, id);
    }

    private Purchase sale(JsonNode receipt, String number, String where) {
        int scale = program.moneyScale();
        Purchase.Builder b = Purchase.builder(receiptId(number), at(receipt, where))
                .member(JsonFields.text(receipt, "customer_id"))
                .store(store(receipt))
                .staff(JsonFields.text(receipt, "employee_id"));
        BigDecimal nets = BigDecimal.ZERO;
        List<JsonNode> items = JsonFields.array(receipt, "line_items", where);
        if (items.isEmpty()) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, where + " has no line_items");
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = where + ".line_items[" + i + "]";
            BigDecimal qty = Amounts.quantity(JsonFields.requireDecimal(item, "quantity", at));
            if (qty.signum() <= 0) {
                throw new LoyaltyException(ErrorCode.INVALID_EVENT, at + ".quantity must be positive");
            }
            BigDecimal price = JsonFields.requireDecimal(item, "price", at);
            BigDecimal gross = JsonFields.decimal(item, "gross_total_money", at);
            gross = Amounts.atScale(gross != null ? gross : price.multiply(qty), scale);
            BigDecimal discount = JsonFields.decimal(item, "total_discount", at);
            discount = discount == null ? BigDecimal.ZERO.setScale(scale) : Amounts.atScale(discount, scale);
            BigDecimal unit = Amounts.unitPriceFor(gross, qty, price, scale);
            BigDecimal cost = JsonFields.decimal(item, "cost", at);
            if (unit == null) {
                // modifiers made the line's gross something no unit price multiplies out to: one unit at the gross
                qty = BigDecimal.ONE;
                unit = gross;
                cost = null;
            }
            cost = cost == null || cost.signum() <= 0 ? null : Amounts.atScale(cost, scale);
            String id = JsonFields.text(item, "id");
            b.line(new Line(id != null ? id : String.valueOf(i), sku(item, at), category(item), qty, unit, discount, cost,
                    null));
            nets = nets.add(gross.subtract(discount));
        }
        List<Tender> paid = new ArrayList<>();
        List<JsonNode> payments = JsonFields.array(receipt, "payments", where);
        for (int i = 0; i < payments.size(); i++) {
            JsonNode p = payments.get(i);
            String at = where + ".payments[" + i + "]";
            String type = JsonFields.text(p, "type");
            String tender = type == null ? "other" : tenders.getOrDefault(type, type.toLowerCase(Locale.ROOT));
            paid.add(new Tender(tender, JsonFields.requireDecimal(p, "money_amount", at), null));
        }
        for (Tender t : Tenders.fit(paid, nets.setScale(scale, RoundingMode.HALF_EVEN), scale)) {
            b.tender(t);
        }
        return b.build();
    }

    private Return refund(JsonNode receipt, String number, String where, Originals originals) {
        String refundFor = JsonFields.requireText(receipt, "refund_for", where);
        String original = receiptId(refundFor);
        Map<String, BigDecimal> bySku = new LinkedHashMap<>();
        List<JsonNode> items = JsonFields.array(receipt, "line_items", where);
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String at = where + ".line_items[" + i + "]";
            BigDecimal qty = Amounts.quantity(JsonFields.requireDecimal(item, "quantity", at).abs());
            if (qty.signum() > 0) {
                bySku.merge(sku(item, at), qty, BigDecimal::add);
            }
        }
        if (bySku.isEmpty()) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, where + " refunds no line item");
        }
        Instant at = at(receipt, where);
        Optional<Originals.Original> sale = originals.find(original);
        if (sale.isEmpty()) {
            // the engine answers UNKNOWN_ORIGINAL; nothing is reversed by guess
            return new Return(receiptId(number), at, JsonFields.text(receipt, "customer_id"), original, List.of(),
                    store(receipt));
        }
        return new Return(receiptId(number), at, sale.get().member(), original, ReturnLines.bySku(sale.get(), bySku),
                store(receipt));
    }

    private static String sku(JsonNode item, String where) {
        String sku = JsonFields.text(item, "sku");
        if (sku == null) {
            sku = JsonFields.text(item, "variant_id");
        }
        if (sku == null) {
            sku = JsonFields.text(item, "item_id");
        }
        if (sku == null) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, where + " has no sku, variant_id or item_id");
        }
        return sku;
    }

    private String category(JsonNode item) {
        return categories.categoryOf(JsonFields.text(item, "variant_id"), JsonFields.text(item, "item_id"),
                JsonFields.text(item, "sku"));
    }

    /** Builds a {@link LoyverseMapper}. */
    public static final class Builder {
        private final Program program;
        private String prefix = "loyverse";
        private CategoryMap categories = CategoryMap.all("retail");
        private final Map<String, String> tenders = new HashMap<>(DEFAULT_TENDERS);
        private final Map<String, String> stores = new HashMap<>();

        private Builder(Program program) {
            this.program = Objects.requireNonNull(program, "program");
        }

        /** The first part of every event id; default {@code loyverse}. One per Loyverse account. */
        public Builder prefix(String prefix) {
            if (prefix == null || prefix.isBlank() || prefix.contains(":")) {
                throw new IllegalArgumentException("the id prefix must be non-blank and without ':': " + prefix);
            }
            this.prefix = prefix;
            return this;
        }

        /** Variant ids, item ids or skus to program categories; default everything {@code retail}. */
        public Builder categories(CategoryMap categories) {
            this.categories = Objects.requireNonNull(categories, "categories");
            return this;
        }

        /** A Loyverse payment type and the tender type it becomes (adds to {@link #DEFAULT_TENDERS}). */
        public Builder tender(String paymentType, String tenderType) {
            tenders.put(Objects.requireNonNull(paymentType, "paymentType"), Objects.requireNonNull(tenderType, "tenderType"));
            return this;
        }

        /** A Loyverse store id and the store id events carry (unmapped ids are carried as they are). */
        public Builder store(String loyverseStoreId, String store) {
            stores.put(Objects.requireNonNull(loyverseStoreId, "loyverseStoreId"), Objects.requireNonNull(store, "store"));
            return this;
        }

        /** The mapper. */
        public LoyverseMapper build() {
            return new LoyverseMapper(this);
        }
    }
}
