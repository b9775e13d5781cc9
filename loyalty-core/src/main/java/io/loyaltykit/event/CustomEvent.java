package io.loyaltykit.event;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named custom event such as {@code review_posted}, matched by rules {@code on: "event:NAME"}.
 *
 * @param id         idempotency key
 * @param at         instant
 * @param member     member id
 * @param name       event name
 * @param attributes free attributes (strings, numbers, booleans), never null
 */
public record CustomEvent(String id, Instant at, String member, String name, Map<String, Object> attributes)
        implements Event {

    /** Copies the attributes in key order. */
    public CustomEvent {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    @Override
    public String type() {
        return "event";
    }
}
