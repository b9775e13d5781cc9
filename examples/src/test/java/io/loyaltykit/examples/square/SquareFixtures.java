package io.loyaltykit.examples.square;

import io.loyaltykit.examples.common.Fixtures;

import java.nio.charset.StandardCharsets;

/** The signed Square fixtures: bodies and the signatures computed for them outside Java (openssl). */
final class SquareFixtures {
    /** The signature key the fixtures were signed with. */
    static final String KEY = "sq-test-signature-key-7Hq2vN";
    /** The notification URL the fixtures were signed for. */
    static final String URL = "https://loyalty.example.com/square/webhook";
    static final String SALE_ORDER = "CAISENgvlJ6jLWAzERDzjyHVybY";
    static final String RETURN_ORDER = "R8mCtyqFL3QJ4dGl8mp2kRd9hWGZY";
    static final String CUSTOMER = "JDKYHBWT1D4F8MFH63DBMEN8Y4";

    private SquareFixtures() {
    }

    static byte[] body(String name) {
        return Fixtures.bytes(SquareFixtures.class, name);
    }

    static String signature(String name) {
        return new String(Fixtures.bytes(SquareFixtures.class, name + ".sig"), StandardCharsets.US_ASCII).trim();
    }
}
