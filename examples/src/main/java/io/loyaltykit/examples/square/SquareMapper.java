package io.loyaltykit.examples.square;

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
import io.loyaltykit.examples.common.Tenders;
import io.loyaltykit.program.Program;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a completed Square order (the {@code order} object of the Orders API) to LoyaltyKit events: its
 * {@code line_items} to a {@code purchase} with id {@code PREFIX:ORDER_ID}, each of its {@code returns[]} to
 * a {@code return} with id {@code PREFIX:ORDER_ID:return:RETURN_UID} of the order named by
 * {@code source_order_id}, returning the lines named by {@code return_line_items[].source_line_item_uid}.
 * An exchange has both. Orders not {@code COMPLETED} map to nothing.
 *
 * <p>Money: Square's {@code Money} is an integer amount in the currency's minor unit ({@code 1299} USD is
 * 12.99, {@code 1500} JPY is 1500); it becomes a decimal at that currency's scale and the purchase carries
 * the currency; an order in another currency than the program's is refused with CURRENCY_MISMATCH.
 * Lines: {@code uid} is the line id, {@code catalog_object_id} the sku (a custom amount's sku is
 * {@code CUSTOM_AMOUNT}), {@code base_price_money} the unit price, {@code total_discount_money} the line
 * discount (Square apportions order discounts onto lines). Additive tax, tips and service charges are not
 * lines: they are taken off the tenders so tenders match the lines to the cent. {@code tenders[].type}
 * becomes the tender type ({@code CARD} is {@code card}, {@code CASH} {@code cash}, others lower-cased).
 *
 * <pre>{@code
 * SquareMapper mapper = SquareMapper.builder(program)
 *         .categories(CategoryMap.builder().map("VAR-CUT", "service").fallback("retail").build())
 *         .build();
 * List<Event> events = mapper.map(order, Originals.in(store));
 * }</pre>
 */
public final class SquareMapper {

    /** Square tender types and the tender types they become; others are lower-cased. */
    public static final Map<String, String> DEFAULT_TENDERS = Map.of(
            "CARD", "card", "CASH", "cash", "SQUARE_GIFT_CARD", "gift_card", "WALLET", "wallet",
            "BANK_ACCOUNT", "bank", "OTHER", "other");

    private final Program program;
    private final String prefix;
    private final CategoryMap categories;
    private final String giftCardCategory;
    private final Map<String, String> tenders;
    private final Map<String, String> locations;

    private SquareMapper(Builder b) {
        this.program = b.program;
        this.prefix = b.prefix;
        this.categories = b.categories;
        this.giftCardCategory = b.giftCardCategory;
        this.tenders = Map.copyOf(b.tenders);
        this.locations = Map.copyOf(b.locations);
    }

    /** A builder for a mapper into this program. */
    public static Builder builder(Program program) {
        return new Builder(program);
    }

    /** The first part of every event id. */
    public String prefix() {
        return prefix;
    }

    /** The event id of the purchase in the order with this Square id. */
    public String orderId(String squareOrderId) {
        return prefix + ":" + squareOrderId;
    }

    /**
     * The events of an order: a purchase for its line items, a return for each of its linked returns.
     * Empty for an order not completed, or one that holds only unlinked returns (no {@code source_order_id}).
     * Throws {@link LoyaltyException} ({@link ErrorCode#INVALID_EVENT}) for an order that cannot be read.
     *
     * @param order     the {@code order} object
     * @param originals where returned sales are looked up (for their member)
     */
    public List<Event> map(JsonNode order, Originals originals) {
        Objects.requireNonNull(order, "order");
        if (!order.isObject()) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "an order must be a JSON object");
        }
        String id = JsonFields.requireText(order, "id", "order");
        String where = "order " + id;
        if (!"COMPLETED".equals(JsonFields.text(order, "state"))) {
            return List.of();
        }
        Instant at = JsonFields.instant(order, "closed_at", where);
        if (at == null) {
            at = JsonFields.instant(order, "updated_at", where);
        }
        if (at == null) {
            at = JsonFields.instant(order, "created_at", where);
        }
        if (at == null) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, where + ".closed_at is required");
        }
        String location = JsonFields.text(order, "location_id");
        String store = location == null ? null : locations.getOrDefault(location, location);
        String customer = JsonFields.text(order, "customer_id");
        List<Event> events = new ArrayList<>();
        List<JsonNode> items = JsonFields.array(order, "line_items", where);
        if (!items.isEmpty()) {
            events.add(purchase(order, id, where, at, store, customer, items));
        }
        List<JsonNode> returns = JsonFields.array(order, "returns", where);
        for (int i = 0; i < returns.size(); i++) {
            ret(returns.get(i), id, where + ".returns[" + i + "]", i, at, store, customer, originals).ifPresent(events::add);
        }
        return events;
    }

    private Purchase purchase(JsonNode order, String id, String where, Instant at, String store, String customer,
                              List<JsonNode> items) {
        Purchase.Builder b = Purchase.builder(orderId(id), at).member(customer).store(store);
        String currency = null;
        int scale = program.moneyScale();
        BigDecimal nets = null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String w = where + ".line_items[" + i + "]";
            BigDecimal qty = Amounts.quantity(JsonFields.requireDecimal(item, "quantity", w));
            if (qty.signum() <= 0) {
                throw new LoyaltyException(ErrorCode.INVALID_EVENT, w + ".quantity must be positive");
            }
            Money base = money(item, "base_price_money", w, true);
            currency = same(currency, base.currency, w);
            scale = base.scale;
            Money grossMoney = money(item, "gross_sales_money", w, false);
            BigDecimal gross = grossMoney == null ? base.amount.multiply(qty).setScale(scale, java.math.RoundingMode.HALF_EVEN)
                    : grossMoney.amount;
            Money discountMoney = money(item, "total_discount_money", w, false);
            BigDecimal discount = discountMoney == null ? BigDecimal.ZERO.setScale(scale) : discountMoney.amount;
            BigDecimal unit = Amounts.unitPriceFor(gross, qty, base.amount, scale);
            if (unit == null) {
                // modifiers made the line's gross something no unit price multiplies out to: one unit at the gross
                qty = BigDecimal.ONE;
                unit = gross;
            }
            String uid = JsonFields.text(item, "uid");
            b.line(new Line(uid != null ? uid : String.valueOf(i), sku(item), category(item), qty, unit, discount, null,
                    null));
            nets = (nets == null ? BigDecimal.ZERO : nets).add(gross.subtract(discount));
        }
        List<Tender> paid = new ArrayList<>();
        List<JsonNode> tenderNodes = JsonFields.array(order, "tenders", where);
        for (int i = 0; i < tenderNodes.size(); i++) {
            JsonNode t = tenderNodes.get(i);
            String w = where + ".tenders[" + i + "]";
            Money amount = money(t, "amount_money", w, true);
            currency = same(currency, amount.currency, w);
            String type = JsonFields.text(t, "type");
            paid.add(new Tender(type == null ? "other" : tenders.getOrDefault(type, type.toLowerCase(Locale.ROOT)),
                    amount.amount, null));
        }
        for (Tender t : Tenders.fit(paid, nets, scale)) {
            b.tender(t);
        }
        return b.currency(currency).build();
    }

    private Optional<Event> ret(JsonNode r, String id, String where, int index, Instant at, String store,
                                String customer, Originals originals) {
        String source = JsonFields.text(r, "source_order_id");
        if (source == null) {
            return Optional.empty();
        }
        Map<String, BigDecimal> byLine = new LinkedHashMap<>();
        List<JsonNode> lines = JsonFields.array(r, "return_line_items", where);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode l = lines.get(i);
            String w = where + ".return_line_items[" + i + "]";
            String line = JsonFields.text(l, "source_line_item_uid");
            if (line == null) {
                continue;
            }
            BigDecimal qty = Amounts.quantity(JsonFields.requireDecimal(l, "quantity", w));
            if (qty.signum() > 0) {
                byLine.merge(line, qty, BigDecimal::add);
            }
        }
        if (byLine.isEmpty()) {
            return Optional.empty();
        }
        String original = orderId(source);
        String member = originals.find(original).map(Originals.Original::member).orElse(customer);
        String uid = JsonFields.text(r, "uid");
        List<Return.ReturnLine> returned = new ArrayList<>();
        byLine.forEach((line, qty) -> returned.add(new Return.ReturnLine(line, qty)));
        return Optional.of(new Return(orderId(id) + ":return:" + (uid != null ? uid : String.valueOf(index)), at, member,
                original, returned, store));
    }

    private record Money(BigDecimal amount, String currency, int scale) {
    }

    private static Money money(JsonNode node, String field, String where, boolean required) {
        JsonNode m = node.get(field);
        if (m == null || m.isNull()) {
            if (required) {
                throw new LoyaltyException(ErrorCode.INVALID_EVENT, where + "." + field + " is required");
            }
            return null;
        }
        String w = where + "." + field;
        BigDecimal amount = JsonFields.requireDecimal(m, "amount", w);
        String code = JsonFields.requireText(m, "currency", w);
        int scale;
        try {
            scale = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, w + ".currency is not an ISO 4217 code: " + code);
        }
        try {
            return new Money(Amounts.ofMinorUnits(amount.longValueExact(), scale), code, scale);
        } catch (ArithmeticException e) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, w + ".amount must be a whole number of minor units");
        }
    }

    private String same(String seen, String currency, String where) {
        String expected = program.currency().getCurrencyCode();
        if (!expected.equals(currency)) {
            throw new LoyaltyException(ErrorCode.CURRENCY_MISMATCH, where + " is in " + currency
                    + "; the program's currency is " + expected);
        }
        return currency;
    }

    private static String sku(JsonNode item) {
        String catalog = JsonFields.text(item, "catalog_object_id");
        if (catalog != null) {
            return catalog;
        }
        String type = JsonFields.text(item, "item_type");
        return type != null ? type : "CUSTOM_AMOUNT";
    }

    private String category(JsonNode item) {
        String catalog = JsonFields.text(item, "catalog_object_id");
        if (categories.maps(catalog)) {
            return categories.categoryOf(catalog);
        }
        if (giftCardCategory != null && "GIFT_CARD".equals(JsonFields.text(item, "item_type"))) {
            return giftCardCategory;
        }
        return categories.fallback();
    }

    /** Builds a {@link SquareMapper}. */
    public static final class Builder {
        private final Program program;
        private String prefix = "square";
        private CategoryMap categories = CategoryMap.all("retail");
        private String giftCardCategory = "gift-card";
        private final Map<String, String> tenders = new HashMap<>(DEFAULT_TENDERS);
        private final Map<String, String> locations = new HashMap<>();

        private Builder(Program program) {
            this.program = Objects.requireNonNull(program, "program");
        }

        /** The first part of every event id; default {@code square}. One per Square seller. */
        public Builder prefix(String prefix) {
            if (prefix == null || prefix.isBlank() || prefix.contains(":")) {
                throw new IllegalArgumentException("the id prefix must be non-blank and without ':': " + prefix);
            }
            this.prefix = prefix;
            return this;
        }

        /** Catalog object ids (item variations) to program categories; default everything {@code retail}. */
        public Builder categories(CategoryMap categories) {
            this.categories = Objects.requireNonNull(categories, "categories");
            return this;
        }

        /** The category of gift card sales ({@code item_type} GIFT_CARD) not mapped otherwise; null for none. */
        public Builder giftCardCategory(String category) {
            this.giftCardCategory = category;
            return this;
        }

        /** A Square tender type and the tender type it becomes (adds to {@link #DEFAULT_TENDERS}). */
        public Builder tender(String squareType, String tenderType) {
            tenders.put(Objects.requireNonNull(squareType, "squareType"), Objects.requireNonNull(tenderType, "tenderType"));
            return this;
        }

        /** A Square location id and the store id events carry (unmapped ids are carried as they are). */
        public Builder location(String locationId, String store) {
            locations.put(Objects.requireNonNull(locationId, "locationId"), Objects.requireNonNull(store, "store"));
            return this;
        }

        /** The mapper. */
        public SquareMapper build() {
            return new SquareMapper(this);
        }
    }
}
