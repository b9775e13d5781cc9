package io.loyaltykit.examples.unicenta;

import java.util.Date;
import java.util.List;

/**
 * The getters of uniCenta oPOS's {@code com.openbravo.pos.ticket.TicketInfo} the mapper reads, under their
 * uniCenta names, so that {@link UnicentaObjects#ticket(Object)} can adapt a live {@code TicketInfo} by
 * method name and the poller can build one from the {@code TICKETS} tables.
 *
 * <pre>{@code
 * UnicentaTicket t = UnicentaObjects.ticket(ticketInfo);   // in the ticket.close script
 * Optional<Event> event = mapper.map(t, originals);
 * }</pre>
 */
public interface UnicentaTicket {

    /** uniCenta's {@code RECEIPT_NORMAL}: a sale. */
    int RECEIPT_NORMAL = 0;
    /** uniCenta's {@code RECEIPT_REFUND}: a refund of an earlier sale. */
    int RECEIPT_REFUND = 1;
    /** uniCenta's {@code RECEIPT_PAYMENT}: a customer paying off their account. */
    int RECEIPT_PAYMENT = 2;
    /** uniCenta's {@code RECEIPT_NOSALE}: the drawer opened without a sale. */
    int RECEIPT_NOSALE = 3;

    /** The receipt's UUID ({@code TICKETS.ID}, {@code RECEIPTS.ID}). */
    String getId();

    /** 0 sale, 1 refund, 2 payment, 3 no-sale ({@code TICKETS.TICKETTYPE}). */
    int getTicketType();

    /** The ticket number, counted per ticket type ({@code TICKETS.TICKETID}); set once the ticket is saved. */
    int getTicketId();

    /**
     * {@code TICKETS.STATUS}: on a refund, the number of the sale it refunds (uniCenta 4.x sets it from the
     * refunded ticket's {@code TICKETID}); on a sale, the number of the refund that refunded it, or 0.
     */
    int getTicketStatus();

    /** When the ticket was closed ({@code RECEIPTS.DATENEW}). */
    Date getDate();

    /** The customer, or null. */
    UnicentaCustomer getCustomer();

    /** The cashier ({@code TICKETS.PERSON}), or null. */
    UnicentaUser getUser();

    /** The lines, in order. */
    List<? extends UnicentaTicketLine> getLines();

    /** The payments. */
    List<? extends UnicentaPayment> getPayments();
}
