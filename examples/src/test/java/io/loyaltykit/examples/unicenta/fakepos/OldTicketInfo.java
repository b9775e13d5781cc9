package io.loyaltykit.examples.unicenta.fakepos;

import java.util.Date;

/** An Openbravo POS 2.x style ticket: no {@code getTicketStatus()}, so refunds cannot name their sale. */
public final class OldTicketInfo {
    public String getId() {
        return "old";
    }

    public int getTicketType() {
        return 1;
    }

    public int getTicketId() {
        return 3;
    }

    public Date getDate() {
        return new Date(0);
    }
}
