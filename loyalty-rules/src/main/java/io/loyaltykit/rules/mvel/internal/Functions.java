package io.loyaltykit.rules.mvel.internal;

import io.loyaltykit.program.LineView;
import io.loyaltykit.program.TxView;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The helper functions a condition may call, and the conversions the checker inserts. Compiled
 * expressions reach them through one variable whose name no author can write (the checker refuses unknown
 * names), so this object is the whole of what a condition can call beyond the views' read methods.
 * Every function is total and runs in time linear in its input.
 */
public final class Functions {

    /** The variable name the emitted MVEL uses; not a name the condition language accepts. */
    public static final String VARIABLE = "lk__fn";

    static final Functions INSTANCE = new Functions();

    private Functions() {
    }

    /** Whether any line of the bill has this category. */
    public boolean hasCategory(TxView tx, String category) {
        for (LineView l : tx.lines()) {
            if (category != null && category.equals(l.category())) {
                return true;
            }
        }
        return false;
    }

    /** Whether any line of the bill has this sku. */
    public boolean hasSku(TxView tx, String sku) {
        for (LineView l : tx.lines()) {
            if (sku != null && sku.equals(l.sku())) {
                return true;
            }
        }
        return false;
    }

    /** The net of the bill's lines of this category (zero when none). */
    public BigDecimal categoryNet(TxView tx, String category) {
        BigDecimal sum = BigDecimal.ZERO;
        for (LineView l : tx.lines()) {
            if (category != null && category.equals(l.category()) && l.net() != null) {
                sum = sum.add(l.net());
            }
        }
        return sum;
    }

    /** Whole days (24 hours) from {@code from} to {@code to}, negative when {@code to} is earlier. */
    public long daysBetween(Instant from, Instant to) {
        return Duration.between(from, to).toDays();
    }

    /** A custom event attribute as text (numbers and booleans in their plain form), or null when absent. */
    public String attrText(TxView tx, String key) {
        Object v = tx.attributes().get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v instanceof String || v instanceof Number || v instanceof Boolean ? v.toString() : null;
    }

    /** A custom event attribute as a decimal, or {@code otherwise} when absent or not a number. */
    public BigDecimal attrNumber(TxView tx, String key, BigDecimal otherwise) {
        Object v = tx.attributes().get(key);
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            try {
                return new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                return otherwise; // NaN and infinities have no decimal value
            }
        }
        return otherwise;
    }

    /** Whether a custom event attribute is the boolean true (or the text "true"). */
    public boolean attrFlag(TxView tx, String key) {
        Object v = tx.attributes().get(key);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    /** Inserted by the checker where a whole number meets a decimal, so MVEL never goes through double. */
    public BigDecimal dec(long v) {
        return BigDecimal.valueOf(v);
    }

    /** Inserted by the checker where an int meets a long, for the same reason as {@link #dec(long)}. */
    public long wide(int v) {
        return v;
    }

    /** {@code toLowerCase()} as authors write it, independent of the machine's locale. */
    public String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** {@code toUpperCase()} as authors write it, independent of the machine's locale. */
    public String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
