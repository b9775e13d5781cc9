package io.loyaltykit.examples.unicenta;

import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.examples.common.Outcome;
import io.loyaltykit.examples.common.TestShop;
import io.loyaltykit.examples.unicenta.fakepos.TicketInfo;
import io.loyaltykit.support.Invariants;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import static io.loyaltykit.examples.unicenta.Tickets.ALICE;
import static io.loyaltykit.examples.unicenta.Tickets.ANNA;
import static io.loyaltykit.examples.unicenta.Tickets.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The poller over uniCenta's tables in H2: sales and refunds applied exactly once. */
class UnicentaPollerTest {
    private final UnicentaTables tables = new UnicentaTables("poller-" + UUID.randomUUID());
    private final TestShop shop = TestShop.cny();
    private final UnicentaIntegration integration = UnicentaIntegration
            .builder(shop.loyalty, shop.store, Tickets.mapper(shop.program)).enrollUnknownMembers(true).build();

    private UnicentaPoller poller() {
        return UnicentaPoller.builder(tables.dataSource, integration).build();
    }

    private static TicketInfo walkIn(int number, String local) {
        return new TicketInfo("walk-in-" + number, 0, number, 0, date(local), null, ANNA)
                .line(Tickets.cut(0, 1)).payment("cash", 128.0);
    }

    @Test
    void appliesNewTicketsExactlyOnceAcrossTwoPollsARefundAndARestart() {
        tables.save(Tickets.sale42());
        tables.save(walkIn(43, "2026-03-03T11:00:00"));
        tables.save(new TicketInfo("no-sale-1", 3, 1, 0, date("2026-03-03T11:05:00"), null, ANNA));
        tables.save(new TicketInfo("payment-1", 2, 2, 0, date("2026-03-03T11:06:00"), ALICE, ANNA).payment("cash", 10.0));
        UnicentaPoller first = poller();

        UnicentaPoller.Report one = first.poll();
        assertThat(one.applied()).isEqualTo(2);
        assertThat(one.rejected()).isZero();
        assertThat(one.outcomes()).extracting(Outcome::eventId).containsExactly("unicenta:sale:42", "unicenta:sale:43");
        assertThat(one.outcomes().get(0).enrolled()).as("Alice's card was new to LoyaltyKit").isTrue();
        assertThat(one.outcomes().get(0).points()).isEqualTo(280);
        assertThat(one.outcomes().get(1).member()).as("no customer: a walk-in").isNull();
        assertThat(shop.available("C-0001")).isEqualTo(280);
        int entries = shop.entries("C-0001");

        UnicentaPoller.Report two = first.poll();
        assertThat(two.applied()).isZero();
        assertThat(two.duplicates()).isZero();
        assertThat(two.outcomes()).isEmpty();
        assertThat(shop.entries("C-0001")).isEqualTo(entries);

        tables.save(Tickets.refund7());
        UnicentaPoller.Report three = first.poll();
        assertThat(three.applied()).isEqualTo(1);
        assertThat(three.outcomes().get(0).eventId()).isEqualTo("unicenta:refund:7");
        // one of the two shampoos back: its share 82.12 / 280.52 of the 280 points awarded is 81.97, floored
        assertThat(three.outcomes().get(0).points()).isEqualTo(-81);
        assertThat(shop.available("C-0001")).isEqualTo(199);
        assertThat(three.mark()).isEqualTo(LocalDateTime.parse("2026-03-05T16:00:00"));

        UnicentaPoller restarted = poller();
        UnicentaPoller.Report four = restarted.poll();
        assertThat(four.applied()).isZero();
        assertThat(four.outcomes()).isEmpty();
        assertThat(four.alreadyRecorded()).as("the refund is inside the overlap and found recorded").isEqualTo(1);
        assertThat(shop.available("C-0001")).isEqualTo(199);
        Invariants.check(shop.loyalty, "C-0001", false);
    }

    @Test
    void aTicketCommittedLateWithAnEarlierDateIsStillPickedUp() {
        UnicentaPoller poller = poller();
        tables.save(walkIn(50, "2026-03-03T12:00:00"));
        assertThat(poller.poll().applied()).isEqualTo(1);

        tables.save(walkIn(49, "2026-03-03T11:55:00"));
        UnicentaPoller.Report late = poller.poll();

        assertThat(late.applied()).isEqualTo(1);
        assertThat(late.outcomes().get(0).eventId()).isEqualTo("unicenta:sale:49");
        assertThat(late.mark()).isEqualTo(LocalDateTime.parse("2026-03-03T12:00:00"));
    }

    @Test
    void replayingFromTheStartWithTheMarkLostChangesNothing() {
        tables.save(Tickets.sale42());
        tables.save(Tickets.refund7());
        assertThat(poller().poll().applied()).isEqualTo(2);
        long available = shop.available("C-0001");
        int entries = shop.entries("C-0001");

        UnicentaPoller fresh = UnicentaPoller.builder(tables.dataSource, integration).cursorName("lost-mark").build();
        UnicentaPoller.Report replay = fresh.poll();

        assertThat(replay.applied()).isZero();
        assertThat(replay.alreadyRecorded()).isEqualTo(2);
        assertThat(shop.available("C-0001")).isEqualTo(available);
        assertThat(shop.entries("C-0001")).isEqualTo(entries);
    }

    @Test
    void linesWithoutTheirAttributeSnapshotAreReadFromTheProductsTable() {
        tables.save(Tickets.sale42());
        tables.dropLineAttributes("0b7e1c52-sale-42");

        UnicentaPoller.Report report = poller().poll();

        assertThat(report.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Outcome.APPLIED);
            assertThat(o.points()).isEqualTo(280);
        });
    }

    @Test
    void aRejectedTicketIsTriedAgainWhileInsideTheOverlap() {
        UnicentaIntegration strict = UnicentaIntegration.builder(shop.loyalty, shop.store, Tickets.mapper(shop.program)).build();
        UnicentaPoller poller = UnicentaPoller.builder(tables.dataSource, strict).build();
        tables.save(Tickets.sale42());

        UnicentaPoller.Report before = poller.poll();
        assertThat(before.rejected()).isEqualTo(1);
        assertThat(before.outcomes().get(0).code()).isEqualTo(ErrorCode.UNKNOWN_MEMBER);
        assertThat(shop.loyalty.history("C-0001")).isEmpty();

        shop.loyalty.apply(Enroll.of("enrol-alice", Instant.parse("2026-03-03T00:00:00Z"), "C-0001"));
        UnicentaPoller.Report after = poller.poll();

        assertThat(after.applied()).isEqualTo(1);
        assertThat(shop.available("C-0001")).isEqualTo(280);
    }

    @Test
    void aDatabaseWithoutUnicentasTablesFailsTypedAndAppliesNothing() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:empty-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        UnicentaPoller poller = UnicentaPoller.builder(empty, integration).build();

        assertThatThrownBy(poller::poll).isInstanceOfSatisfying(LoyaltyException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE));
        assertThat(shop.store.read(io.loyaltykit.store.LedgerReader::memberIds)).isEmpty();
    }
}
