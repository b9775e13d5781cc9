package io.loyaltykit.examples.unicenta.fakepos;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Stands in for uniCenta's {@code com.openbravo.pos.ticket.TicketInfo}: the same public getters (and
 * property setter) the ticket.close script and the adapter use, nothing of ours implemented.
 */
public final class TicketInfo {
    private final String id;
    private final int tickettype;
    private final int ticketId;
    private final int ticketstatus;
    private final Date date;
    private final CustomerInfoExt customer;
    private final UserInfo user;
    private final List<TicketLineInfo> lines = new ArrayList<>();
    private final List<PaymentInfo> payments = new ArrayList<>();
    private final Properties attributes = new Properties();

    public TicketInfo(String id, int tickettype, int ticketId, int ticketstatus, Date date, CustomerInfoExt customer,
                      UserInfo user) {
        this.id = id;
        this.tickettype = tickettype;
        this.ticketId = ticketId;
        this.ticketstatus = ticketstatus;
        this.date = date;
        this.customer = customer;
        this.user = user;
    }

    public TicketInfo line(TicketLineInfo line) {
        lines.add(line);
        return this;
    }

    public TicketInfo payment(String name, double total) {
        payments.add(new PaymentInfo(name, total));
        return this;
    }

    public String getId() {
        return id;
    }

    public int getTicketType() {
        return tickettype;
    }

    public int getTicketId() {
        return ticketId;
    }

    public int getTicketStatus() {
        return ticketstatus;
    }

    public Date getDate() {
        return date;
    }

    public CustomerInfoExt getCustomer() {
        return customer;
    }

    public String getCustomerId() {
        return customer == null ? null : customer.getId();
    }

    public UserInfo getUser() {
        return user;
    }

    public List<TicketLineInfo> getLines() {
        return lines;
    }

    public List<PaymentInfo> getPayments() {
        return payments;
    }

    public String getProperty(String key) {
        return attributes.getProperty(key);
    }

    public void setProperty(String key, String value) {
        attributes.setProperty(key, value);
    }
}
