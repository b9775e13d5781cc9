/**
 * Square: a receiver for the {@code order.created} and {@code order.updated} webhooks that verifies
 * {@code x-square-hmacsha256-signature} ({@link io.loyaltykit.examples.square.SquareSignature}), fetches the
 * order from the Orders API ({@link io.loyaltykit.examples.square.SquareOrders}) and maps its line items and
 * returns ({@code returns[].source_order_id}, {@code return_line_items[].source_line_item_uid}) to LoyaltyKit
 * events ({@link io.loyaltykit.examples.square.SquareMapper}).
 */
package io.loyaltykit.examples.square;
