package io.loyaltykit;

import io.loyaltykit.ledger.PointsBalance;
import io.loyaltykit.ledger.Purses;

import java.time.Instant;
import java.util.Map;

/**
 * A member's standing as of an instant: level, points, stored value and packages, all derived from the
 * ledger.
 *
 * @param member      member id
 * @param asOf        the instant
 * @param tier        level id
 * @param points      points balance
 * @param storedValue stored value purses
 * @param packages    uses left per package id (expired grants left out)
 * @param referrer    referrer id, or null
 */
public record Account(String member, Instant asOf, String tier, PointsBalance points, Purses storedValue,
                      Map<String, PackageBalance> packages, String referrer) {

    /**
     * Uses left of one package.
     *
     * @param remaining uses left
     * @param expiresAt the soonest expiry among grants with uses left, or null
     */
    public record PackageBalance(long remaining, Instant expiresAt) {
    }
}
