package io.loyaltykit.ledger;

/**
 * How much a debit took from one lot.
 *
 * @param lot    the lot's entry id
 * @param points points taken, positive
 */
public record Draw(String lot, long points) {
}
