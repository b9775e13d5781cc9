package io.loyaltykit.store;

import io.loyaltykit.Loyalty;
import io.loyaltykit.Result;
import io.loyaltykit.event.Event;
import io.loyaltykit.program.Program;
import io.loyaltykit.program.ReturnsPolicy;
import io.loyaltykit.support.EventStreams;
import io.loyaltykit.support.Invariants;
import io.loyaltykit.support.TestPrograms;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight threads apply interleaved events for 50 members on one in-memory store, each also re-sending
 * events other threads already sent: every event is applied exactly once, the replays are duplicates,
 * the ledger invariants hold, and each member ends as a serial replay would leave it.
 */
class ConcurrentApplyTest {
    private static final int THREADS = 8;

    @Test
    void eightThreadsNeverApplyAnEventTwice() throws Exception {
        Program program = TestPrograms.salon(ReturnsPolicy.WITHIN_BALANCE, false);
        List<List<Event>> streams = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            // 50 members in all: 6 or 7 per thread
            streams.add(EventStreams.generate(1000 + i, i < 2 ? 7 : 6, 400, "t" + i + "-", true));
        }
        Loyalty shared = Loyalty.builder(program).voucherCodes(() -> "CODE").build();
        List<List<Event>> applied = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            applied.add(java.util.Collections.synchronizedList(new ArrayList<>()));
        }
        Map<String, Integer> appliedCount = new ConcurrentHashMap<>();
        Map<String, Result> firstResults = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int me = t;
            futures.add(pool.submit(() -> {
                start.await();
                Random r = new Random(me);
                List<Event> mine = streams.get(me);
                for (int i = 0; i < mine.size(); i++) {
                    Result res = shared.apply(mine.get(i));
                    firstResults.put(res.eventId(), res);
                    if (res instanceof Result.Applied) {
                        appliedCount.merge(res.eventId(), 1, Integer::sum);
                        applied.get(me).add(mine.get(i));
                    }
                    // re-send an event another thread has already applied (a rejected one would be evaluated
                    // afresh, which is right, but would make the member's history differ from a serial replay)
                    int other = r.nextInt(THREADS);
                    List<Event> theirs = applied.get(other);
                    int upTo = theirs.size();
                    if (other != me && upTo > 0) {
                        Event e = theirs.get(r.nextInt(upTo));
                        Result again = shared.apply(e);
                        if (again instanceof Result.Applied) {
                            appliedCount.merge(again.eventId(), 1, Integer::sum);
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(appliedCount.values()).allMatch(c -> c == 1);
        for (int t = 0; t < THREADS; t++) {
            Loyalty serial = Loyalty.builder(program).voucherCodes(() -> "CODE").build();
            Set<String> members = new HashSet<>();
            Map<String, Result> serialResults = new HashMap<>();
            for (Event e : streams.get(t)) {
                serialResults.put(e.id(), serial.apply(e));
                if (e.member() != null) {
                    members.add(e.member());
                }
            }
            for (Event e : streams.get(t)) {
                assertThat(firstResults.get(e.id())).as("event %s", e.id()).isEqualTo(serialResults.get(e.id()));
            }
            for (String m : members) {
                Invariants.check(shared, m, false);
                assertThat(shared.history(m)).isEqualTo(serial.history(m));
            }
        }
    }
}
