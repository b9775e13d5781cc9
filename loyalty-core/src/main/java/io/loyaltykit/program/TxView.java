package io.loyaltykit.program;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@code when} condition may read of the event, read-only. On events without lines, {@code lines}
 * is empty and {@code total} is the top-up amount or zero.
 *
 * @param id         event id
 * @param type       event type
 * @param store      store, or null
 * @param staff      staff, or null
 * @param total      net total of the bill (or the top-up amount)
 * @param at         instant
 * @param dayOfWeek  day of week in the program's timezone
 * @param hour       hour of day in the program's timezone
 * @param lines      the purchase lines
 * @param attributes a custom event's attributes
 */
public record TxView(String id, String type, String store, String staff, BigDecimal total, Instant at,
                     DayOfWeek dayOfWeek, int hour, List<LineView> lines, Map<String, Object> attributes) {
    /** Copies collections. */
    public TxView {
        lines = lines == null ? List.of() : List.copyOf(lines);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
