package io.loyaltykit.examples.square;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.loyaltykit.examples.square.SquareFixtures.KEY;
import static io.loyaltykit.examples.square.SquareFixtures.URL;
import static org.assertj.core.api.Assertions.assertThat;

/** The HMAC-SHA256 signature over notification URL and raw body, checked against signatures made with openssl. */
class SquareSignatureTest {
    private final SquareSignature signature = new SquareSignature(KEY, URL);

    @Test
    void agreesWithTheSignaturesOfTheFixtures() {
        for (String f : List.of("order-updated-completed.json", "order-created-completed.json", "order-updated-open.json",
                "order-created-return.json", "payment-updated.json")) {
            assertThat(signature.sign(SquareFixtures.body(f))).as(f).isEqualTo(SquareFixtures.signature(f));
            assertThat(signature.verify(SquareFixtures.signature(f), SquareFixtures.body(f))).as(f).isTrue();
        }
    }

    @Test
    void refusesAnotherBodyAnotherUrlAnotherKeyOrNoHeader() {
        byte[] body = SquareFixtures.body("order-updated-completed.json");
        String good = SquareFixtures.signature("order-updated-completed.json");
        byte[] reformatted = new String(body, StandardCharsets.UTF_8).replace("\"state\":\"COMPLETED\"", "\"state\": \"COMPLETED\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(signature.verify(good, reformatted)).as("one space more in the body").isFalse();
        assertThat(new SquareSignature(KEY, URL + "/").verify(good, body)).as("the URL is signed too").isFalse();
        assertThat(new SquareSignature(KEY + "x", URL).verify(good, body)).isFalse();
        assertThat(signature.verify(null, body)).isFalse();
        assertThat(signature.verify("", body)).isFalse();
    }

    @Property(tries = 300)
    void anyChangedByteBreaksTheSignature(@ForAll @Size(min = 1, max = 300) byte[] body, @ForAll @IntRange(max = 299) int at,
                                          @ForAll @IntRange(min = 1, max = 255) int flip) {
        String sig = signature.sign(body);
        assertThat(signature.verify(sig, body)).isTrue();

        byte[] changed = body.clone();
        changed[at % body.length] ^= (byte) flip;
        assertThat(signature.verify(sig, changed)).isFalse();
    }
}
