package io.loyaltykit.examples.common;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Return;
import io.loyaltykit.store.LineRecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the lines of a POS refund that names only products to the lines of the original purchase.
 * Quantities of a sku go to the original's lines of that sku in line order, each up to what it had; what
 * is left over stays on the last such line, so the engine refuses it with
 * {@link ErrorCode#RETURN_EXCEEDS_ORIGINAL} rather than anything being reversed by guess.
 *
 * <pre>{@code
 * Map<String, BigDecimal> refunded = Map.of("SHAMPOO-500", BigDecimal.ONE);
 * List<Return.ReturnLine> lines = ReturnLines.bySku(original, refunded);
 * }</pre>
 */
public final class ReturnLines {
    private ReturnLines() {
    }

    /**
     * Return lines for the refunded quantity of each sku. Throws {@link ErrorCode#RETURN_EXCEEDS_ORIGINAL}
     * for a sku the original did not have.
     */
    public static List<Return.ReturnLine> bySku(Originals.Original original, Map<String, BigDecimal> refundedBySku) {
        Map<String, BigDecimal> byLine = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : refundedBySku.entrySet()) {
            String sku = e.getKey();
            BigDecimal left = e.getValue();
            if (left.signum() <= 0) {
                continue;
            }
            List<LineRecord> candidates = new ArrayList<>();
            for (LineRecord l : original.lines()) {
                if (sku.equals(l.sku())) {
                    candidates.add(l);
                }
            }
            if (candidates.isEmpty()) {
                throw new LoyaltyException(ErrorCode.RETURN_EXCEEDS_ORIGINAL, "the refund returns " + sku
                        + ", which purchase " + original.id() + " did not have");
            }
            for (int i = 0; i < candidates.size() && left.signum() > 0; i++) {
                LineRecord l = candidates.get(i);
                boolean last = i == candidates.size() - 1;
                BigDecimal take = last ? left : left.min(l.qty());
                if (take.signum() > 0) {
                    byLine.merge(l.line(), take, BigDecimal::add);
                    left = left.subtract(take);
                }
            }
        }
        List<Return.ReturnLine> out = new ArrayList<>();
        byLine.forEach((line, qty) -> out.add(new Return.ReturnLine(line, Amounts.quantity(qty))));
        return out;
    }
}
