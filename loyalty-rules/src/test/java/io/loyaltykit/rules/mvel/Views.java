package io.loyaltykit.rules.mvel;

import io.loyaltykit.program.LineView;
import io.loyaltykit.program.MemberView;
import io.loyaltykit.program.TxView;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The views conditions are tested against: a colour regular on a Tuesday morning, and a walk-in type on a Sunday night. */
record Views(MemberView member, TxView tx, LineView line) {

    static LineView line(String id, String sku, String category, String qty, String unitPrice) {
        BigDecimal q = new BigDecimal(qty);
        BigDecimal p = new BigDecimal(unitPrice);
        return new LineView(id, sku, category, q, p, q.multiply(p));
    }

    /** Gold member tagged colour, born 15 July 1990; a colour service and a retail line, Tuesday 10:00. */
    static Views a() {
        LineView colour = line("1", "COLOR-01", "service", "1", "268.00");
        LineView shampoo = line("2", "SHAMPOO-500", "retail", "2", "45.50");
        MemberView m = new MemberView("m1", "gold", List.of("colour", "vip"), "F", LocalDate.of(1990, 7, 15), "S1",
                Instant.parse("2025-01-10T02:00:00Z"), "m0", 1200);
        TxView tx = new TxView("p1", "purchase", "S1", "staff-7", new BigDecimal("359.00"),
                Instant.parse("2026-03-03T02:00:00Z"), DayOfWeek.TUESDAY, 10, List.of(colour, shampoo),
                Map.of("channel", "wechat", "visits", 3, "rating", new BigDecimal("4.5"), "first", true));
        return new Views(m, tx, colour);
    }

    /** Regular member with no tags, gender or birthday; one cut, Sunday 20:00. */
    static Views b() {
        LineView cut = line("1", "CUT-01", "service", "1", "88.00");
        MemberView m = new MemberView("m2", "regular", List.of(), null, null, null,
                Instant.parse("2026-03-01T02:00:00Z"), null, 40);
        TxView tx = new TxView("p2", "purchase", "S2", null, new BigDecimal("88.00"),
                Instant.parse("2026-03-08T12:00:00Z"), DayOfWeek.SUNDAY, 20, List.of(cut), Map.of());
        return new Views(m, tx, cut);
    }

    boolean eval(MvelCondition c) {
        return c.test(member, tx, line);
    }
}
