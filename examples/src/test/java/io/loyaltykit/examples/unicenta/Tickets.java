package io.loyaltykit.examples.unicenta;

import io.loyaltykit.examples.common.CategoryMap;
import io.loyaltykit.examples.unicenta.fakepos.CustomerInfoExt;
import io.loyaltykit.examples.unicenta.fakepos.TicketInfo;
import io.loyaltykit.examples.unicenta.fakepos.TicketLineInfo;
import io.loyaltykit.examples.unicenta.fakepos.UserInfo;
import io.loyaltykit.program.Program;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

/**
 * The tickets the uniCenta tests share, as a till holds them. Prices are uniCenta's: before tax, as doubles
 * (128.00 with 6% tax is stored as 120.75471698113208).
 */
final class Tickets {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final CustomerInfoExt ALICE = new CustomerInfoExt("cust-1", "alice", "Alice", "C-0001");
    static final UserInfo ANNA = new UserInfo("u-anna", "Anna");
    static final double CUT_PRICE = 128.0 / 1.06;
    static final double SHAMPOO_PRICE = 40.0;

    private Tickets() {
    }

    static Date date(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(SHANGHAI).toInstant());
    }

    /** Categories of the tests: care products are retail; hair has no mapping (its products are services). */
    static UnicentaMapper mapper(Program program) {
        return UnicentaMapper.builder(program).store("salon-1")
                .categories(CategoryMap.builder().map("cat-care", "retail").fallback("other").build())
                .build();
    }

    static TicketLineInfo cut(int line, double multiply) {
        return new TicketLineInfo(line, "p-cut", multiply, CUT_PRICE, 0.06).product("CUT-01", "Women's cut", "cat-hair", true);
    }

    static TicketLineInfo shampoo(int line, double multiply) {
        return new TicketLineInfo(line, "p-shampoo", multiply, SHAMPOO_PRICE, 0.13)
                .product("SHAMPOO-500", "Shampoo 500ml", "cat-care", false);
    }

    /**
     * Sale 42: a cut (128.00 with tax), two shampoos (45.20 each with 13% tax), a 20.00 discount line;
     * 198.40 paid 100.00 cash and 98.40 by card.
     */
    static TicketInfo sale42() {
        return new TicketInfo("0b7e1c52-sale-42", 0, 42, 0, date("2026-03-03T10:15:30.400"), ALICE, ANNA)
                .line(cut(0, 1))
                .line(shampoo(1, 2))
                .line(new TicketLineInfo(2, null, 1, -20.0, 0.0).product(null, "Discount", null, false))
                .payment("cash", 100.0)
                .payment("magcard", 98.40);
    }

    /** Refund 7 of sale 42: one shampoo back (uniCenta copies the line with its units negated). */
    static TicketInfo refund7() {
        return new TicketInfo("5d1f9a03-refund-7", 1, 7, 42, date("2026-03-05T16:00:00"), ALICE, ANNA)
                .line(shampoo(0, -1))
                .payment("cashrefund", -45.20);
    }
}
