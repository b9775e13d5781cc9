package io.loyaltykit.examples.loyverse;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltykit.ErrorCode;
import io.loyaltykit.LoyaltyException;
import io.loyaltykit.Loyalty;
import io.loyaltykit.examples.common.Fixtures;
import io.loyaltykit.examples.common.TestShop;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.store.LoyaltyStore;
import io.loyaltykit.store.StoreTransaction;
import io.loyaltykit.support.Invariants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Function;

import static io.loyaltykit.examples.loyverse.LoyverseMapperTest.CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

/** The receiver over real HTTP on an ephemeral port. */
class LoyverseWebhookReceiverTest {
    private final TestShop shop = TestShop.cny();
    private LoyverseWebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private URI start(Loyalty loyalty, LoyaltyStore store) throws IOException {
        receiver = LoyverseWebhookReceiver.builder(loyalty, store, LoyverseMapperTest.mapper(shop))
                .path("/loyverse/3f9c1e7a5b2d").enrollUnknownMembers(true).build();
        InetSocketAddress at = receiver.start(new InetSocketAddress("127.0.0.1", 0));
        return URI.create("http://127.0.0.1:" + at.getPort() + "/loyverse/3f9c1e7a5b2d");
    }

    private URI start() throws IOException {
        return start(shop.loyalty, shop.store);
    }

    private static byte[] fixture(String name) {
        return Fixtures.bytes(LoyverseWebhookReceiverTest.class, name);
    }

    private static JsonNode result(Fixtures.Answer a) {
        assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        assertThat(a.body().get("results")).hasSize(1);
        return a.body().get("results").get(0);
    }

    @Test
    void aSaleEarnsPointsAndItsRedeliveryIsADuplicateThatChangesNothing() throws IOException {
        URI uri = start();

        JsonNode first = result(Fixtures.post(uri, fixture("receipts-update-sale.json")));
        // cut 128.00 at 1 point, shampoos 91.00 - 9.10 = 81.90 at 2 points: 291.80, floored
        assertThat(first.get("status").asText()).isEqualTo("applied");
        assertThat(first.get("id").asText()).isEqualTo("loyverse:2-1041");
        assertThat(first.get("points").asLong()).isEqualTo(291);
        assertThat(first.get("enrolled").asBoolean()).isTrue();
        assertThat(shop.available(CUSTOMER)).isEqualTo(291);
        int entries = shop.entries(CUSTOMER);

        JsonNode again = result(Fixtures.post(uri, fixture("receipts-update-sale.json")));

        assertThat(again.get("status").asText()).isEqualTo("duplicate");
        assertThat(again.get("points").asLong()).isEqualTo(291);
        assertThat(shop.entries(CUSTOMER)).isEqualTo(entries);
        assertThat(shop.available(CUSTOMER)).isEqualTo(291);
    }

    @Test
    void aRefundReversesTheShareOfTheRefundedLine() throws IOException {
        URI uri = start();
        result(Fixtures.post(uri, fixture("receipts-update-sale.json")));

        JsonNode refund = result(Fixtures.post(uri, fixture("receipts-update-refund.json")));

        // one shampoo of two: 40.95 at 2 points is 81.90 of the sale's 291.80 exact points;
        // that share of the 291 awarded is 81.68, floored
        assertThat(refund.get("status").asText()).isEqualTo("applied");
        assertThat(refund.get("type").asText()).isEqualTo("return");
        assertThat(refund.get("points").asLong()).isEqualTo(-81);
        assertThat(shop.available(CUSTOMER)).isEqualTo(210);
        assertThat(result(Fixtures.post(uri, fixture("receipts-update-refund.json"))).get("status").asText())
                .isEqualTo("duplicate");
        assertThat(shop.available(CUSTOMER)).isEqualTo(210);
        Invariants.check(shop.loyalty, CUSTOMER, false);
    }

    @Test
    void aSaleCancelledAfterwardsIsReturnedWhole() throws IOException {
        URI uri = start();
        result(Fixtures.post(uri, fixture("receipts-update-sale.json")));

        JsonNode cancel = result(Fixtures.post(uri, fixture("receipts-update-cancelled.json")));

        assertThat(cancel.get("id").asText()).isEqualTo("loyverse:2-1041:cancel");
        assertThat(cancel.get("points").asLong()).isEqualTo(-291);
        assertThat(shop.available(CUSTOMER)).isZero();
    }

    @Test
    void aSaleCancelledBeforeLoyaltyKitSawItIsSkipped() throws IOException {
        URI uri = start();

        JsonNode cancel = result(Fixtures.post(uri, fixture("receipts-update-cancelled.json")));

        assertThat(cancel.get("status").asText()).isEqualTo("skipped");
        assertThat(shop.store.read(LedgerReader::memberIds)).isEmpty();
    }

    @Test
    void bodiesThatAreNotAReceiptsWebhookAreRefusedAndChangeNothing() throws IOException {
        URI uri = start();

        assertThat(Fixtures.post(uri, "{\"type\": \"receipts.update\", \"receipts\": [".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(400);
        assertThat(Fixtures.post(uri, "[1, 2]".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(Fixtures.post(uri, "{\"type\": \"receipts.update\"}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(400);
        assertThat(Fixtures.send("GET", uri, null).status()).isEqualTo(405);
        assertThat(Fixtures.post(uri.resolve("/loyverse/webhook"), fixture("receipts-update-sale.json")).status())
                .isEqualTo(404);
        Fixtures.Answer other = Fixtures.post(uri, "{\"type\": \"customers.update\", \"customers\": []}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body().get("ignored").asText()).isEqualTo("customers.update");
        assertThat(shop.store.read(LedgerReader::memberIds)).isEmpty();
    }

    @Test
    void aReceiptThatCannotBeMappedIsRejectedInItsResult() throws IOException {
        URI uri = start();
        String broken = new String(fixture("receipts-update-sale.json"), StandardCharsets.UTF_8)
                .replace("\"receipt_date\": \"2026-03-02T03:00:00.000Z\"", "\"receipt_date\": \"soon\"");

        JsonNode r = result(Fixtures.post(uri, broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(r.get("status").asText()).isEqualTo("rejected");
        assertThat(r.get("code").asText()).isEqualTo(ErrorCode.INVALID_EVENT.name());
        assertThat(shop.store.read(LedgerReader::memberIds)).isEmpty();
    }

    @Test
    void aStoreThatCannotCommitAsksLoyverseToDeliverAgain() throws IOException {
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
        URI uri = start(Loyalty.builder(shop.program).store(down).build(), down);

        assertThat(Fixtures.post(uri, fixture("receipts-update-sale.json")).status()).isEqualTo(503);
        assertThat(shop.store.read(LedgerReader::memberIds)).isEmpty();
    }
}
