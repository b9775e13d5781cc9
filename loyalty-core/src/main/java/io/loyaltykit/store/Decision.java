package io.loyaltykit.store;

import io.loyaltykit.ledger.LedgerEntry;

import java.util.List;

/**
 * Everything one applied event writes, committed in one transaction: the event record (its id unique),
 * the ledger entries, and a new or changed member.
 *
 * @param record  the event record
 * @param entries ledger entries, possibly on several members
 * @param member  a member to insert (enrol) or replace (profile update), or null
 */
public record Decision(EventRecord record, List<LedgerEntry> entries, Member member) {
    /** Copies entries. */
    public Decision {
        entries = List.copyOf(entries);
    }
}
