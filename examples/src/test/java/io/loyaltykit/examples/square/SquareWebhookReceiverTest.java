package io.loyaltykit.examples.square;

import com.fasterxml.jackson.databind.JsonNode;
import io.loyaltykit.event.Enroll;
import io.loyaltykit.examples.common.Fixtures;
import io.loyaltykit.examples.common.TestShop;
import io.loyaltykit.store.LedgerReader;
import io.loyaltykit.support.Invariants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;

import static io.loyaltykit.examples.square.SquareFixtures.CUSTOMER;
import static io.loyaltykit.examples.square.SquareFixtures.KEY;
import static io.loyaltykit.examples.square.SquareFixtures.RETURN_ORDER;
import static io.loyaltykit.examples.square.SquareFixtures.SALE_ORDER;
import static io.loyaltykit.examples.square.SquareFixtures.URL;
import static org.assertj.core.api.Assertions.assertThat;

/** The receiver over real HTTP, with signed fixtures and a stand-in for Square's Orders API. */
class SquareWebhookReceiverTest {
    private final TestShop shop = new TestShop("USD", "America/New_York");
    private FakeSquareApi square;
    private SquareWebhookReceiver receiver;
    private URI uri;

    @BeforeEach
    void start() throws IOException {
        square = new FakeSquareApi();
        receiver = SquareWebhookReceiver.builder(shop.loyalty, shop.store, SquareMapperTest.mapper(shop),
                        SquareOrders.api(square.base(), FakeSquareApi.TOKEN))
                .signature(KEY, URL)
                .build();
        InetSocketAddress at = receiver.start(new InetSocketAddress("127.0.0.1", 0));
        // Square posts to the public URL; a proxy forwards to this port, same path
        uri = URI.create("http://127.0.0.1:" + at.getPort() + "/square/webhook");
        shop.loyalty.apply(Enroll.of("enrol-jd", Instant.parse("2026-01-01T00:00:00Z"), CUSTOMER));
    }

    @AfterEach
    void stop() {
        receiver.close();
        square.close();
    }

    private Fixtures.Answer deliver(String fixture) {
        return Fixtures.post(uri, SquareFixtures.body(fixture), SquareSignature.HEADER, SquareFixtures.signature(fixture),
                "Content-Type", "application/json");
    }

    private static JsonNode only(Fixtures.Answer a) {
        assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        assertThat(a.body().get("results")).hasSize(1);
        return a.body().get("results").get(0);
    }

    @Test
    void aCompletedOrderEarnsPointsOnceHoweverOftenSquareTellsOfIt() {
        JsonNode first = only(deliver("order-updated-completed.json"));

        // the cut 40.50 at 1 point, the shampoos 23.38 at 2 points: 87.26, floored
        assertThat(first.get("status").asText()).isEqualTo("applied");
        assertThat(first.get("id").asText()).isEqualTo("square:" + SALE_ORDER);
        assertThat(first.get("points").asLong()).isEqualTo(87);
        assertThat(shop.available(CUSTOMER)).isEqualTo(87);
        int entries = shop.entries(CUSTOMER);

        JsonNode redelivered = only(deliver("order-updated-completed.json"));
        JsonNode created = only(deliver("order-created-completed.json"));

        assertThat(redelivered.get("status").asText()).isEqualTo("duplicate");
        assertThat(created.get("status").asText()).isEqualTo("duplicate");
        assertThat(shop.entries(CUSTOMER)).isEqualTo(entries);
        assertThat(shop.available(CUSTOMER)).isEqualTo(87);
        assertThat(square.asked).containsOnly(SALE_ORDER);
    }

    @Test
    void aReturnReversesThePointsOfTheReturnedLine() {
        only(deliver("order-updated-completed.json"));

        JsonNode ret = only(deliver("order-created-return.json"));

        // one shampoo of two: 11.69 of net at 2 points is 23.38 of the sale's 87.26 exact points;
        // that share of the 87 awarded is 23.31, floored
        assertThat(ret.get("type").asText()).isEqualTo("return");
        assertThat(ret.get("id").asText()).isEqualTo("square:" + RETURN_ORDER + ":return:RTN7a1");
        assertThat(ret.get("points").asLong()).isEqualTo(-23);
        assertThat(shop.available(CUSTOMER)).isEqualTo(64);
        assertThat(only(deliver("order-created-return.json")).get("status").asText()).isEqualTo("duplicate");
        assertThat(shop.available(CUSTOMER)).isEqualTo(64);
        Invariants.check(shop.loyalty, CUSTOMER, false);
    }

    @Test
    void aBadSignatureIsRefusedAndNothingIsFetchedOrApplied() {
        byte[] body = SquareFixtures.body("order-updated-completed.json");
        String otherSignature = SquareFixtures.signature("order-created-completed.json");

        Fixtures.Answer forged = Fixtures.post(uri, body, SquareSignature.HEADER, otherSignature);
        Fixtures.Answer unsigned = Fixtures.post(uri, body);
        Fixtures.Answer wrongKey = Fixtures.post(uri, body, SquareSignature.HEADER,
                new SquareSignature("not-the-key", URL).sign(body));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(square.asked).isEmpty();
        assertThat(shop.available(CUSTOMER)).isZero();
        assertThat(shop.entries(CUSTOMER)).as("no ledger entry since the enrolment").isZero();
    }

    @Test
    void openOrdersAndOtherEventsAreAcknowledgedAndIgnored() {
        Fixtures.Answer open = deliver("order-updated-open.json");
        Fixtures.Answer payment = deliver("payment-updated.json");

        assertThat(open.status()).isEqualTo(200);
        assertThat(open.body().get("ignored").asText()).contains("OPEN");
        assertThat(payment.status()).isEqualTo(200);
        assertThat(payment.body().get("ignored").asText()).isEqualTo("payment.updated");
        assertThat(square.asked).isEmpty();
        assertThat(shop.store.read(LedgerReader::memberIds)).containsExactly(CUSTOMER);
        assertThat(shop.available(CUSTOMER)).isZero();
    }

    @Test
    void whenSquareCannotBeAskedTheWebhookIsAnswered503ForRedelivery() {
        square.down = true;

        assertThat(deliver("order-updated-completed.json").status()).isEqualTo(503);
        assertThat(shop.available(CUSTOMER)).isZero();

        square.down = false;
        assertThat(only(deliver("order-updated-completed.json")).get("points").asLong()).isEqualTo(87);
    }
}
