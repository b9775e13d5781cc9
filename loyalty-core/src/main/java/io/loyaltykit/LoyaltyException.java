package io.loyaltykit;

import java.util.Map;
import java.util.Objects;

/**
 * An error a caller can act on, with a stable {@link ErrorCode} and, where the code promises one,
 * typed details (for {@link ErrorCode#REDEMPTION_NOT_ALLOWED}, {@link #maxRedeemablePoints()}).
 *
 * <pre>{@code
 * try {
 *     program = Program.builder("salon").currency("CNY").build();
 * } catch (LoyaltyException e) {
 *     log.warn("{}: {}", e.code(), e.getMessage());
 * }
 * }</pre>
 */
public class LoyaltyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final Long maxRedeemablePoints;

    /** An error with a code and a message for people. */
    public LoyaltyException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    /** An error with a code, a message and the exception that caused it. */
    public LoyaltyException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    private LoyaltyException(ErrorCode code, String message, Long maxRedeemablePoints, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.maxRedeemablePoints = maxRedeemablePoints;
    }

    /** A {@link ErrorCode#REDEMPTION_NOT_ALLOWED} carrying the largest figure the bill allows. */
    public static LoyaltyException redemptionNotAllowed(String message, long maxRedeemablePoints) {
        return new LoyaltyException(ErrorCode.REDEMPTION_NOT_ALLOWED, message, maxRedeemablePoints, null);
    }

    /** The stable code. */
    public ErrorCode code() {
        return code;
    }

    /** For {@link ErrorCode#REDEMPTION_NOT_ALLOWED}: the largest number of points the bill could take; else null. */
    public Long maxRedeemablePoints() {
        return maxRedeemablePoints;
    }

    /** The code and details as a map, for logging and JSON output. */
    public Map<String, Object> details() {
        return maxRedeemablePoints == null ? Map.of("code", code.name())
                : Map.of("code", code.name(), "maxRedeemablePoints", maxRedeemablePoints);
    }
}
