package io.loyaltykit.examples.unicenta;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.examples.common.Amounts;
import io.loyaltykit.examples.common.CategoryMap;
import io.loyaltykit.examples.common.Originals;
import io.loyaltykit.examples.common.ReturnLines;
import io.loyaltykit.examples.common.Tenders;
import io.loyaltykit.program.Program;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps a uniCenta oPOS ticket to a LoyaltyKit event: a sale ({@code TICKETTYPE} 0) to a {@code purchase},
 * a refund (1) to a {@code return} of the sale it refunds, anything else (customer account payments,
 * no-sales) to nothing.
 *
 * <p>Ids are derived from uniCenta's ticket numbers, so the {@code ticket.close} script and the table poller
 * produce the same event for the same ticket and either may deliver it first: a sale is
 * {@code PREFIX:sale:TICKETID}, a refund {@code PREFIX:refund:TICKETID}, and a refund's original is
 * {@code PREFIX:sale:STATUS} (uniCenta 4.x keeps the refunded sale's number in the refund's
 * {@code TICKETS.STATUS}). The instant is the ticket's date rounded to the second, because
 * {@code RECEIPTS.DATENEW} keeps no more on MySQL; tenders come in type order, whatever order the till
 * or the database lists payments in.
 *
 * <p>Lines: {@code TICKETLINES.PRICE} is before tax; with {@link Builder#taxIncluded(boolean)} (the default)
 * the unit price booked is {@code PRICE * (1 + tax rate)} at the currency's scale, what the customer saw on
 * the shelf. Lines of negative value (uniCenta's discount scripts add them) become the order discount.
 * Payments are grouped by type ({@code cash}, {@code magcard} becomes {@code card}, ...) and fitted to the
 * bill to the cent by {@link Tenders#fit}.
 *
 * <pre>{@code
 * UnicentaMapper mapper = UnicentaMapper.builder(program).store("salon-1")
 *         .categories(CategoryMap.builder().map("c-hair", "service").fallback("retail").build())
 *         .build();
 * Optional<Event> event = mapper.map(UnicentaObjects.ticket(ticketInfo), Originals.in(store));
 * }</pre>
 */
public final class UnicentaMapper {

    /** Which customer field is the LoyaltyKit member id. */
    public enum MemberKey {
        /** {@code CUSTOMERS.CARD}, the card the till scans (default); a customer without a card is a walk-in. */
        CARD,
        /** {@code CUSTOMERS.SEARCHKEY}. */
        SEARCHKEY,
        /** {@code CUSTOMERS.ID}. */
        ID
    }

    /** uniCenta's payment names and the tender types they become; names not listed keep their name. */
    public static final Map<String, String> DEFAULT_TENDERS = Map.of(
            "cash", "cash", "cashrefund", "cash",
            "magcard", "card", "magcardrefund", "card",
            "cheque", "cheque", "chequerefund", "cheque",
            "paperin", "voucher", "paperout", "voucher",
            "debt", "account");

    private final Program program;
    private final String prefix;
    private final String store;
    private final CategoryMap categories;
    private final String serviceCategory;
    private final Map<String, String> tenders;
    private final boolean taxIncluded;
    private final MemberKey memberKey;

    private UnicentaMapper(Builder b) {
        this.program = b.program;
        this.prefix = b.prefix;
        this.store = b.store;
        this.categories = b.categories;
        this.serviceCategory = b.serviceCategory;
        this.tenders = Map.copyOf(b.tenders);
        this.taxIncluded = b.taxIncluded;
        this.memberKey = b.memberKey;
    }

    /** A builder for a mapper into this program's currency. */
    public static Builder builder(Program program) {
        return new Builder(program);
    }

    /** The first part of every event id. */
    public String prefix() {
        return prefix;
    }

    /** The event id of the sale with this ticket number. */
    public String saleId(int ticketId) {
        return prefix + ":sale:" + ticketId;
    }

    /** The event id of the refund with this ticket number. */
    public String refundId(int ticketId) {
        return prefix + ":refund:" + ticketId;
    }

    /** The event id a ticket maps to, or null for a ticket type that maps to nothing. */
    public String eventId(int ticketType, int ticketId) {
        return switch (ticketType) {
            case UnicentaTicket.RECEIPT_NORMAL -> saleId(ticketId);
            case UnicentaTicket.RECEIPT_REFUND -> refundId(ticketId);
            default -> null;
        };
    }

    /**
     * The instant of a ticket: its date rounded half-up to the second, as MySQL rounds a {@code DATETIME}
     * without fractional seconds; databases that keep milliseconds give the same instant after rounding.
     */
    public static Instant at(java.util.Date date) {
        if (date == null) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "the ticket has no date");
        }
        return date.toInstant().plusMillis(500).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The event for a ticket, or empty for a ticket type LoyaltyKit has no event for. Throws
     * {@link LoyaltyException} ({@link ErrorCode#INVALID_EVENT}) for a ticket that cannot be mapped: not
     * saved yet (no number), a refund naming no sale, payments that do not cover a bill.
     *
     * @param ticket    the ticket
     * @param originals where a refund's sale is looked up (for its member and lines)
     */
    public Optional<Event> map(UnicentaTicket ticket, Originals originals) {
        Objects.requireNonNull(ticket, "ticket");
        int type = ticket.getTicketType();
        if (type != UnicentaTicket.RECEIPT_NORMAL && type != UnicentaTicket.RECEIPT_REFUND) {
            return Optional.empty();
        }
        if (ticket.getTicketId() <= 0) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "ticket " + ticket.getId()
                    + " has no ticket number yet; map it after uniCenta saved it");
        }
        return Optional.of(type == UnicentaTicket.RECEIPT_NORMAL ? sale(ticket) : refund(ticket, originals));
    }

    private Purchase sale(UnicentaTicket t) {
        int scale = program.moneyScale();
        Purchase.Builder b = Purchase.builder(saleId(t.getTicketId()), at(t.getDate()))
                .member(member(t.getCustomer())).store(store).staff(t.getUser() == null ? null : t.getUser().getId());
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        int lines = 0;
        for (UnicentaTicketLine l : t.getLines()) {
            double multiply = l.getMultiply();
            double price = l.getPrice();
            BigDecimal qty = Amounts.quantity(Math.abs(multiply));
            if (qty.signum() == 0) {
                continue;
            }
            BigDecimal unit = Amounts.ofDouble(Math.abs(price) * (1 + (taxIncluded ? l.getTaxRate() : 0)), scale);
            BigDecimal value = qty.multiply(unit).setScale(scale, RoundingMode.HALF_EVEN);
            if ((price < 0) != (multiply < 0) && value.signum() != 0) {
                discount = discount.add(value);
                continue;
            }
            b.line(new Line(String.valueOf(l.getTicketLine()), sku(l), category(l), qty, unit, BigDecimal.ZERO, null,
                    null));
            gross = gross.add(value);
            lines++;
        }
        if (lines == 0) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "sale ticket " + t.getTicketId() + " has no product lines");
        }
        if (discount.compareTo(gross) > 0) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "sale ticket " + t.getTicketId() + ": discounts of "
                    + discount.toPlainString() + " exceed the lines' " + gross.toPlainString());
        }
        if (discount.signum() > 0) {
            b.orderDiscount(discount.toPlainString());
        }
        List<Tender> paid = new ArrayList<>();
        for (UnicentaPayment p : t.getPayments()) {
            String name = p.getName() == null ? "other" : p.getName();
            paid.add(new Tender(tenders.getOrDefault(name, name), Amounts.ofDouble(p.getTotal(), scale), null));
        }
        for (Tender tender : Tenders.fit(paid, gross.subtract(discount), scale)) {
            b.tender(tender);
        }
        return b.build();
    }

    private Return refund(UnicentaTicket t, Originals originals) {
        int refunded = t.getTicketStatus();
        if (refunded <= 0) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "refund ticket " + t.getTicketId()
                    + " names no sale (TICKETS.STATUS is " + refunded + ")");
        }
        String original = saleId(refunded);
        Map<String, BigDecimal> bySku = new LinkedHashMap<>();
        for (UnicentaTicketLine l : t.getLines()) {
            if (l.getMultiply() < 0 && l.getPrice() > 0) {
                BigDecimal qty = Amounts.quantity(-l.getMultiply());
                if (qty.signum() > 0) {
                    bySku.merge(sku(l), qty, BigDecimal::add);
                }
            }
        }
        if (bySku.isEmpty()) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "refund ticket " + t.getTicketId()
                    + " returns no product");
        }
        Instant at = at(t.getDate());
        Optional<Originals.Original> sale = originals.find(original);
        if (sale.isEmpty()) {
            // the engine answers UNKNOWN_ORIGINAL; nothing is reversed by guess
            return new Return(refundId(t.getTicketId()), at, member(t.getCustomer()), original, List.of(), store);
        }
        return new Return(refundId(t.getTicketId()), at, sale.get().member(), original,
                ReturnLines.bySku(sale.get(), bySku), store);
    }

    private String member(UnicentaCustomer c) {
        if (c == null) {
            return null;
        }
        String id = switch (memberKey) {
            case CARD -> c.getCard();
            case SEARCHKEY -> c.getSearchkey();
            case ID -> c.getId();
        };
        return id == null || id.isBlank() ? null : id.trim();
    }

    /** The sku of a line: the product's reference, else its id, else {@code MANUAL} for a typed-in line. */
    static String sku(UnicentaTicketLine l) {
        String reference = l.getProperty("product.reference");
        if (reference != null && !reference.isBlank()) {
            return reference.trim();
        }
        return l.getProductID() != null && !l.getProductID().isBlank() ? l.getProductID() : "MANUAL";
    }

    private String category(UnicentaTicketLine l) {
        String categoryId = l.getProductCategoryID();
        if (categories.maps(categoryId)) {
            return categories.categoryOf(categoryId);
        }
        if (serviceCategory != null && l.isProductService()) {
            return serviceCategory;
        }
        return categories.fallback();
    }

    /** Builds a {@link UnicentaMapper}. */
    public static final class Builder {
        private final Program program;
        private String prefix = "unicenta";
        private String store;
        private CategoryMap categories = CategoryMap.all("retail");
        private String serviceCategory = "service";
        private final Map<String, String> tenders = new HashMap<>(DEFAULT_TENDERS);
        private boolean taxIncluded = true;
        private MemberKey memberKey = MemberKey.CARD;

        private Builder(Program program) {
            this.program = Objects.requireNonNull(program, "program");
        }

        /** The first part of every event id; default {@code unicenta}. One per uniCenta database. */
        public Builder prefix(String prefix) {
            if (prefix == null || prefix.isBlank() || prefix.contains(":")) {
                throw new IllegalArgumentException("the id prefix must be non-blank and without ':': " + prefix);
            }
            this.prefix = prefix;
            return this;
        }

        /** The store id events carry; default none. */
        public Builder store(String store) {
            this.store = store;
            return this;
        }

        /** uniCenta category ids ({@code CATEGORIES.ID}) to program categories; default everything {@code retail}. */
        public Builder categories(CategoryMap categories) {
            this.categories = Objects.requireNonNull(categories, "categories");
            return this;
        }

        /**
         * The category of service products ({@code PRODUCTS.ISSERVICE}) whose category id is not mapped;
         * default {@code service}; null books them like any other unmapped line.
         */
        public Builder serviceCategory(String category) {
            this.serviceCategory = category;
            return this;
        }

        /** A uniCenta payment name and the tender type it becomes (adds to {@link #DEFAULT_TENDERS}). */
        public Builder tender(String paymentName, String tenderType) {
            tenders.put(Objects.requireNonNull(paymentName, "paymentName"), Objects.requireNonNull(tenderType, "tenderType"));
            return this;
        }

        /** Whether lines are booked with tax (default true) or at uniCenta's pre-tax price. */
        public Builder taxIncluded(boolean included) {
            this.taxIncluded = included;
            return this;
        }

        /** Which customer field is the member id; default {@link MemberKey#CARD}. */
        public Builder memberKey(MemberKey key) {
            this.memberKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** The mapper. */
        public UnicentaMapper build() {
            return new UnicentaMapper(this);
        }
    }
}
