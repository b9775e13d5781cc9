package io.loyaltykit.examples.unicenta;

/**
 * The getters of uniCenta's {@code com.openbravo.pos.customers.CustomerInfoExt} the mapper reads
 * ({@code CUSTOMERS} row).
 *
 * <pre>{@code
 * String member = customer.getCard();   // the loyalty card number, the member id by default
 * }</pre>
 */
public interface UnicentaCustomer {

    /** {@code CUSTOMERS.ID}. */
    String getId();

    /** {@code CUSTOMERS.SEARCHKEY}, the customer's unique account key. */
    String getSearchkey();

    /** {@code CUSTOMERS.NAME}. */
    String getName();

    /** {@code CUSTOMERS.CARD}, the card the till scans, or null. */
    String getCard();
}
