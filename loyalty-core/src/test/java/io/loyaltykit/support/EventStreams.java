package io.loyaltykit.support;

import io.loyaltykit.event.Adjust;
import io.loyaltykit.event.CheckIn;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.event.Event;
import io.loyaltykit.event.Line;
import io.loyaltykit.event.Profile;
import io.loyaltykit.event.Purchase;
import io.loyaltykit.event.Redeem;
import io.loyaltykit.event.Return;
import io.loyaltykit.event.Tender;
import io.loyaltykit.event.TopUp;
import io.loyaltykit.event.TopUpRefund;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic random event streams for the salon program: enrolments (some referred), purchases with
 * offsets, stored value and packages, returns of earlier purchases, top-ups and refunds, redemptions,
 * adjustments and check-ins. Invalid events occur naturally (over-large offsets, empty purses...): the
 * engine must reject them without changing anything.
 */
public final class EventStreams {
    private static final String[][] CATALOG = {
            {"CUT-01", "service", "88.00"}, {"COLOR-01", "service", "268.00"}, {"PERM-01", "service", "520.00"},
            {"WASH-01", "service", "38.00"}, {"SHAMPOO-500", "retail", "45.50"}, {"MASK-01", "retail", "129.90"},
            {"GC-200", "gift-card", "200.00"}, {"PKG-CUT-10", "package", "880.00"}};

    private EventStreams() {
    }

    /** A stream of {@code size} events over {@code members} members, for one member prefix. */
    public static List<Event> generate(long seed, int members, int size, String prefix, boolean referrals) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>();
        Instant t = Instant.parse("2026-01-05T02:00:00Z");
        Map<String, List<Purchase>> purchases = new HashMap<>();
        Map<String, List<String>> topups = new HashMap<>();
        List<String> enrolled = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < members; i++) {
            String m = prefix + "m" + i;
            String ref = referrals && !enrolled.isEmpty() && r.nextInt(3) > 0 ? enrolled.get(r.nextInt(enrolled.size())) : null;
            LocalDate birthday = LocalDate.of(1970 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
            out.add(new Enroll(prefix + "e" + i, t, m, new Profile("member " + i, null, birthday, null, List.of()),
                    ref, "S" + r.nextInt(2), null, List.of()));
            enrolled.add(m);
            t = t.plusSeconds(60);
        }
        while (out.size() < size) {
            t = t.plus(Duration.ofMinutes(10 + r.nextInt(60 * 30)));
            String m = enrolled.get(r.nextInt(enrolled.size()));
            String id = prefix + "x" + (n++);
            int kind = r.nextInt(100);
            if (kind < 45) {
                Purchase p = purchase(r, id, t, m);
                purchases.computeIfAbsent(m, k -> new ArrayList<>()).add(p);
                out.add(p);
            } else if (kind < 60 && purchases.containsKey(m)) {
                List<Purchase> ps = purchases.get(m);
                Purchase p = ps.get(r.nextInt(ps.size()));
                if (r.nextBoolean()) {
                    out.add(Return.whole(id, t, m, p.id()));
                } else {
                    Line l = p.lines().get(r.nextInt(p.lines().size()));
                    out.add(Return.line(id, t, m, p.id(), l.line(), "1"));
                }
            } else if (kind < 68) {
                String amount = List.of("100.00", "500.00", "1000.00", "300.00").get(r.nextInt(4));
                out.add(TopUp.of(id, t, m, amount));
                topups.computeIfAbsent(m, k -> new ArrayList<>()).add(id);
            } else if (kind < 70 && topups.containsKey(m)) {
                List<String> ts = topups.get(m);
                out.add(new TopUpRefund(id, t, m, ts.get(r.nextInt(ts.size()))));
            } else if (kind < 78) {
                out.add(Redeem.of(id, t, m, r.nextBoolean() ? "free-wash" : "shampoo-gift"));
            } else if (kind < 86) {
                long pts = r.nextInt(5) == 0 ? -(1 + r.nextInt(300)) : 1 + r.nextInt(500);
                out.add(new Adjust(id, t, m, pts, "goodwill", "ops"));
            } else {
                out.add(new CheckIn(id, t, m));
            }
        }
        return out;
    }

    private static Purchase purchase(Random r, String id, Instant t, String m) {
        Purchase.Builder b = Purchase.builder(id, t).member(m).store("S" + r.nextInt(2));
        int lines = 1 + r.nextInt(4);
        BigDecimal total = BigDecimal.ZERO;
        boolean cutOnly = r.nextInt(6) == 0;
        for (int i = 0; i < lines; i++) {
            String[] item = cutOnly ? CATALOG[0] : CATALOG[r.nextInt(CATALOG.length)];
            int qty = 1 + (r.nextInt(4) == 0 ? 1 : 0);
            Line l = Line.of(String.valueOf(i + 1), item[0], item[1], String.valueOf(qty), item[2]);
            if (r.nextInt(3) == 0) {
                l = l.withCost(new BigDecimal(item[2]).multiply(new BigDecimal("0.4")).setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString());
            }
            b.line(l);
            total = total.add(l.gross());
        }
        long redeem = r.nextInt(5) == 0 ? 100L * (1 + r.nextInt(5)) : 0;
        b.redeemPoints(redeem);
        BigDecimal due = total.subtract(BigDecimal.valueOf(redeem).movePointLeft(2));
        int pay = r.nextInt(10);
        if (cutOnly && pay < 3) {
            b.tender(Tender.pkg("cut-10", due.toPlainString()));
        } else if (pay < 4) {
            b.tender(Tender.STORED_VALUE, due.toPlainString());
        } else {
            b.tender(r.nextBoolean() ? "cash" : "wechat", due.toPlainString());
        }
        return b.build();
    }
}
