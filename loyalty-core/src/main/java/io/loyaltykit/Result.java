package io.loyaltykit;

import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.Mark;
import io.loyaltykit.ledger.QualifyingEntry;

import java.util.List;

/**
 * What happened to one event: {@link Applied}, {@link Duplicate} or {@link Rejected}.
 *
 * <pre>{@code
 * Result r = loyalty.apply(event);
 * if (r instanceof Result.Rejected rejected) {
 *     showError(rejected.code(), rejected.message());
 * }
 * }</pre>
 */
public sealed interface Result permits Result.Applied, Result.Duplicate, Result.Rejected {

    /** The event id. */
    String eventId();

    /** {@code applied}, {@code duplicate} or {@code rejected}. */
    String status();

    /**
     * The event was applied.
     *
     * @param eventId    event id
     * @param member     the event's member (null for a walk-in)
     * @param points     net change of the member's points (for a walk-in, the points held for claiming)
     * @param entries    the ledger entries written, each with rule and reason
     * @param tierBefore level before, or null when unchanged
     * @param tierAfter  level after, or null when unchanged
     */
    record Applied(String eventId, String member, long points, List<LedgerEntry> entries, String tierBefore,
                   String tierAfter) implements Result {
        /** Copies entries. */
        public Applied {
            entries = List.copyOf(entries);
        }

        @Override
        public String status() {
            return "applied";
        }

        /** True when the member's level changed. */
        public boolean tierChanged() {
            return tierAfter != null && !tierAfter.equals(tierBefore);
        }

        /** The entries a person reads: points, stored value and package movements (not bookkeeping marks). */
        public List<LedgerEntry> explanations() {
            return entries.stream().filter(e -> !(e instanceof Mark) && !(e instanceof QualifyingEntry)).toList();
        }
    }

    /**
     * The same id with the same content was applied before; nothing changed.
     *
     * @param eventId  event id
     * @param original the first result
     */
    record Duplicate(String eventId, Applied original) implements Result {
        @Override
        public String status() {
            return "duplicate";
        }
    }

    /**
     * Nothing changed and nothing was recorded; the same id may be sent again.
     *
     * @param eventId             event id
     * @param code                stable error code
     * @param message             what was wrong, for people
     * @param maxRedeemablePoints for {@link ErrorCode#REDEMPTION_NOT_ALLOWED}, the largest allowed figure; else null
     */
    record Rejected(String eventId, ErrorCode code, String message, Long maxRedeemablePoints) implements Result {
        @Override
        public String status() {
            return "rejected";
        }

        /** A rejection from an exception. */
        public static Rejected of(String eventId, LoyaltyException e) {
            return new Rejected(eventId, e.code(), e.getMessage(), e.maxRedeemablePoints());
        }
    }
}
