/**
 * uniCenta oPOS 4.x (Openbravo POS lineage): a {@code ticket.close} event script
 * ({@code ticket.close.bsh} beside these classes) that hands each closed ticket to
 * {@link io.loyaltykit.examples.unicenta.UnicentaHook}, a table poller
 * ({@link io.loyaltykit.examples.unicenta.UnicentaPoller}) that reads {@code TICKETS}, {@code RECEIPTS},
 * {@code TICKETLINES}, {@code PAYMENTS} and {@code CUSTOMERS} over JDBC, and the mapper both share
 * ({@link io.loyaltykit.examples.unicenta.UnicentaMapper}). uniCenta's own classes are reached through
 * interfaces that mirror their getters ({@link io.loyaltykit.examples.unicenta.UnicentaTicket} and friends).
 */
package io.loyaltykit.examples.unicenta;
