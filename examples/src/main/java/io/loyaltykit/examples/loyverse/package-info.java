/**
 * Loyverse (cloud POS): a receiver for the {@code receipts.update} webhook
 * ({@link io.loyaltykit.examples.loyverse.LoyverseWebhookReceiver}) and the mapper from Loyverse receipts
 * ({@code SALE}, {@code REFUND} with {@code refund_for}, {@code line_items}, {@code payments}) to
 * LoyaltyKit events ({@link io.loyaltykit.examples.loyverse.LoyverseMapper}).
 */
package io.loyaltykit.examples.loyverse;
