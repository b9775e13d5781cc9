/**
 * Events as JSON and JSON Lines files, the format POS mappers produce and {@code loyalty simulate} replays.
 */
package io.loyaltykit.rules.events;
