package io.loyaltykit.examples.common;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Tender;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits what a POS says was paid to what a LoyaltyKit purchase must be paid. The events spec wants the
 * tenders to add up to the lines' net, to the cent; POS payments also cover what is not a line (tax added on
 * top, tips, service charges) and carry their own rounding. The difference is taken off (or, for a cent of
 * rounding, put on) the payments in proportion to their amounts, largest remainder first, so the result is
 * deterministic and exact.
 *
 * <pre>{@code
 * // a 63.88 bill paid 70.81 by card, tip and added tax included
 * List<Tender> t = Tenders.fit(List.of(Tender.of("card", "70.81")), new BigDecimal("63.88"), 2);  // card 63.88
 * }</pre>
 */
public final class Tenders {
    private Tenders() {
    }

    /**
     * Tenders of the same types as {@code paid}, merged by type and in type order (so the order the POS lists
     * payments in does not change the event), that add up to {@code due}
     * exactly. Throws {@link ErrorCode#INVALID_EVENT} for a negative payment, or for a bill with something due
     * and nothing paid.
     *
     * @param paid  the POS payments (type and amount; amounts at any scale)
     * @param due   what the purchase's tenders must add up to, at the currency scale
     * @param scale the currency's minor-unit scale
     */
    public static List<Tender> fit(List<Tender> paid, BigDecimal due, int scale) {
        if (due.signum() < 0) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "the bill is negative: " + due.toPlainString());
        }
        Map<String, BigDecimal> byType = new TreeMap<>();
        for (Tender t : paid) {
            if (t.type() == null || t.type().isBlank() || t.amount() == null) {
                throw new LoyaltyException(ErrorCode.INVALID_EVENT, "every payment needs a type and an amount");
            }
            BigDecimal amount = Amounts.atScale(t.amount(), scale);
            if (amount.signum() < 0) {
                throw new LoyaltyException(ErrorCode.INVALID_EVENT, "payment " + t.type() + " is negative: "
                        + amount.toPlainString());
            }
            byType.merge(t.type(), amount, BigDecimal::add);
        }
        byType.values().removeIf(v -> v.signum() == 0);
        if (due.signum() == 0) {
            return List.of();
        }
        BigDecimal total = byType.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            throw new LoyaltyException(ErrorCode.INVALID_EVENT, "nothing was paid for a bill of " + due.toPlainString());
        }
        List<String> types = new ArrayList<>(byType.keySet());
        if (total.compareTo(due) == 0) {
            List<Tender> out = new ArrayList<>();
            for (String type : types) {
                out.add(new Tender(type, byType.get(type), null));
            }
            return out;
        }
        BigInteger dueUnits = due.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        long[] units = new long[types.size()];
        BigDecimal[] fractions = new BigDecimal[types.size()];
        long assigned = 0;
        for (int i = 0; i < types.size(); i++) {
            BigDecimal exact = new BigDecimal(dueUnits).multiply(byType.get(types.get(i)))
                    .divide(total, 12, RoundingMode.DOWN);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            units[i] = floor.longValueExact();
            fractions[i] = exact.subtract(floor);
            assigned += units[i];
        }
        long left = dueUnits.longValueExact() - assigned;
        while (left > 0) {
            int best = 0;
            for (int i = 1; i < types.size(); i++) {
                if (fractions[i].compareTo(fractions[best]) > 0) {
                    best = i;
                }
            }
            units[best]++;
            fractions[best] = BigDecimal.ONE.negate();
            left--;
        }
        List<Tender> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (units[i] > 0) {
                out.add(new Tender(types.get(i), BigDecimal.valueOf(units[i], scale), null));
            }
        }
        return out;
    }
}
