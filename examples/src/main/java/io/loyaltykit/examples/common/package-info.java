/**
 * What the POS integrations share: exact amounts from POS doubles, decimals and minor units
 * ({@link io.loyaltykit.examples.common.Amounts}), tenders fitted to the bill to the cent
 * ({@link io.loyaltykit.examples.common.Tenders}), POS categories mapped to program categories
 * ({@link io.loyaltykit.examples.common.CategoryMap}), refunds matched to recorded purchases
 * ({@link io.loyaltykit.examples.common.Originals}, {@link io.loyaltykit.examples.common.ReturnLines}),
 * delivery with optional auto-enrolment ({@link io.loyaltykit.examples.common.Delivery}) and a webhook
 * endpoint on the JDK's HTTP server ({@link io.loyaltykit.examples.common.WebhookEndpoint}).
 */
package io.loyaltykit.examples.common;
