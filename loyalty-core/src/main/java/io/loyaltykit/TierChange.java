package io.loyaltykit;

import java.time.Instant;

/**
 * A change of level: upgrades happen on the event that crossed a threshold, downgrades when a grace span
 * ran out, whether or not an event happened then.
 *
 * @param at   when
 * @param from level before
 * @param to   level after
 */
public record TierChange(Instant at, String from, String to) {
}
