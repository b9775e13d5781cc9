package io.loyaltykit.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A return against an earlier purchase: some lines, or the whole purchase when {@code lines} is empty.
 * Points are reversed in proportion to what the returned units earned.
 *
 * @param id       idempotency key
 * @param at       instant
 * @param member   member id (for a walk-in purchase, null)
 * @param original the purchase's id
 * @param lines    lines and quantities returned; empty means everything not yet returned
 * @param store    store taking the return, or null
 */
public record Return(String id, Instant at, String member, String original, List<ReturnLine> lines, String store)
        implements Event {

    /** Copies the lines; null means the whole purchase. */
    public Return {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A whole-purchase return. */
    public static Return whole(String id, Instant at, String member, String original) {
        return new Return(id, at, member, original, List.of(), null);
    }

    /** A return of one line's quantity. */
    public static Return line(String id, Instant at, String member, String original, String line, String qty) {
        return new Return(id, at, member, original, List.of(new ReturnLine(line, new BigDecimal(qty))), null);
    }

    /** True when every line not yet returned goes back. */
    public boolean isWhole() {
        return lines.isEmpty();
    }

    @Override
    public String type() {
        return "return";
    }

    /**
     * One returned line.
     *
     * @param line the original line id
     * @param qty  quantity returned, positive
     */
    public record ReturnLine(String line, BigDecimal qty) {
    }
}
