package io.loyaltykit.examples.unicenta;

import bsh.Interpreter;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.Loyalty;
import io.loyaltykit.examples.common.TestShop;
import io.loyaltykit.examples.unicenta.fakepos.TicketInfo;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LoyaltyStore;
import io.loyaltykit.store.StoreTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code ticket.close.bsh}, run by BeanShell as uniCenta runs it: with {@code ticket} bound to a
 * ticket object that has uniCenta's getters and nothing of ours.
 */
class TicketCloseScriptTest {
    private final TestShop shop = TestShop.cny();

    @AfterEach
    void uninstall() {
        UnicentaHook.uninstall();
    }

    private static String script() throws IOException {
        try (InputStream in = UnicentaHook.class.getResourceAsStream("ticket.close.bsh")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void close(TicketInfo ticket) throws Exception {
        Interpreter bsh = new Interpreter();
        bsh.set("ticket", ticket);
        bsh.set("print", true);
        bsh.eval(script());
    }

    private void install(LoyaltyStore store, Loyalty loyalty) {
        UnicentaHook.install(UnicentaIntegration.builder(loyalty, store, Tickets.mapper(shop.program))
                .enrollUnknownMembers(true).build());
    }

    @Test
    void closingASaleEarnsPointsAndPutsThemOnTheTicketForTheReceipt() throws Exception {
        install(shop.store, shop.loyalty);
        TicketInfo sale = Tickets.sale42();

        close(sale);

        assertThat(sale.getProperty("loyaltykit.status")).isEqualTo("applied");
        assertThat(sale.getProperty("loyaltykit.points")).isEqualTo("280");
        assertThat(sale.getProperty("loyaltykit.available")).isEqualTo("280");
        assertThat(shop.available("C-0001")).isEqualTo(280);
    }

    @Test
    void closingTheSameTicketAgainChangesNothing() throws Exception {
        install(shop.store, shop.loyalty);
        close(Tickets.sale42());
        int entries = shop.entries("C-0001");

        TicketInfo again = Tickets.sale42();
        close(again);

        assertThat(again.getProperty("loyaltykit.status")).isEqualTo("duplicate");
        assertThat(again.getProperty("loyaltykit.points")).isEqualTo("280");
        assertThat(shop.entries("C-0001")).isEqualTo(entries);
        assertThat(shop.available("C-0001")).isEqualTo(280);
    }

    @Test
    void aRefundClosedAtTheTillReversesTheSalesPoints() throws Exception {
        install(shop.store, shop.loyalty);
        close(Tickets.sale42());
        TicketInfo refund = Tickets.refund7();

        close(refund);

        assertThat(refund.getProperty("loyaltykit.status")).isEqualTo("applied");
        assertThat(refund.getProperty("loyaltykit.points")).isEqualTo("-81");
        assertThat(shop.available("C-0001")).isEqualTo(199);
    }

    @Test
    void theScriptAndThePollerMapATicketToTheSameEvent() throws Exception {
        install(shop.store, shop.loyalty);
        UnicentaTables tables = new UnicentaTables("script-" + UUID.randomUUID());
        tables.save(Tickets.sale42());
        tables.save(Tickets.refund7());
        UnicentaPoller.Report polled = UnicentaPoller.builder(tables.dataSource, UnicentaHook.integration()).build().poll();
        assertThat(polled.applied()).isEqualTo(2);

        TicketInfo sale = Tickets.sale42();
        TicketInfo refund = Tickets.refund7();
        close(sale);
        close(refund);

        // same id and same content: a duplicate, not an idempotency conflict
        assertThat(sale.getProperty("loyaltykit.status")).isEqualTo("duplicate");
        assertThat(refund.getProperty("loyaltykit.status")).isEqualTo("duplicate");
        assertThat(shop.available("C-0001")).isEqualTo(199);
    }

    @Test
    void aStoreThatCannotCommitDoesNotStopTheSale() throws Exception {
        LoyaltyStore down = new LoyaltyStore() {
            @Override
            public <T> T inTransaction(Collection<String> lockKeys, Function<StoreTransaction, T> work) {
                throw new LoyaltyException(ErrorCode.STORE_UNAVAILABLE, "database is down");
            }

            @Override
            public <T> T read(Function<LedgerReader, T> query) {
                return shop.store.read(query);
            }
        };
        install(down, Loyalty.builder(shop.program).store(down).build());
        TicketInfo sale = Tickets.sale42();

        close(sale);

        assertThat(sale.getProperty("loyaltykit.status")).isEqualTo("rejected");
        assertThat(sale.getProperty("loyaltykit.points")).isNull();
        assertThat(shop.store.read(LedgerReader::memberIds)).isEmpty();
    }

    @Test
    void withNothingInstalledTheSetupOnTheClassPathIsUsed() throws Exception {
        int before = TestSetup.CREATED.get();
        TicketInfo sale = Tickets.sale42();

        close(sale);

        assertThat(TestSetup.CREATED.get()).isEqualTo(before + 1);
        assertThat(sale.getProperty("loyaltykit.status")).isEqualTo("applied");
        assertThat(TestSetup.shop.available("C-0001")).isEqualTo(280);
    }

    @Test
    void withNothingInstalledAndNoSetupTheSaleGoesThroughUntouched() throws Exception {
        Thread current = Thread.currentThread();
        ClassLoader saved = current.getContextClassLoader();
        current.setContextClassLoader(new URLClassLoader(new URL[0], null));
        TicketInfo sale = Tickets.sale42();
        try {
            close(sale);
        } finally {
            current.setContextClassLoader(saved);
        }

        assertThat(sale.getProperty("loyaltykit.status")).isEqualTo("skipped");
        assertThat(sale.getProperty("loyaltykit.points")).isNull();
    }
}
