package io.loyaltykit.ledger;

/**
 * A package grant and its uses left.
 *
 * @param grant     the grant entry
 * @param remaining uses left
 */
public record PackageState(PackageEntry grant, long remaining) {
}
