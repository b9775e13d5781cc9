package io.loyaltykit.examples.common;

import io.loyaltykit.store.EventRecord;
import io.loyaltykit.store.LineRecord;
import io.loyaltykit.store.LoyaltyStore;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up the purchase a POS refund refers to, as LoyaltyKit recorded it: whose it was and which lines it
 * had. Refunds in uniCenta and Loyverse name the original receipt but not its lines, so their lines are
 * matched to the recorded ones by sku; the member is taken from the record, so a refund rung up without the
 * customer still reverses the right account.
 *
 * <pre>{@code
 * Originals originals = Originals.in(store);
 * originals.find("loyverse:2-1041").map(Originals.Original::member);
 * }</pre>
 */
@FunctionalInterface
public interface Originals {

    /** The applied purchase with this event id, if LoyaltyKit recorded one. */
    Optional<Original> find(String purchaseId);

    /** True when LoyaltyKit already recorded an event with this id (of any type). */
    default boolean recorded(String eventId) {
        return find(eventId).isPresent();
    }

    /** Originals as recorded in a store. */
    static Originals in(LoyaltyStore store) {
        Objects.requireNonNull(store, "store");
        return new Originals() {
            @Override
            public Optional<Original> find(String purchaseId) {
                return store.read(r -> r.event(purchaseId)).filter(e -> "purchase".equals(e.type()))
                        .map(Original::of);
            }

            @Override
            public boolean recorded(String eventId) {
                return store.read(r -> r.event(eventId)).isPresent();
            }
        };
    }

    /** A fixed table, for tests and previews. */
    static Originals of(Map<String, Original> table) {
        Map<String, Original> copy = Map.copyOf(table);
        return id -> Optional.ofNullable(copy.get(id));
    }

    /** No purchase known. */
    static Originals none() {
        return id -> Optional.empty();
    }

    /**
     * A recorded purchase.
     *
     * @param id     the purchase's event id
     * @param member its member, or null for a walk-in
     * @param lines  its lines as recorded
     */
    record Original(String id, String member, List<LineRecord> lines) {
        /** Copies the lines. */
        public Original {
            lines = List.copyOf(lines);
        }

        /** From a store's record. */
        public static Original of(EventRecord record) {
            return new Original(record.id(), record.member(), record.lines());
        }
    }
}
