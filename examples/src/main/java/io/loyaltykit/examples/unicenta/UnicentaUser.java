package io.loyaltykit.examples.unicenta;

/**
 * The getters of uniCenta's {@code com.openbravo.pos.ticket.UserInfo} the mapper reads ({@code PEOPLE} row).
 *
 * <pre>{@code
 * String staff = ticket.getUser().getId();
 * }</pre>
 */
public interface UnicentaUser {

    /** {@code PEOPLE.ID}. */
    String getId();

    /** {@code PEOPLE.NAME}. */
    String getName();
}
