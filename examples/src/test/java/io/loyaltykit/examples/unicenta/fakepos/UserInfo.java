package io.loyaltykit.examples.unicenta.fakepos;

/** Stands in for uniCenta's {@code com.openbravo.pos.ticket.UserInfo}. */
public final class UserInfo {
    private final String id;
    private final String name;

    public UserInfo(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
