package io.loyaltykit.examples.square;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * Square's webhook signature: the {@code x-square-hmacsha256-signature} header is the base64 of an
 * HMAC-SHA256, keyed with the subscription's signature key, over the notification URL exactly as registered
 * followed by the raw request body. Verify before parsing anything; compare in constant time.
 *
 * <pre>{@code
 * SquareSignature signature = new SquareSignature(signatureKey, "https://example.com/square/webhook");
 * if (!signature.verify(request.header(SquareSignature.HEADER), rawBody)) { reject with 401 }
 * }</pre>
 */
public final class SquareSignature {
    /** The header Square puts the signature in. */
    public static final String HEADER = "x-square-hmacsha256-signature";

    private final byte[] key;
    private final byte[] url;

    /**
     * A verifier.
     *
     * @param signatureKey    the subscription's signature key (Developer Console, webhook endpoint details)
     * @param notificationUrl the notification URL exactly as registered with Square
     */
    public SquareSignature(String signatureKey, String notificationUrl) {
        Objects.requireNonNull(signatureKey, "signatureKey");
        Objects.requireNonNull(notificationUrl, "notificationUrl");
        if (signatureKey.isEmpty()) {
            throw new IllegalArgumentException("the signature key must not be empty");
        }
        this.key = signatureKey.getBytes(StandardCharsets.UTF_8);
        this.url = notificationUrl.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature Square sends for this body. */
    public String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(url);
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /** True when the header carries this body's signature; false for a missing or different one. */
    public boolean verify(String header, byte[] body) {
        if (header == null || body == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
