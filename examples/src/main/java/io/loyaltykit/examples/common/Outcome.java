package io.loyaltykit.examples.common;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.Result;
import io.loyaltykit.event.Event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of one piece of POS data: the LoyaltyKit event it was mapped to and its result, or why it was
 * skipped. Integrations log it, answer webhooks with it and show it at the till.
 *
 * @param eventId  the event id (derived from the POS receipt), or the POS reference when nothing was mapped
 * @param type     the event type, or null when skipped
 * @param member   the member, or null
 * @param status   {@code applied}, {@code duplicate}, {@code rejected} or {@code skipped}
 * @param points   net change of the member's points (for a duplicate, what the first delivery did)
 * @param code     the error code of a rejection, else null
 * @param message  why it was rejected or skipped, else null
 * @param enrolled true when the member was enrolled on the way (an unknown member, with auto-enrolment on)
 */
public record Outcome(String eventId, String type, String member, String status, long points, ErrorCode code,
                      String message, boolean enrolled) {

    /** Status of an event that was applied. */
    public static final String APPLIED = "applied";
    /** Status of a replay of an event already applied. */
    public static final String DUPLICATE = "duplicate";
    /** Status of an event the library refused; nothing changed. */
    public static final String REJECTED = "rejected";
    /** Status of POS data that maps to no event (a no-sale, an open order). */
    public static final String SKIPPED = "skipped";

    /** The outcome of applying an event. */
    public static Outcome of(Event event, Result result, boolean enrolled) {
        if (result instanceof Result.Applied a) {
            return new Outcome(event.id(), event.type(), event.member(), APPLIED, a.points(), null, null, enrolled);
        }
        if (result instanceof Result.Duplicate d) {
            return new Outcome(event.id(), event.type(), event.member(), DUPLICATE, d.original().points(), null, null,
                    enrolled);
        }
        Result.Rejected r = (Result.Rejected) result;
        return new Outcome(event.id(), event.type(), event.member(), REJECTED, 0, r.code(), r.message(), enrolled);
    }

    /** An event refused before it reached the library (the mapper found the POS data unusable). */
    public static Outcome rejected(String reference, ErrorCode code, String message) {
        return new Outcome(reference, null, null, REJECTED, 0, code, message, false);
    }

    /** POS data that maps to no event. */
    public static Outcome skipped(String reference, String why) {
        return new Outcome(reference, null, null, SKIPPED, 0, null, why, false);
    }

    /** True for applied and duplicate: the event is in the ledger. */
    public boolean inLedger() {
        return APPLIED.equals(status) || DUPLICATE.equals(status);
    }

    /** The fields that are set, in a stable order, for JSON answers and logs. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", eventId);
        if (type != null) {
            m.put("type", type);
        }
        if (member != null) {
            m.put("member", member);
        }
        m.put("status", status);
        if (inLedger()) {
            m.put("points", points);
        }
        if (code != null) {
            m.put("code", code.name());
        }
        if (message != null) {
            m.put("message", message);
        }
        if (enrolled) {
            m.put("enrolled", true);
        }
        return m;
    }
}
