package io.loyaltykit.store;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.ledger.Ledger;
import io.loyaltykit.ledger.LedgerEntry;
import io.loyaltykit.ledger.LotState;
import io.loyaltykit.ledger.Mark;
import io.loyaltykit.ledger.PackageState;
import io.loyaltykit.ledger.PointsLot;
import io.loyaltykit.ledger.Purses;
import io.loyaltykit.ledger.QualifyingEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The in-memory store: one read-write lock makes it safe under concurrent use; a transaction's writes
 * become visible only when its work returns.
 */
final class InMemoryLoyaltyStore implements LoyaltyStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, EventRecord> events = new HashMap<>();
    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, List<LedgerEntry>> byMember = new HashMap<>();
    private final Map<String, List<LedgerEntry>> byEvent = new HashMap<>();
    private final Map<String, List<Mark>> marks = new HashMap<>();

    @Override
    public <T> T inTransaction(Collection<String> lockKeys, Function<StoreTransaction, T> work) {
        lock.writeLock().lock();
        try {
            Tx tx = new Tx();
            T result = work.apply(tx);
            for (Decision d : tx.pending) {
                apply(d);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public <T> T read(Function<LedgerReader, T> query) {
        lock.readLock().lock();
        try {
            return query.apply(new Reader());
        } finally {
            lock.readLock().unlock();
        }
    }

    private void apply(Decision d) {
        events.put(d.record().id(), d.record());
        if (d.member() != null) {
            members.put(d.member().id(), d.member());
        }
        for (LedgerEntry e : d.entries()) {
            byEvent.computeIfAbsent(e.eventId(), k -> new ArrayList<>()).add(e);
            if (e instanceof Mark m) {
                marks.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
            }
            if (e.member() != null) {
                byMember.computeIfAbsent(e.member(), k -> new ArrayList<>()).add(e);
            }
        }
    }

    private class Reader implements LedgerReader {
        @Override
        public Optional<EventRecord> event(String eventId) {
            return Optional.ofNullable(events.get(eventId));
        }

        @Override
        public Optional<Member> member(String memberId) {
            return Optional.ofNullable(members.get(memberId));
        }

        @Override
        public List<String> memberIds() {
            List<String> ids = new ArrayList<>(members.keySet());
            ids.sort(null);
            return ids;
        }

        @Override
        public List<LotState> openLots(String memberId) {
            return Ledger.openLots(history(memberId));
        }

        @Override
        public long debt(String memberId) {
            return Ledger.debt(history(memberId));
        }

        @Override
        public Purses purses(String memberId) {
            return Ledger.purses(history(memberId), Instant.MAX);
        }

        @Override
        public List<PackageState> packages(String memberId, Instant asOf) {
            return Ledger.packages(history(memberId), asOf);
        }

        @Override
        public List<QualifyingEntry> qualifying(String memberId) {
            List<QualifyingEntry> out = new ArrayList<>();
            for (LedgerEntry e : history(memberId)) {
                if (e instanceof QualifyingEntry q) {
                    out.add(q);
                }
            }
            out.sort((a, b) -> a.at().compareTo(b.at()));
            return out;
        }

        @Override
        public List<LedgerEntry> entriesOfEvent(String eventId) {
            return List.copyOf(byEvent.getOrDefault(eventId, List.of()));
        }

        @Override
        public long awarded(String memberId, String rule, Instant from, Instant to) {
            long sum = 0;
            for (LedgerEntry e : history(memberId)) {
                if (e instanceof PointsLot l && rule.equals(l.rule()) && !l.earnedAt().isBefore(from)
                        && l.earnedAt().isBefore(to)) {
                    sum += l.points();
                }
            }
            return sum;
        }

        @Override
        public long markSum(String key) {
            long sum = 0;
            for (Mark m : marks.getOrDefault(key, List.of())) {
                sum += m.value();
            }
            return sum;
        }

        @Override
        public long markSum(String key, Instant from, Instant to) {
            long sum = 0;
            for (Mark m : marks.getOrDefault(key, List.of())) {
                if (!m.at().isBefore(from) && m.at().isBefore(to)) {
                    sum += m.value();
                }
            }
            return sum;
        }

        @Override
        public Optional<Mark> lastMark(String key) {
            List<Mark> l = marks.getOrDefault(key, List.of());
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(l.size() - 1));
        }

        @Override
        public List<LedgerEntry> history(String memberId) {
            return List.copyOf(byMember.getOrDefault(memberId, List.of()));
        }
    }

    private final class Tx extends Reader implements StoreTransaction {
        private final List<Decision> pending = new ArrayList<>();

        @Override
        public void commit(Decision decision) {
            String id = decision.record().id();
            if (events.containsKey(id) || pending.stream().anyMatch(d -> d.record().id().equals(id))) {
                throw new LoyaltyException(ErrorCode.IDEMPOTENCY_CONFLICT, "event " + id + " was already recorded");
            }
            pending.add(decision);
        }
    }
}
